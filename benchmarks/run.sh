#!/usr/bin/env bash
# Builds the benchmarks jar, runs JMH for Unroll and the plain-Java reference (and Deeplearning4j
# with --dl4j), the numpy peer, the PyTorch peer when torch is importable, StreamProbe (W3's
# bound), the 2-thread pass, and prints the comparison tables. Single-threaded unless said.
#
#   benchmarks/run.sh [--quick] [--dl4j] [--torch] [--no-compile] [--neighbour]
#                     [--threads N] [--skip-build] [--out DIR]
#
# --quick       a short smoke run (figures not worth quoting)
# --dl4j        build with -Pdl4j and add the Deeplearning4j peer (W1-W7)
# --torch       make sure PyTorch is there: use $TORCH_PYTHON, or python3 when it imports
#               torch, or else a venv with system site packages ($UNROLL_TORCH_VENV, default
#               ${TMPDIR:-/tmp}/unroll-torch-venv), created with `pip install --no-deps torch`
#               (a local wheel folder first) and `pip install filelock` when missing. Without
#               --torch the PyTorch peer runs when one of those already imports torch.
# --no-compile  PyTorch eager only (torch.compile takes about a minute per workload)
# --neighbour   also W4 on 1 and 2 threads beside a busy-loop process, once placed by the
#               scheduler and once pinned to CPU 1, with the load sampled during each
# --threads N   threads of the peers' BLAS/OpenMP pools (default 1; with more, OpenMP waits
#               passively, since a spinning worker makes DL4J slower on 2 shared cores)
# --skip-build  reuse benchmarks/target/benchmarks.jar
# --out DIR     where the raw results, the logs and table.md go
#               (default benchmarks/results/<date-time>, which git ignores)
set -euo pipefail

# Everything runs inside main, which bash parses whole before running it: editing this file
# during a run cannot change what that run does.
main() {

  ARGS="$*"
  QUICK=0
  DL4J=0
  TORCH_SETUP=0
  COMPILE=1
  NEIGHBOUR=0
  THREADS=1
  BUILD=1
  OUT=""
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --quick) QUICK=1 ;;
      --dl4j) DL4J=1 ;;
      --torch) TORCH_SETUP=1 ;;
      --no-compile) COMPILE=0 ;;
      --neighbour|--neighbor) NEIGHBOUR=1 ;;
      --threads) THREADS="$2"; shift ;;
      --skip-build) BUILD=0 ;;
      --out) OUT="$2"; shift ;;
      -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
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
  # be set on this machine for other work; a benchmark must see the core OpenBLAS detects
  # itself, so each measuring command runs with both unset (env -u), and the detected core is
  # recorded.
  PEER_ENV=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OMP_NUM_THREADS="$THREADS"
    OPENBLAS_NUM_THREADS="$THREADS" MKL_NUM_THREADS="$THREADS")
  if [[ $THREADS -gt 1 ]]; then
    PEER_ENV+=(OMP_WAIT_POLICY=PASSIVE)
  fi
  TWO_ENV=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OMP_NUM_THREADS=2 OPENBLAS_NUM_THREADS=2
    MKL_NUM_THREADS=2 OMP_WAIT_POLICY=PASSIVE)
  # Python peers at their best: glibc's adaptive mmap threshold otherwise maps and unmaps
  # numpy's temporaries on some steps and not others (W1 swung between 3k and 8k steps/s from
  # one repetition to the next), and the convolutional workloads' 3-75 MB arrays would be
  # mapped, faulted in and unmapped on every step. 32 MB is glibc's largest threshold.
  PY_MALLOC=(env MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=1000000000)
  # Heap for every fork: DL4J spends part of a run in GC pauses and its figures depend on it.
  JVM_ARGS="-Xms2g -Xmx4g"
  if [[ $QUICK -eq 1 ]]; then
    JMH_OPTS=(-f 1 -wi 3 -w 1s -i 3 -r 1s)
    PY_OPTS=(--quick)
    ALLOC_SECONDS=1
  else
    # W2 reaches its steady speed only after about 3 s (C2 compiles its methods late), hence 8 s
    # of warm-up per fork.
    JMH_OPTS=(-f 1 -wi 4 -w 2s -i 7 -r 2s)
    PY_OPTS=()
    ALLOC_SECONDS=2
  fi
  FILTER='dev.unroll.benchmarks.(Unroll|Plain)(Bench|Infer)'
  if [[ $DL4J -eq 1 ]]; then
    FILTER='dev.unroll.benchmarks.(dl4j.Dl4j(Conv)?|Unroll|Plain)(Bench|Infer)'
  fi

  load() { echo "$(date '+%F %T') load $(cut -d' ' -f1-3 /proc/loadavg)"; }

  # Samples the load every 10 s during the run, so a disturbed stretch can be seen afterwards.
  (while true; do load; sleep 10; done) > "$OUT/load.log" 2>&1 &
  SAMPLER=$!
  NEIGHBOUR_PID=""
  NEIGHBOUR_LOAD=""
  TWO_LOAD=""
  trap 'kill $SAMPLER $NEIGHBOUR_PID $NEIGHBOUR_LOAD $TWO_LOAD 2>/dev/null || true' EXIT

  TORCH_PY="$(find_torch)"

  {
    echo "command: benchmarks/run.sh $ARGS"
    echo "peer threads: $THREADS (Unroll's generated code runs on the benchmark thread)"
    echo "date: $(date -u '+%F %T UTC')"
    echo "cpu: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores"
    echo "java: $(java -version 2>&1 | head -1)"
    echo "jvm args: $JVM_ARGS"
    echo "jmh: ${JMH_OPTS[*]} -prof gc"
    if [[ -n "$TORCH_PY" ]]; then
      echo "pytorch: $("$TORCH_PY" -c 'import torch; print(torch.__version__)') ($TORCH_PY)"
    else
      echo "pytorch: not importable (benchmarks/run.sh --torch sets it up)"
    fi
    echo "commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    # The generated kernels come from processor/ and runtime/ as they are in the work tree.
    echo "uncommitted files in processor/, vector/ and runtime/: $(git -C "$ROOT" status \
      --porcelain -- processor vector runtime 2>/dev/null | wc -l)"
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
  # W3's bound: how fast one core streams its weights.
  echo "StreamProbe ... $(load)" | tee -a "$OUT/run.txt"
  java --add-modules jdk.incubator.vector -cp "$JAR" dev.unroll.benchmarks.StreamProbe \
    > "$OUT/streamprobe.txt" 2>&1 || { cat "$OUT/streamprobe.txt"; exit 1; }
  echo "numpy ... $(load)" | tee -a "$OUT/run.txt"
  "${PEER_ENV[@]}" "${PY_MALLOC[@]}" python3 "$HERE/numpy/bench.py" "${PY_OPTS[@]}" \
    > "$OUT/numpy.jsonl" 2> "$OUT/numpy.log" || { cat "$OUT/numpy.log"; exit 1; }
  if [[ -n "$TORCH_PY" ]]; then
    echo "PyTorch$([[ $COMPILE -eq 1 ]] && echo ', eager and torch.compile') ... $(load)" \
      | tee -a "$OUT/run.txt"
    TORCH_OPTS=("${PY_OPTS[@]}" --threads "$THREADS")
    [[ $COMPILE -eq 1 ]] && TORCH_OPTS+=(--compile)
    "${PEER_ENV[@]}" "${PY_MALLOC[@]}" "$TORCH_PY" "$HERE/torch/bench.py" "${TORCH_OPTS[@]}" \
      > "$OUT/torch.jsonl" 2> "$OUT/torch.log" || { tail -30 "$OUT/torch.log"; exit 1; }
  fi

  # Two threads: the peers' pools and Unroll's own (UnrollBench's `threads` parameter), on W4
  # (issue 3) and W6 (issue 13). A second pass so the 1-thread figures stay untouched.
  TWO_WORK=W4,W6
  echo "JMH $TWO_WORK, 2 threads ... $(load)" | tee -a "$OUT/run.txt"
  # the load beside the 2-thread figures (issue 14): a busy machine takes the second core
  (while true; do load; sleep 5; done) > "$OUT/two-threads.load" 2>&1 &
  TWO_LOAD=$!
  "${TWO_ENV[@]}" java -jar "$JAR" 'dev.unroll.benchmarks.UnrollBench' -p workload="$TWO_WORK" \
    -p threads=2 "${JMH_OPTS[@]}" -jvmArgsAppend "$JVM_ARGS" -rf json -rff "$OUT/jmh-2t.json" \
    > "$OUT/jmh-2t.log" 2>&1 || { tail -50 "$OUT/jmh-2t.log"; exit 1; }
  if [[ $DL4J -eq 1 ]]; then
    # W4 only: DL4J's W6 takes seconds a step
    "${TWO_ENV[@]}" java -jar "$JAR" 'dev.unroll.benchmarks.dl4j.Dl4jBench' -p workload=W4 \
      "${JMH_OPTS[@]}" -jvmArgsAppend "$JVM_ARGS" -rf json -rff "$OUT/jmh-2t-dl4j.json" \
      > "$OUT/jmh-2t-dl4j.log" 2>&1 || { tail -50 "$OUT/jmh-2t-dl4j.log"; exit 1; }
  fi
  echo "numpy W4, 2 threads ... $(load)" | tee -a "$OUT/run.txt"
  "${TWO_ENV[@]}" "${PY_MALLOC[@]}" python3 "$HERE/numpy/bench.py" "${PY_OPTS[@]}" \
    --only W4 sgemm > "$OUT/numpy-2t.jsonl" 2> "$OUT/numpy-2t.log" \
    || { cat "$OUT/numpy-2t.log"; exit 1; }
  if [[ -n "$TORCH_PY" ]]; then
    echo "PyTorch W4, W6, 2 threads ... $(load)" | tee -a "$OUT/run.txt"
    "${TWO_ENV[@]}" "${PY_MALLOC[@]}" "$TORCH_PY" "$HERE/torch/bench.py" "${PY_OPTS[@]}" \
      --threads 2 --only W4 W6 > "$OUT/torch-2t.jsonl" 2> "$OUT/torch-2t.log" \
      || { tail -30 "$OUT/torch-2t.log"; exit 1; }
  fi
  kill "$TWO_LOAD"
  TWO_LOAD=""

  if [[ $NEIGHBOUR -eq 1 ]]; then
    for KIND in free pinned; do
      PIN=()
      [[ $KIND == pinned ]] && PIN=(taskset -c 1)
      "${PIN[@]}" bash -c 'while :; do :; done' &
      NEIGHBOUR_PID=$!
      echo "JMH W4, 1 and 2 threads, beside a busy loop ($KIND, pid $NEIGHBOUR_PID) ... $(load)" \
        | tee -a "$OUT/run.txt"
      (while true; do load; sleep 5; done) > "$OUT/neighbour-$KIND.load" 2>&1 &
      NEIGHBOUR_LOAD=$!
      "${PEER_ENV[@]}" java -jar "$JAR" 'dev.unroll.benchmarks.UnrollBench' -p workload=W4 \
        -p threads=1,2 "${JMH_OPTS[@]}" -jvmArgsAppend "$JVM_ARGS" -rf json \
        -rff "$OUT/jmh-neighbour-$KIND.json" > "$OUT/jmh-neighbour-$KIND.log" 2>&1 \
        || { tail -50 "$OUT/jmh-neighbour-$KIND.log"; exit 1; }
      kill "$NEIGHBOUR_LOAD" "$NEIGHBOUR_PID"
      wait "$NEIGHBOUR_PID" 2>/dev/null || true
      NEIGHBOUR_PID=""
      NEIGHBOUR_LOAD=""
    done
  fi

  echo "load after: $(load)" | tee -a "$OUT/run.txt"
  echo "load during (min-max of 1-minute averages): $(awk '{print $4}' "$OUT/load.log" \
    | sort -n | sed -n '1p;$p' | paste -sd- -)" | tee -a "$OUT/run.txt"
  echo
  python3 "$HERE/table.py" "$OUT"
  echo
  echo "results in $OUT"
}

# A python that imports torch, or nothing: $TORCH_PYTHON, python3, or the venv (made with
# --torch). Progress goes to stderr; the path alone to stdout.
find_torch() {
  local venv="${UNROLL_TORCH_VENV:-${TMPDIR:-/tmp}/unroll-torch-venv}"
  local py
  for py in "${TORCH_PYTHON:-}" python3 "$venv/bin/python"; do
    if [[ -n "$py" ]] && "$py" -c 'import torch' > /dev/null 2>&1; then
      command -v "$py"
      return
    fi
  done
  if [[ $TORCH_SETUP -eq 0 ]]; then
    echo "PyTorch not importable: skipped (benchmarks/run.sh --torch sets it up)" >&2
    return
  fi
  echo "setting up PyTorch in $venv ..." >&2
  {
    [[ -x "$venv/bin/python" ]] || python3 -m venv --system-site-packages "$venv"
    # A local wheel folder (pip's find-links) first: it holds the CPU build here; an index
    # may serve a CUDA build that cannot load without its libraries.
    # --retries 0: where an index is unreachable, pip fails over at once instead of backing off.
    "$venv/bin/pip" install --no-deps --no-index torch \
      || "$venv/bin/pip" install --retries 0 --no-deps torch
    "$venv/bin/python" -c 'import filelock' 2>/dev/null || "$venv/bin/pip" install --no-index \
      filelock || "$venv/bin/pip" install --retries 0 filelock
  } > "$OUT/torch-setup.log" 2>&1 || true
  if "$venv/bin/python" -c 'import torch' >> "$OUT/torch-setup.log" 2>&1; then
    echo "$venv/bin/python"
  else
    echo "PyTorch setup failed (see $OUT/torch-setup.log): the run goes on without it" >&2
  fi
}

# exit on the same line: bash reads a script as it runs it, so after main returns it would
# read on at its old offset in a file edited meanwhile
main "$@"; exit "$?"
