package dev.unroll.search;

import dev.unroll.runtime.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * A value whose base-10 exponent is uniform: {@code 10 ** uniform(log10(lo), log10(hi))}, the
 * lecture's way to sample learning rates and regularization strengths, whose effect is
 * multiplicative. {@code new LogUniform("lr", 1e-6, 10)} is the lecture's
 * {@code 10 ** uniform(-6, 1)}.
 *
 * @param name the parameter's name
 * @param lo the lower bound, above 0
 * @param hi the upper bound, above {@code lo}
 */
public record LogUniform(String name, double lo, double hi) implements Param {
  /** Checks the bounds. */
  public LogUniform {
    Ranges.checkName(name);
    if (!(lo > 0)) {
      throw new IllegalArgumentException(
          "log-uniform " + name + " needs a lower bound above 0, got " + lo);
    }
    Ranges.checkBounds(name, lo, hi);
  }

  @Override
  public double sample(Rng rng) {
    return Math.pow(10, rng.uniform(Math.log10(lo), Math.log10(hi)));
  }

  @Override
  public List<Double> grid(int points) {
    List<Double> out = new ArrayList<>(points);
    for (double e : Uniform.linear(Math.log10(lo), Math.log10(hi), points)) {
      out.add(Math.pow(10, e));
    }
    // The bounds themselves, not 10^log10(bound), which may be off in the last bit.
    if (points > 1) {
      out.set(0, lo);
      out.set(points - 1, hi);
    }
    return out;
  }

  @Override
  public Param narrow(double center, double keep) {
    double[] w = Ranges.window(Math.log10(lo), Math.log10(hi), Math.log10(center), keep);
    return new LogUniform(name, Math.pow(10, w[0]), Math.pow(10, w[1]));
  }

  @Override
  public double position(double value) {
    return (Math.log10(value) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
  }

  @Override
  public boolean logScale() {
    return true;
  }

  @Override
  public String range() {
    return "[" + Values.bound(lo) + ", " + Values.bound(hi) + "]";
  }
}
