package dev.unroll.search;

import dev.unroll.runtime.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole number uniform in {@code [lo, hi]}, both included: a batch size or a number of epochs.
 *
 * @param name the parameter's name
 * @param lo the smallest value
 * @param hi the largest value, above {@code lo}
 */
public record IntRange(String name, int lo, int hi) implements Param {
  /** Checks the bounds. */
  public IntRange {
    Ranges.checkName(name);
    if (hi <= lo) {
      throw new IllegalArgumentException(
          "integer " + name + " needs lo < hi, got [" + lo + ", " + hi + "]");
    }
  }

  @Override
  public double sample(Rng rng) {
    return lo + rng.nextInt(hi - lo + 1);
  }

  @Override
  public List<Double> grid(int points) {
    List<Double> out = new ArrayList<>(points);
    for (double v : Uniform.linear(lo, hi, points)) {
      double r = Math.rint(v);
      // Rounding can make neighbours equal when there are more points than integers.
      if (out.isEmpty() || out.get(out.size() - 1) != r) {
        out.add(r);
      }
    }
    return out;
  }

  @Override
  public Param narrow(double center, double keep) {
    double[] w = Ranges.window(lo, hi, center, keep);
    int a = (int) Math.floor(w[0]);
    int b = (int) Math.ceil(w[1]);
    if (b <= a) {
      // Keep at least two values, so the range stays a range.
      b = Math.min(hi, a + 1);
      a = b - 1;
    }
    return new IntRange(name, a, b);
  }

  @Override
  public double position(double value) {
    return (value - lo) / (hi - lo);
  }

  @Override
  public boolean logScale() {
    return false;
  }

  @Override
  public String range() {
    return "[" + lo + ", " + hi + "]";
  }
}
