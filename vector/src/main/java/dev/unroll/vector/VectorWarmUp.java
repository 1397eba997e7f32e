package dev.unroll.vector;

import java.lang.management.ManagementFactory;

/**
 * Compiles a kernel class's vector paths in the background and tells it when they run as vector
 * instructions. The Vector API is fast only in C2-compiled code: the interpreter and C1 run each
 * vector operation as an object (a fresh JVM's first W2 training step allocated 594 MB and took
 * 2.8 s), and a kernel reaches C2 only after thousands of calls. So a daemon thread runs one
 * round of every vector path on small arrays, again and again, and counts the bytes each round
 * allocates on it ({@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}, a
 * counter read, no timing to misjudge on a busy machine): two rounds in a row of 0 bytes mean C2
 * has compiled every path with its intrinsics, and the kernels switch to them. Until then they run
 * their scalar fallback. If the rounds still allocate after {@link #CPU_LIMIT_NANOS} of the
 * thread's CPU time, the JVM is not compiling the Vector API (C2 off, or a JVM without its
 * intrinsics): it says so once on stderr, with the fix, and the kernels stay scalar.
 */
final class VectorWarmUp {
  /** The warm-up thread's CPU budget: rounds take 1-3 s of it on a quiet machine. */
  static final long CPU_LIMIT_NANOS = 20_000_000_000L;

  private VectorWarmUp() {}

  /**
   * Starts the warm-up thread of the kernel class {@code kernels}: {@code round} runs every
   * vector path once, allocating nothing once compiled; {@code ready} switches the kernels over.
   */
  static void start(String kernels, Runnable round, Runnable ready) {
    Thread thread = new Thread(() -> run(kernels, round, ready, CPU_LIMIT_NANOS, System.err),
        "unroll-warm-up-" + kernels);
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Runs {@code round} until two rounds in a row allocate nothing, then {@code ready}; or, when
   * this thread has used {@code cpuLimit} nanoseconds first, prints {@link #message} to {@code
   * err} once and returns.
   */
  static void run(String kernels, Runnable round, Runnable ready, long cpuLimit,
      java.io.PrintStream err) {
    com.sun.management.ThreadMXBean threads;
    try {
      threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      if (!threads.isThreadAllocatedMemorySupported() || !threads.isThreadAllocatedMemoryEnabled()
          || !threads.isCurrentThreadCpuTimeSupported()) {
        throw new UnsupportedOperationException("no per-thread allocation counter");
      }
    } catch (LinkageError | RuntimeException e) {
      // no counter to check with (java.management left out of the runtime): trust the JVM
      round.run();
      ready.run();
      return;
    }
    int clean = 0;
    long bytes = 0;
    long start = threads.getCurrentThreadCpuTime();
    while (threads.getCurrentThreadCpuTime() - start < cpuLimit) {
      long before = threads.getCurrentThreadAllocatedBytes();
      round.run();
      bytes = threads.getCurrentThreadAllocatedBytes() - before;
      clean = bytes == 0 ? clean + 1 : 0;
      if (clean == 2) {
        ready.run();
        return;
      }
    }
    err.println(message(kernels, bytes, cpuLimit));
  }

  /** What the user reads when the vector kernels still allocate after the warm-up's budget. */
  static String message(String kernels, long bytes, long cpuLimit) {
    return "Unroll: the Vector API kernels (" + kernels + ") still allocate " + bytes
        + " bytes a round after " + cpuLimit / 1e9 + " s of warm-up: this JVM"
        + " runs the Vector API boxed (" + System.getProperty("java.vm.name") + " "
        + System.getProperty("java.version") + ", " + System.getProperty("java.vm.info")
        + "). The VECTOR backend keeps its scalar kernels, at about the plain backend's speed."
        + " Fix: run on a HotSpot JDK 17 or later with its default JIT, C2 (no -Xint, no"
        + " -XX:TieredStopAtLevel below 4), or use Backend.PLAIN.";
  }
}
