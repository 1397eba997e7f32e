package dev.unroll.benchmarks;

import java.lang.management.ManagementFactory;

/**
 * Counts the bytes a training step allocates, directly: JMH's {@code gc.alloc.rate.norm} divides
 * its own few kilobytes of bookkeeping per iteration by the ops of that iteration, which shows as
 * hundreds of bytes per op for the slow workloads even when a step allocates nothing. Prints one
 * JSON line per peer and workload. Run by run.sh with {@code java --add-modules
 * jdk.incubator.vector -cp benchmarks.jar}.
 */
public final class AllocationCheck {
  private AllocationCheck() {}

  /** Warms each workload up (so C2 has compiled the step and scalar-replaced what it can). */
  public static void main(String[] args) {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2.0;
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    for (Workload w : Workload.values()) {
      for (String backend : new String[] {"plain", "vector"}) {
        Runnable unroll;
        if (w.training()) {
          UnrollBench u = new UnrollBench();
          u.workload = w.name();
          u.backend = backend;
          u.threads = 1;
          u.setup();
          unroll = u::train;
        } else {
          UnrollInfer u = new UnrollInfer();
          u.backend = backend;
          u.setup();
          unroll = u::w3;
        }
        report("unroll-" + backend, w, unroll, seconds, threads);
      }
      Runnable plain;
      if (w.training()) {
        PlainBench p = new PlainBench();
        p.workload = w.name();
        p.setup();
        plain = p::train;
      } else {
        PlainInfer p = new PlainInfer();
        p.setup();
        plain = p::w3;
      }
      report("plain", w, plain, seconds, threads);
    }
  }

  private static void report(
      String peer,
      Workload w,
      Runnable step,
      double seconds,
      com.sun.management.ThreadMXBean threads) {
    long end = System.nanoTime() + (long) (seconds * 1e9);
    int warm = 0;
    while (System.nanoTime() < end || warm < 3) {
      step.run();
      warm++;
    }
    // As many measured steps as warm-up ones, at least 3.
    int steps = Math.max(3, warm);
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < steps; i++) {
      step.run();
    }
    long bytes = threads.getCurrentThreadAllocatedBytes() - before;
    System.out.printf(
        "{\"peer\": \"%s\", \"bench\": \"%s\", \"steps\": %d, \"bytes\": %d,"
            + " \"bytes_per_step\": %.3f}%n",
        peer, w.name(), steps, bytes, (double) bytes / steps);
  }
}
