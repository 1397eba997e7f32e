#!/usr/bin/env bash
# A user's first seconds (issue 14, item 1): starts fresh JVMs, one per run, each training one
# workload for a fixed time (W3: inferring), and reports what JMH's warm-up hides: bytes per step
# after the first seconds, steps/s against the JMH median, the time from the first step until
# steps run at 90% of the steady speed, and the seconds in which the vector backend was slower
# than the plain one.
#
#   benchmarks/first-seconds.sh [--jvms N] [--plain N] [--seconds S] [--settle S]
#                               [--workloads "W1 W2 ..."] [--jmh DIR/jmh.json]
#   JAVA=<JDK 25>/bin/java benchmarks/first-seconds.sh     (another JDK)
#
# Defaults: 20 vector JVMs per workload (what the issue asks) and 5 plain JVMs beside them (the
# comparison: one after every fourth vector JVM, so both kinds see the same minutes), 5 s each,
# bytes counted after 2 s, W1 W2 W2n W3 W4: 125 JVMs, about 13 minutes per JDK on a quiet
# machine. The JMH medians come from --jmh, else from the newest benchmarks/results/*/jmh.json
# (run.sh's last run). Reuses benchmarks/target/benchmarks.jar (build it with run.sh or mvn
# package). Writes the JSON lines to benchmarks/results/first-seconds-<java version>-<time>.jsonl
# and every JVM's figures beside them (-per-jvm.md), and prints the summary table.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
JAVA="${JAVA:-java}"
JVMS=20
PLAIN=5
SECONDS_RUN=5
SETTLE=2
WORKLOADS="W1 W2 W2n W3 W4"
JMH=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --jvms) JVMS="$2"; shift 2 ;;
    --plain) PLAIN="$2"; shift 2 ;;
    --seconds) SECONDS_RUN="$2"; shift 2 ;;
    --settle) SETTLE="$2"; shift 2 ;;
    --workloads) WORKLOADS="$2"; shift 2 ;;
    --jmh) JMH="$2"; shift 2 ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
JAR="${JAR:-$HERE/target/benchmarks.jar}"
[[ -f "$JAR" ]] || { echo "no $JAR: build it first (mvn -B package -pl benchmarks -am)" >&2; exit 1; }
if [[ -z "$JMH" ]]; then
  JMH="$(ls -t "$HERE"/results/*/jmh.json 2>/dev/null | head -1 || true)"
fi
VERSION="$("$JAVA" -version 2>&1 | head -1 | sed 's/.*"\(.*\)".*/\1/')"
mkdir -p "$HERE/results"
OUT="$HERE/results/first-seconds-$VERSION-$(date -u +%Y%m%dT%H%M%S).jsonl"
echo "java $VERSION, per workload $JVMS vector and $PLAIN plain JVMs, $SECONDS_RUN s each;" \
  "JMH medians from ${JMH:-nowhere}; load at start: $(uptime | sed 's/.*load average: //')"

run() { # workload backend index
  local load
  load="$(cut -d' ' -f1 /proc/loadavg)"
  "$JAVA" --add-modules jdk.incubator.vector -cp "$JAR" dev.unroll.benchmarks.FirstSeconds \
    "$1" "$2" "$SECONDS_RUN" "$SETTLE" 2>/dev/null \
    | sed "s/^{/{\"load\": $load, \"run\": $3, /" >> "$OUT"
}

for w in $WORKLOADS; do
  p=0
  for ((i = 0; i < JVMS; i++)); do
    run "$w" vector "$i"
    # the plain JVMs spread evenly among the vector ones
    while (( (i + 1) * PLAIN / JVMS > p )); do
      run "$w" plain "$p"
      p=$((p + 1))
    done
  done
  echo "$w done; load $(cut -d' ' -f1 /proc/loadavg)"
done
echo "load at end: $(uptime | sed 's/.*load average: //')"
python3 "$HERE/first_seconds.py" "$OUT" ${JMH:+"$JMH"} | tee "${OUT%.jsonl}.md"
echo "raw: $OUT"
