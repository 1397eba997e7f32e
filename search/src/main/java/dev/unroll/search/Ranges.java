package dev.unroll.search;

/** Argument checks and the narrowing window shared by the range parameters. */
final class Ranges {
  private Ranges() {}

  static void checkName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a parameter needs a name");
    }
  }

  static void checkBounds(String name, double lo, double hi) {
    if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(hi > lo)) {
      throw new IllegalArgumentException(
          name + " needs finite bounds with lo < hi, got [" + lo + ", " + hi + "]");
    }
  }

  static void checkPoints(int points) {
    if (points < 1) {
      throw new IllegalArgumentException("a grid needs at least 1 point, got " + points);
    }
  }

  /**
   * A window {@code keep} times the width of {@code [lo, hi]} centred on {@code center}, shifted
   * (not cut) to lie inside {@code [lo, hi]}, so a best value near an edge still gets a window of
   * the full narrowed width.
   */
  static double[] window(double lo, double hi, double center, double keep) {
    if (!(keep > 0 && keep <= 1)) {
      throw new IllegalArgumentException("keep must be in (0, 1], got " + keep);
    }
    double half = (hi - lo) * keep / 2;
    double a = center - half;
    double b = center + half;
    if (a < lo) {
      b += lo - a;
      a = lo;
    }
    if (b > hi) {
      a -= b - hi;
      b = hi;
    }
    return new double[] {Math.max(lo, a), Math.min(hi, b)};
  }
}
