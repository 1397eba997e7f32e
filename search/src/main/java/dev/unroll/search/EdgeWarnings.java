package dev.unroll.search;

import java.util.ArrayList;
import java.util.List;

/**
 * The lecture's check after a search: when the best value of a parameter lies at the edge of its
 * range, the optimum may lie beyond it, so widen the range and search again. A value is at an
 * edge when it is within {@code fraction} of the range's width (in the exponent for log-uniform
 * parameters) of a bound. Choices are not checked: a list has no "beyond".
 */
public final class EdgeWarnings {
  /** The default edge: the outer 5% of the range at each end. */
  public static final double DEFAULT_FRACTION = 0.05;

  private EdgeWarnings() {}

  /**
   * One warning per range parameter of {@code space} whose value in {@code best} is at an edge,
   * such as {@code lr = 9.1e-01 is at the upper edge of [1e-06, 1]: widen the range}.
   */
  public static List<String> check(SearchSpace space, Config best, double fraction) {
    if (!(fraction > 0 && fraction < 0.5)) {
      throw new IllegalArgumentException("edge fraction must be in (0, 0.5), got " + fraction);
    }
    List<String> out = new ArrayList<>();
    for (Param p : space.params()) {
      if (!best.has(p.name())) {
        continue;
      }
      double v = best.get(p.name());
      double pos = p.position(v);
      if (Double.isNaN(pos)) {
        continue;
      }
      String edge = pos <= fraction ? "lower" : pos >= 1 - fraction ? "upper" : null;
      if (edge != null) {
        out.add(String.format("%s = %s is at the %s edge of %s: widen the range", p.name(),
            p.format(v), edge, p.range()));
      }
    }
    return out;
  }
}
