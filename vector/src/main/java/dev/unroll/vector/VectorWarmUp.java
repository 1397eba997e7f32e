package dev.unroll.vector;

import java.lang.management.ManagementFactory;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;

/**
 * Compiles a kernel class's vector paths in the background and tells it, kernel by kernel, when
 * they run as vector instructions. The Vector API is fast only in C2-compiled code: the
 * interpreter and C1 run each vector operation as an object (a fresh JVM's first W2 training
 * step allocated 594 MB and took 2.8 s), and a kernel reaches C2 only after thousands of calls.
 * So a daemon thread runs every vector path of each kernel called so far on small arrays, again
 * and again, and counts the bytes each kernel's run allocates on it ({@code
 * com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}: a counter, which a busy
 * machine cannot fool as it fools timing). Two runs in a row of 0 bytes mean C2 has compiled the
 * kernel's paths with their intrinsics, and the kernel switches to them; until then it runs its
 * scalar fallback. If kernels still allocate after {@link #CPU_LIMIT_NANOS} of the thread's CPU
 * time, the JVM is not compiling the Vector API (C2 off, or a JVM without its intrinsics): it
 * says so once on stderr, with the fix, and those kernels stay scalar.
 */
public final class VectorWarmUp {
  /** The warm-up thread's CPU budget: a network's kernels took 1-3 s of it here. */
  static final long CPU_LIMIT_NANOS = 20_000_000_000L;

  private VectorWarmUp() {}

  /**
   * Whether the system property {@code unroll.vector.fallback} is {@code false}: the kernels
   * then run their vector paths from the first call, boxed until C2 compiles them. The test
   * suites set it, so that generated networks exercise the vector kernels in every test, not
   * the fallback of a JVM's first seconds.
   */
  static boolean fallbackOff() {
    return "false".equals(System.getProperty("unroll.vector.fallback"));
  }

  /**
   * The hook for generated code with vector loops of its own (the columnar step): runs {@code
   * part} (those loops on a small private instance, every path) on a daemon thread until two
   * runs in a row allocate nothing, then runs {@code ready} (which lets the code switch from its
   * scalar twin); or says once on stderr that this JVM runs the Vector API boxed. With {@code
   * -Dunroll.vector.fallback=false} it runs {@code ready} at once, on the caller's thread.
   */
  public static void whenCompiled(String name, Runnable part, Runnable ready) {
    if (fallbackOff()) {
      ready.run();
      return;
    }
    start(name, new Runnable[] {part}, () -> 1, kernel -> ready.run());
  }

  /**
   * Starts the warm-up thread of the kernel class {@code kernels}: {@code parts[b]} runs every
   * vector path of the kernel with bit {@code 1 << b} once, allocating nothing once compiled;
   * {@code wanted} says which kernels have been called (only those are warmed up), and {@code
   * ready} is given each kernel's bit when it may switch to vectors.
   */
  static void start(String kernels, Runnable[] parts, IntSupplier wanted, IntConsumer ready) {
    Thread thread = new Thread(
        () -> run(kernels, parts, wanted, ready, CPU_LIMIT_NANOS, 10, System.err),
        "unroll-warm-up-" + kernels);
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Runs the wanted parts not yet ready, each until two runs in a row allocate nothing, then
   * gives its bit to {@code ready} and runs it no more; sleeps {@code idleMillis} when no wanted
   * part is left (a kernel not called yet may be later); returns once every part is ready. When
   * this thread has used {@code cpuLimit} nanoseconds first, prints {@link #message} to {@code
   * err} once and returns: the parts not ready stay on their fallback.
   */
  static void run(String kernels, Runnable[] parts, IntSupplier wanted, IntConsumer ready,
      long cpuLimit, long idleMillis, java.io.PrintStream err) {
    int all = (1 << parts.length) - 1;
    com.sun.management.ThreadMXBean threads;
    try {
      threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      if (!threads.isThreadAllocatedMemorySupported() || !threads.isThreadAllocatedMemoryEnabled()
          || !threads.isCurrentThreadCpuTimeSupported()) {
        throw new UnsupportedOperationException("no per-thread allocation counter");
      }
    } catch (LinkageError | RuntimeException e) {
      // no counter to check with (java.management left out of the runtime): trust the JVM
      ready.accept(all);
      return;
    }
    int[] clean = new int[parts.length];
    int done = 0;
    long start = threads.getCurrentThreadCpuTime();
    long bytes = 0;
    while (done != all) {
      int todo = wanted.getAsInt() & ~done;
      if (todo == 0) {
        try {
          Thread.sleep(idleMillis);
        } catch (InterruptedException e) {
          return;
        }
        continue;
      }
      if (threads.getCurrentThreadCpuTime() - start >= cpuLimit) {
        err.println(message(kernels, bytes, cpuLimit));
        return;
      }
      bytes = 0;
      for (int b = 0; b < parts.length; b++) {
        if ((todo & 1 << b) == 0) {
          continue;
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        parts[b].run();
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        bytes += allocated;
        clean[b] = allocated == 0 ? clean[b] + 1 : 0;
        if (clean[b] == 2) {
          done |= 1 << b;
          ready.accept(1 << b);
        }
      }
    }
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
