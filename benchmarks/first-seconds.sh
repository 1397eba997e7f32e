#!/usr/bin/env bash
# A user's first seconds: starts fresh JVMs, one per run, each training one workload for a fixed
# time (W3: inferring), and reports what JMH's warm-up hides: steps/s, bytes per step after the
# first seconds, and the time from the first step until steps run at 90% of the steady speed.
# Vector and plain JVMs alternate, so each vector run has a plain one beside it in time.
#
#   benchmarks/first-seconds.sh [--jvms N] [--seconds S] [--settle S] [--workloads "W1 W2 ..."]
#   JAVA=/path/to/jdk/bin/java benchmarks/first-seconds.sh ...   (another JDK)
#
# Defaults: 20 JVMs per workload and backend, 5 s each, bytes counted after 2 s, W1 W2 W2n W3 W4.
# Reuses benchmarks/target/benchmarks.jar (build it with run.sh or mvn package). Writes the JSON
# lines to benchmarks/results/first-seconds-<java version>-<time>.jsonl and prints a summary.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
JAVA="${JAVA:-java}"
JVMS=20
SECONDS_RUN=5
SETTLE=2
WORKLOADS="W1 W2 W2n W3 W4"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --jvms) JVMS="$2"; shift 2 ;;
    --seconds) SECONDS_RUN="$2"; shift 2 ;;
    --settle) SETTLE="$2"; shift 2 ;;
    --workloads) WORKLOADS="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
JAR="${JAR:-$HERE/target/benchmarks.jar}"
[[ -f "$JAR" ]] || { echo "no $JAR: build it first (mvn -B package -pl benchmarks -am)" >&2; exit 1; }
VERSION="$("$JAVA" -version 2>&1 | head -1 | sed 's/.*"\(.*\)".*/\1/')"
mkdir -p "$HERE/results"
OUT="$HERE/results/first-seconds-$VERSION-$(date -u +%Y%m%dT%H%M%S).jsonl"
echo "java $VERSION, $JVMS JVMs per workload and backend, $SECONDS_RUN s each; load at start: $(uptime | sed 's/.*load average: //')"
for w in $WORKLOADS; do
  for ((i = 0; i < JVMS; i++)); do
    for backend in vector plain; do
      load="$(cut -d' ' -f1 /proc/loadavg)"
      "$JAVA" --add-modules jdk.incubator.vector -cp "$JAR" dev.unroll.benchmarks.FirstSeconds \
        "$w" "$backend" "$SECONDS_RUN" "$SETTLE" 2>/dev/null \
        | sed "s/^{/{\"load\": $load, \"run\": $i, /" >> "$OUT"
    done
  done
  echo "$w done; load $(cut -d' ' -f1 /proc/loadavg)"
done
echo "load at end: $(uptime | sed 's/.*load average: //')"
python3 - "$OUT" "$SETTLE" <<'EOF'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
settle = float(sys.argv[2])
print(f"\n{rows[0]['java']}: per workload and backend, over the JVMs (median [min, max]); "
      f"B/step counted after {settle:g} s")
print("| workload | backend | JVMs | steps/s, last half | time to 90% (s) | JVMs at 0 B/step | max B/step | seconds vector < plain | load |")
print("|---|---|---|---|---|---|---|---|---|")
def med(xs):
    xs = [x for x in xs if x == x]
    return (statistics.median(xs), min(xs), max(xs)) if xs else (float('nan'),) * 3
def per_second(r):
    # steps in each whole second since the first step (the 100 ms windows summed by ten)
    s = r['steps']
    return [sum(s[i:i + 10]) for i in range(0, len(s) - 9, 10)]
for w in dict.fromkeys(r['bench'] for r in rows):
    by = {b: [r for r in rows if r['bench'] == w and r['backend'] == b] for b in ('vector', 'plain')}
    slower = total = 0
    for v, p in zip(by['vector'], by['plain']):
        for a, b in zip(per_second(v), per_second(p)):
            total += 1
            slower += a < b
    for b, rs in by.items():
        if not rs:
            continue
        rate = med([r['steady_per_s'] for r in rs])
        t90 = med([r['time_to_90_s'] for r in rs])
        zero = sum(1 for r in rs if r['bytes_per_step_after'] == 0)
        worst = max(r['bytes_per_step_after'] for r in rs)
        load = med([r['load'] for r in rs])
        cmp = f"{slower} of {total}" if b == 'vector' else ""
        print(f"| {w} | {b} | {len(rs)} | {rate[0]:,.0f} [{rate[1]:,.0f}, {rate[2]:,.0f}] | "
              f"{t90[0]:.2f} [{t90[1]:.2f}, {t90[2]:.2f}] | {zero} of {len(rs)} | {worst:,.1f} | {cmp} | "
              f"{load[0]:.1f} [{load[1]:.1f}, {load[2]:.1f}] |")
EOF
echo "raw: $OUT"
