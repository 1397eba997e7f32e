package dev.unroll.search;

import dev.unroll.runtime.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * A value uniform in {@code [lo, hi)}: for parameters without a natural scale, such as dropout or
 * a momentum range.
 *
 * @param name the parameter's name
 * @param lo the lower bound
 * @param hi the upper bound, above {@code lo}
 */
public record Uniform(String name, double lo, double hi) implements Param {
  /** Checks the bounds. */
  public Uniform {
    Ranges.checkName(name);
    Ranges.checkBounds(name, lo, hi);
  }

  @Override
  public double sample(Rng rng) {
    return rng.uniform(lo, hi);
  }

  @Override
  public List<Double> grid(int points) {
    return linear(lo, hi, points);
  }

  @Override
  public Param narrow(double center, double keep) {
    double[] w = Ranges.window(lo, hi, center, keep);
    return new Uniform(name, w[0], w[1]);
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
    return "[" + Values.bound(lo) + ", " + Values.bound(hi) + "]";
  }

  /** {@code points} evenly spaced values from lo to hi inclusive (the middle one for 1 point). */
  static List<Double> linear(double lo, double hi, int points) {
    Ranges.checkPoints(points);
    List<Double> out = new ArrayList<>(points);
    if (points == 1) {
      out.add((lo + hi) / 2);
      return out;
    }
    for (int i = 0; i < points; i++) {
      out.add(i == points - 1 ? hi : lo + (hi - lo) * i / (points - 1));
    }
    return out;
  }
}
