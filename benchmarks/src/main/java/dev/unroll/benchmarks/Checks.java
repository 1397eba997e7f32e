package dev.unroll.benchmarks;

/** Sanity checks the benchmarks run outside the timed code. */
final class Checks {
  private Checks() {}

  /**
   * Fails the trial when the loss is not finite: the iterations would then have timed NaN or
   * infinity arithmetic, which runs at other speeds than real training.
   */
  static void finiteLoss(String peer, String workload, double loss) {
    if (!Double.isFinite(loss)) {
      throw new IllegalStateException(peer + " " + workload + ": loss became " + loss);
    }
  }
}
