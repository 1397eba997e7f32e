package dev.unroll.train.report;

/** Round tick steps for a value axis: 1, 2 or 5 times a power of ten. */
final class NiceTicks {
  private NiceTicks() {}

  /**
   * The smallest round step that covers {@code [lo, hi]}, widened outwards to whole steps, in at
   * most {@code maxTicks} intervals.
   */
  static double step(double lo, double hi, int maxTicks) {
    double span = hi - lo;
    if (!(span > 0) || !Double.isFinite(span)) {
      return 1;
    }
    double power = Math.pow(10, Math.floor(Math.log10(span / maxTicks)));
    for (double m : new double[] {1, 2, 5, 10, 20}) {
      double step = m * power;
      if (Math.ceil(hi / step) - Math.floor(lo / step) <= maxTicks) {
        return step;
      }
    }
    return 50 * power;
  }
}
