#!/usr/bin/env bash
# Builds the benchmarks jar, runs JMH for Unroll and the plain-Java reference (and Deeplearning4j
# with --dl4j), runs the numpy peer, and prints the comparison table. Single-threaded unless --threads.
#
#   benchmarks/run.sh [--quick] [--dl4j] [--threads N] [--skip-build] [--out DIR]
#
# --quick       a short smoke run (figures not worth quoting)
# --dl4j        build with -Pdl4j and add the Deeplearning4j peer
# --threads N   threads of the peers' BLAS/OpenMP pools (default 1; with more, OpenMP waits
#               passively, since a spinning worker makes DL4J slower on 2 shared cores)
# --skip-build  reuse benchmarks/target/benchmarks.jar
# --out DIR     where jmh.json, numpy.jsonl, table.md and the logs go
#               (default benchmarks/results/<date-time>, which git ignores)
set -euo pipefail

# Everything runs inside main, which bash parses whole before running it: editing this file
# during a run cannot change what that run does.
main() {

  ARGS="$*"
  QUICK=0
  DL4J=0
  THREADS=1
  BUILD=1
  OUT=""
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --quick) QUICK=1 ;;
      --dl4j) DL4J=1 ;;
      --threads) THREADS="$2"; shift ;;
      --skip-build) BUILD=0 ;;
      --out) OUT="$2"; shift ;;
      -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
      *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift
  done

  # One run at a time: two runs on 2 cores disturb each other, and a build would replace the jar
  # under a running one.
  exec 9> "${TMPDIR:-/tmp}/unroll-benchmarks.lock"
  if ! flock -n 9; then
    echo "another benchmarks/run.sh is running; wait for it to finish" >&2
    exit 1
  fi

  HERE="$(cd "$(dirname "$0")" && pwd)"
  ROOT="$(cd "$HERE/.." && pwd)"
  # outside target/, so that a `mvn clean` between runs does not delete them
  OUT="${OUT:-$HERE/results/$(date +%Y%m%d-%H%M%S)}"
  mkdir -p "$OUT"
  OUT="$(cd "$OUT" && pwd)"

  # Every peer on THREADS threads (1 unless --threads). OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE may
  # be set on this machine for other work; a benchmark must see the core OpenBLAS detects itself, so each measuring
  # command runs with both unset (env -u), and the detected core is recorded.
  PEER_ENV=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OMP_NUM_THREADS="$THREADS"
    OPENBLAS_NUM_THREADS="$THREADS" MKL_NUM_THREADS="$THREADS")
  if [[ $THREADS -gt 1 ]]; then
    PEER_ENV+=(OMP_WAIT_POLICY=PASSIVE)
  fi
  # numpy at its best: glibc's adaptive mmap threshold otherwise maps and unmaps numpy's
  # 100-200 KB temporaries on some steps and not others, and W1 swings between 3k and 8k
  # steps/s from one repetition to the next. Fixed thresholds keep them on the heap.
  NUMPY_MALLOC=(env MALLOC_MMAP_THRESHOLD_=4000000 MALLOC_TRIM_THRESHOLD_=100000000)
  # Heap for every fork: DL4J spends part of a run in GC pauses and its figures depend on it.
  JVM_ARGS="-Xms2g -Xmx4g"
  if [[ $QUICK -eq 1 ]]; then
    JMH_OPTS=(-f 1 -wi 3 -w 1s -i 3 -r 1s)
    NUMPY_OPTS=(--quick)
    ALLOC_SECONDS=1
  else
    # W2 reaches its steady speed only after about 3 s (C2 compiles its methods late), hence 8 s
    # of warm-up per fork.
    JMH_OPTS=(-f 1 -wi 4 -w 2s -i 7 -r 2s)
    NUMPY_OPTS=()
    ALLOC_SECONDS=2
  fi
  FILTER='dev.unroll.benchmarks.(Unroll|Plain)(Bench|Infer)'
  if [[ $DL4J -eq 1 ]]; then
    FILTER='dev.unroll.benchmarks.(dl4j.Dl4j|Unroll|Plain)(Bench|Infer)'
  fi

  load() { echo "$(date '+%F %T') load $(cut -d' ' -f1-3 /proc/loadavg)"; }

  # Samples the load every 10 s during the run, so a disturbed stretch can be seen afterwards.
  (while true; do load; sleep 10; done) > "$OUT/load.log" 2>&1 &
  SAMPLER=$!
  trap 'kill "$SAMPLER" 2>/dev/null || true' EXIT

  {
    echo "command: benchmarks/run.sh $ARGS"
    echo "peer threads: $THREADS (Unroll's generated code runs on the benchmark thread)"
    echo "date: $(date -u '+%F %T UTC')"
    echo "cpu: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores"
    echo "java: $(java -version 2>&1 | head -1)"
    echo "jvm args: $JVM_ARGS"
    echo "jmh: ${JMH_OPTS[*]} -prof gc"
    echo "commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    # The generated kernels come from processor/ and runtime/ as they are in the work tree.
    echo "uncommitted files in processor/ and runtime/: $(git -C "$ROOT" status --porcelain \
      -- processor runtime 2>/dev/null | wc -l)"
    echo "load before: $(load)"
  } | tee "$OUT/run.txt"

  if [[ $BUILD -eq 1 ]]; then
    echo "building the benchmarks jar$([[ $DL4J -eq 1 ]] && echo ' with -Pdl4j') ..."
    PROFILE=()
    [[ $DL4J -eq 1 ]] && PROFILE=(-Pdl4j)
    # The processor is in the build list so the annotation-processor path resolves.
    (cd "$ROOT" && mvn -B -q -pl processor,benchmarks -am package -DskipTests "${PROFILE[@]}") \
      > "$OUT/build.log" 2>&1 || { cat "$OUT/build.log"; exit 1; }
  fi
  JAR="$HERE/target/benchmarks.jar"

  echo "JMH ($FILTER) ... $(load)" | tee -a "$OUT/run.txt"
  "${PEER_ENV[@]}" java -jar "$JAR" "$FILTER" "${JMH_OPTS[@]}" -prof gc \
    -jvmArgsAppend "$JVM_ARGS" -rf json -rff "$OUT/jmh.json" > "$OUT/jmh.log" 2>&1 \
    || { tail -50 "$OUT/jmh.log"; exit 1; }
  "${PEER_ENV[@]}" java --add-modules jdk.incubator.vector $JVM_ARGS -cp "$JAR" \
    dev.unroll.benchmarks.AllocationCheck "$ALLOC_SECONDS" \
    > "$OUT/alloc.jsonl" 2> "$OUT/alloc.log" || { cat "$OUT/alloc.log"; exit 1; }
  echo "numpy ... $(load)" | tee -a "$OUT/run.txt"
  "${PEER_ENV[@]}" "${NUMPY_MALLOC[@]}" python3 "$HERE/numpy/bench.py" "${NUMPY_OPTS[@]}" \
    > "$OUT/numpy.jsonl" 2> "$OUT/numpy.log" || { cat "$OUT/numpy.log"; exit 1; }

  # W4 with 2 threads: the peers' pools and, when the generated code has one (a `threads`
  # parameter of UnrollBench), Unroll's. A second pass so the 1-thread figures stay untouched.
  TWO_ENV=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OMP_NUM_THREADS=2 OPENBLAS_NUM_THREADS=2
    MKL_NUM_THREADS=2 OMP_WAIT_POLICY=PASSIVE)
  TWO_FILTER='dev.unroll.benchmarks.(UnrollBench)'
  [[ $DL4J -eq 1 ]] && TWO_FILTER='dev.unroll.benchmarks.(UnrollBench|dl4j.Dl4jBench)'
  TWO_PARAMS=(-p workload=W4)
  if java -jar "$JAR" -lp 2>/dev/null | grep -q 'param "threads"'; then
    TWO_PARAMS+=(-p threads=2)
  else
    # No pool in the generated code: Unroll's W4 stays single-threaded, measure the peers only.
    [[ $DL4J -eq 1 ]] && TWO_FILTER='dev.unroll.benchmarks.dl4j.Dl4jBench' || TWO_FILTER=''
  fi
  if [[ -n "$TWO_FILTER" ]]; then
    echo "JMH W4, 2 threads ... $(load)" | tee -a "$OUT/run.txt"
    "${TWO_ENV[@]}" java -jar "$JAR" "$TWO_FILTER" "${TWO_PARAMS[@]}" "${JMH_OPTS[@]}" \
      -jvmArgsAppend "$JVM_ARGS" -rf json -rff "$OUT/jmh-2t.json" > "$OUT/jmh-2t.log" 2>&1 \
      || { tail -50 "$OUT/jmh-2t.log"; exit 1; }
  fi
  echo "numpy W4, 2 threads ... $(load)" | tee -a "$OUT/run.txt"
  "${TWO_ENV[@]}" "${NUMPY_MALLOC[@]}" python3 "$HERE/numpy/bench.py" "${NUMPY_OPTS[@]}" \
    --only W4 sgemm \
    > "$OUT/numpy-2t.jsonl" 2> "$OUT/numpy-2t.log" || { cat "$OUT/numpy-2t.log"; exit 1; }

  echo "load after: $(load)" | tee -a "$OUT/run.txt"
  echo "load during (min-max of 1-minute averages): $(awk '{print $4}' "$OUT/load.log" \
    | sort -n | sed -n '1p;$p' | paste -sd- -)" | tee -a "$OUT/run.txt"
  echo
  python3 "$HERE/table.py" "$OUT"
  echo
  echo "results in $OUT"
}

main "$@"
