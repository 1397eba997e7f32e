package dev.unroll.benchmarks;

import dev.unroll.runtime.Model;

/**
 * Where a training step's time goes: times forward, loss, backward and the SGD update of one
 * workload's generated network separately, over a number of steps, six rounds (the first is
 * warm-up). A diagnostic for kernel work, not a benchmark to quote: JMH's figures are (it has no
 * warm-up control, no forks, and the clock reads sit inside the step).
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp benchmarks/target/benchmarks.jar \
 *   dev.unroll.benchmarks.StepTimer W1 vector 30000 [threads]
 * </pre>
 */
public final class StepTimer {
  private StepTimer() {}

  /** Arguments: workload (W1, W2, W2n, W4, W5, W6), backend (plain or vector), steps per round, threads. */
  public static void main(String[] args) {
    if (args.length < 3) {
      System.err.println("usage: StepTimer <W1|W2|W2n|W4|W5|W6> <plain|vector> <steps> [threads]");
      System.exit(2);
    }
    AnyWorkload w = AnyWorkload.of(args[0]);
    Model net = w.unrollNet(Workload.isVector(args[1]));
    int steps = Integer.parseInt(args[2]);
    net.setTraining(true);
    if (args.length > 3) {
      net.setThreads(Integer.parseInt(args[3]));
    }
    float[][][] xs = w.inputBatches();
    int[][] ys = w.labelBatches();
    int batch = w.batch();
    long[] nanos = new long[4];
    for (int round = 0; round < 6; round++) {
      java.util.Arrays.fill(nanos, 0);
      for (int s = 0; s < steps; s++) {
        int k = s & (Workload.BATCHES - 1);
        long t0 = System.nanoTime();
        net.forward(xs[k], batch);
        long t1 = System.nanoTime();
        net.loss(ys[k], batch);
        long t2 = System.nanoTime();
        net.backward();
        long t3 = System.nanoTime();
        net.sgdStep(Workload.LEARNING_RATE);
        long t4 = System.nanoTime();
        nanos[0] += t1 - t0;
        nanos[1] += t2 - t1;
        nanos[2] += t3 - t2;
        nanos[3] += t4 - t3;
      }
      double total = (nanos[0] + nanos[1] + nanos[2] + nanos[3]) / 1e3 / steps;
      System.out.printf("%s forward %.2f loss %.2f backward %.2f sgd %.2f total %.2f us"
          + " (%.0f steps/s)%n", round == 0 ? "warm-up" : "round " + round,
          nanos[0] / 1e3 / steps, nanos[1] / 1e3 / steps, nanos[2] / 1e3 / steps,
          nanos[3] / 1e3 / steps, total, 1e6 / total);
    }
    net.setThreads(1);
  }
}
