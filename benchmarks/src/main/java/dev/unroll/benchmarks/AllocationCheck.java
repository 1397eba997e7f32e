package dev.unroll.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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
    for (AnyWorkload w : all()) {
      for (String backend : new String[] {"plain", "vector"}) {
        report("unroll-" + backend, w, UnrollStep.of(w, backend), seconds, threads);
      }
      if (w instanceof Workload) {
        report("plain", w, plainStep((Workload) w), seconds, threads);
      }
    }
  }

  /** W1-W4, then W5-W7 (the plain-Java reference has the dense ones only). */
  private static List<AnyWorkload> all() {
    List<AnyWorkload> all = new ArrayList<>();
    Collections.addAll(all, Workload.values());
    Collections.addAll(all, ConvWorkload.values());
    return all;
  }

  private static Runnable plainStep(Workload w) {
    if (w.training()) {
      PlainBench p = new PlainBench();
      p.workload = w.name();
      p.setup();
      return p::train;
    }
    PlainInfer p = new PlainInfer();
    p.setup();
    return p::w3;
  }

  private static void report(
      String peer,
      AnyWorkload w,
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
