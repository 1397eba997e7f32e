package dev.unroll.search;

import dev.unroll.runtime.Rng;
import java.util.List;

/**
 * One named hyperparameter and the values a search may give it: {@link Uniform}, {@link
 * LogUniform}, {@link IntRange} or {@link Choice}. Every value is a {@code double} (an integer
 * parameter's values are whole numbers), so a {@link Config} is one flat map.
 */
public sealed interface Param permits Uniform, LogUniform, IntRange, Choice {
  /** The name the trial function reads the value by ({@code lr}, {@code l2}, ...). */
  String name();

  /** A value drawn from {@code rng}. */
  double sample(Rng rng);

  /** {@code points} values spread over the range for grid search, in increasing order. */
  List<Double> grid(int points);

  /**
   * The same kind of parameter over a range {@code keep} times as wide (in its own scale)
   * centred on {@code center}, shifted to stay inside this range: the next stage of a coarse to
   * fine search.
   */
  Param narrow(double center, double keep);

  /**
   * Where {@code value} lies along the range in the parameter's own scale, 0 at the lower bound
   * and 1 at the upper; NaN for a {@link Choice}, which has no edges to widen.
   */
  double position(double value);

  /** Whether values are spread in log space (log-uniform), for axes and formatting. */
  boolean logScale();

  /** The range as text, {@code [1e-06, 1]} or {@code {0.5, 0.9}}. */
  String range();

  /** The value as text the way this parameter is best read. */
  default String format(double value) {
    return Values.format(value, logScale());
  }
}
