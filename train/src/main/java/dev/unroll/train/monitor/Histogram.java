package dev.unroll.train.monitor;

/**
 * Counts of values in equal-width bins over {@code [lo, hi]}; the last bin includes {@code hi}.
 *
 * @param lo lower edge of the first bin
 * @param hi upper edge of the last bin
 * @param counts count per bin
 */
public record Histogram(double lo, double hi, long[] counts) {
  /** Compact constructor: copies the counts so the record is immutable. */
  public Histogram {
    counts = counts.clone();
  }

  /** Center of bin {@code i}. */
  public double center(int i) {
    return lo + (i + 0.5) * (hi - lo) / counts.length;
  }

  /** Sum of all counts. */
  public long total() {
    long t = 0;
    for (long c : counts) {
      t += c;
    }
    return t;
  }

  /** The count of each bin, a copy. */
  @Override
  public long[] counts() {
    return counts.clone();
  }
}
