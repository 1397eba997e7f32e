package dev.unroll.benchmarks;

import java.lang.management.ManagementFactory;

/**
 * A user's first seconds: one workload trained (W3: inferred) for a fixed time in this fresh JVM,
 * as an example or a search's first trial would, reporting what JMH's long warm-up hides. Prints
 * one JSON line: the steps and allocated bytes of each 100 ms since the first step, the JVM's
 * uptime at the first step, the steady rate (over the run's last half), the time from the first
 * step until 100 ms (at least 3 steps) first run at 90% of it, and the bytes per step after {@code
 * settle} seconds. benchmarks/first-seconds.sh starts many such JVMs and summarizes them.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp benchmarks/target/benchmarks.jar \
 *   dev.unroll.benchmarks.FirstSeconds W2 vector 5 2
 * </pre>
 */
public final class FirstSeconds {
  private FirstSeconds() {}

  /** Width of a window, nanoseconds. */
  private static final long WINDOW = 100_000_000L;

  /** Arguments: workload (W1-W7), backend (plain or vector), seconds to run, seconds to settle. */
  public static void main(String[] args) {
    if (args.length != 4) {
      System.err.println("usage: FirstSeconds <W1|W2|W2n|W3|W4|W5|W6|W7> <plain|vector> <seconds> <settle>");
      System.exit(2);
    }
    AnyWorkload w = AnyWorkload.of(args[0]);
    String backend = args[1];
    double seconds = Double.parseDouble(args[2]);
    double settle = Double.parseDouble(args[3]);
    Runnable step = UnrollStep.of(w, backend);
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    int windows = (int) Math.ceil(seconds * 1e9 / WINDOW);
    long[] bytes = new long[windows];
    // each step's end, microseconds after the first step's start (every step takes more than 2)
    int[] ends = new int[(int) (seconds * 500_000)];
    long uptimeMs = ManagementFactory.getRuntimeMXBean().getUptime();
    long start = System.nanoTime();
    long end = start + windows * WINDOW;
    long allocated = threads.getCurrentThreadAllocatedBytes();
    int window = 0;
    long windowEnd = start + WINDOW;
    int count = 0;
    while (count < ends.length) {
      step.run();
      long now = System.nanoTime();
      ends[count++] = (int) ((now - start) / 1000);
      if (now >= windowEnd) {
        // the allocation counter read once per window, not per step; a step longer than a
        // window leaves the windows it spans at zero
        long a = threads.getCurrentThreadAllocatedBytes();
        bytes[window] += a - allocated;
        allocated = a;
        if (now >= end) {
          break;
        }
        window = (int) ((now - start) / WINDOW);
        windowEnd = start + (window + 1) * WINDOW;
      }
    }
    print(w, backend, uptimeMs, java.util.Arrays.copyOf(ends, count), bytes,
        (int) Math.round(settle * 1e9 / WINDOW));
  }

  private static void print(AnyWorkload w, String backend, long uptimeMs, int[] ends, long[] bytes,
      int settled) {
    int windows = bytes.length;
    long[] steps = new long[windows];
    for (int e : ends) {
      steps[Math.min(windows - 1, (int) (e * 1000L / WINDOW))]++;
    }
    // steady: the rate over the run's last half
    int n = ends.length;
    double half = windows * WINDOW / 2e3;
    int lastHalf = 0;
    for (int e : ends) {
      lastHalf += e >= half ? 1 : 0;
    }
    double steady = lastHalf / (half / 1e6);
    // time to speed: the first step end from which the next max(100 ms, 3 steady steps) run at
    // 90% of the steady rate or better
    double span = Math.max(WINDOW / 1e3, 3e6 / steady);
    double toSpeed = Double.NaN;
    for (int i = 0, j = 0; i < n; i++) {
      double from = i == 0 ? 0 : ends[i - 1];
      if (from + span > ends[n - 1]) {
        break;
      }
      while (j < n && ends[j] <= from + span) {
        j++;
      }
      if ((j - i) / (span / 1e6) >= 0.9 * steady) {
        toSpeed = from / 1e6;
        break;
      }
    }
    long lateSteps = 0;
    long lateBytes = 0;
    for (int i = settled; i < windows; i++) {
      lateSteps += steps[i];
      lateBytes += bytes[i];
    }
    System.out.println(String.format(
        "{\"bench\": \"%s\", \"backend\": \"%s\", \"java\": \"%s\", \"uptime_ms\": %d,"
            + " \"steady_per_s\": %.1f, \"time_to_90_s\": %.3f, \"settle_s\": %.1f,"
            + " \"bytes_per_step_after\": %.1f, \"steps\": %s, \"bytes\": %s}",
        w.name(), backend, System.getProperty("java.version"), uptimeMs, steady, toSpeed,
        settled * WINDOW / 1e9, lateSteps == 0 ? Double.NaN : (double) lateBytes / lateSteps,
        java.util.Arrays.toString(steps), java.util.Arrays.toString(bytes)));
  }
}
