package dev.unroll.runtime;

import java.util.SplittableRandom;

/**
 * The seeded random source of every generated network. Built on {@link SplittableRandom}, whose
 * algorithm is specified, with Gaussians by Marsaglia's polar method written here, so a seed gives
 * the same numbers on every JDK.
 */
public final class Rng {
  private final SplittableRandom random;
  private double spare;
  private boolean hasSpare;

  /** A source that yields the same sequence for the same seed. */
  public Rng(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** Uniform in [0, 1). */
  public double uniform() {
    return random.nextDouble();
  }

  /** Uniform in [lo, hi). */
  public double uniform(double lo, double hi) {
    return lo + (hi - lo) * random.nextDouble();
  }

  /** Uniform integer in [0, bound). */
  public int nextInt(int bound) {
    return random.nextInt(bound);
  }

  /** A 64-bit value, for deriving seeds. */
  public long nextLong() {
    return random.nextLong();
  }

  /** Standard normal N(0, 1) by the polar method (two values per accepted pair). */
  public double gaussian() {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    double u;
    double v;
    double s;
    do {
      u = 2 * random.nextDouble() - 1;
      v = 2 * random.nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    double m = Math.sqrt(-2 * Math.log(s) / s);
    spare = v * m;
    hasSpare = true;
    return u * m;
  }
}
