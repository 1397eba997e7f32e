package dev.unroll.runtime;

import dev.unroll.spec.Precision;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares a network's analytic gradients with centered finite differences, (f(p + h) - f(p - h))
 * / 2h, entry by entry, as the CS231n notes prescribe. The relative error of an entry is |a - n| /
 * max(|a|, |n|, floor): the floor keeps entries where both gradients are near zero (a dead ReLU, a
 * zero-mean batch-norm bias) from dividing noise by noise.
 *
 * <p>Kinks (ReLU and leaky ReLU at 0, maxout ties, the SVM hinge): when an entry's error is above
 * the tolerance, its numeric gradient is recomputed with h / 10. A smooth function gives nearly the
 * same value; a difference crossing a kink does not, since the kink's share of the difference
 * changes with h. Such entries are counted as {@link Report#kinks()} and left out of the worst
 * error; a test bounds how many there may be.
 *
 * <p>Use a {@code DOUBLE} spec: in float precision the difference is dominated by rounding.
 */
public final class GradientCheck {
  private final double h;
  private final double floor;
  private final double tolerance;

  private GradientCheck(double h, double floor, double tolerance) {
    this.h = h;
    this.floor = floor;
    this.tolerance = tolerance;
  }

  /** h = 1e-5, floor = 1e-8, kink test above relative error 1e-6. */
  public static GradientCheck standard() {
    return new GradientCheck(1e-5, 1e-8, 1e-6);
  }

  /** A check with the given step, near-zero floor and kink-test threshold. */
  public static GradientCheck of(double h, double floor, double tolerance) {
    return new GradientCheck(h, floor, tolerance);
  }

  /** One entry's comparison. */
  public record Entry(String param, int row, int col, double analytic, double numeric,
      double relError) {
    @Override
    public String toString() {
      return String.format("%s[%d][%d]: analytic %.10g, numeric %.10g, relative error %.3g",
          param, row, col, analytic, numeric, relError);
    }
  }

  /** The result: the worst smooth entry, the worst per parameter, and kinks left out. */
  public record Report(Entry worst, List<Entry> worstPerParam, int checked, int kinks,
      double loss) {
    /** Relative error of the worst entry that did not cross a kink. */
    public double maxRelError() {
      return worst == null ? 0 : worst.relError();
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder();
      sb.append(String.format("gradient check: %d entries, %d crossed a kink, loss %.6f%n",
          checked, kinks, loss));
      for (Entry e : worstPerParam) {
        sb.append("  ").append(e).append('\n');
      }
      sb.append("  worst: ").append(worst);
      return sb.toString();
    }
  }

  /**
   * Checks every entry of every parameter on the first {@code n} rows of {@code x}. The network
   * stays in the mode it is in; in training mode batch norm uses the batch's statistics.
   */
  public Report run(Model model, double[][] x, int[] labels, int n) {
    if (model.precision() != Precision.DOUBLE) {
      throw new IllegalArgumentException(
          model.specName() + " is FLOAT; check gradients on a DOUBLE copy of the spec");
    }
    double loss = lossAt(model, x, labels, n);
    model.backward();
    List<Tensor> params = model.params();
    List<double[]> analytic = new ArrayList<>();
    for (Tensor t : params) {
      double[] g = new double[t.size()];
      for (int i = 0; i < g.length; i++) {
        g[i] = t.grad(i);
      }
      analytic.add(g);
    }
    Entry worst = null;
    List<Entry> perParam = new ArrayList<>();
    int checked = 0;
    int kinks = 0;
    for (int p = 0; p < params.size(); p++) {
      Tensor t = params.get(p);
      Entry worstHere = null;
      for (int i = 0; i < t.size(); i++) {
        double a = analytic.get(p)[i];
        double num = numeric(model, t, i, h, x, labels, n);
        double err = relError(a, num);
        if (err > tolerance) {
          double fine = numeric(model, t, i, h / 10, x, labels, n);
          if (relError(num, fine) > 10 * tolerance) {
            kinks++;
            continue;
          }
        }
        checked++;
        Entry e = new Entry(t.name(), i / t.cols(), i % t.cols(), a, num, err);
        if (worstHere == null || err > worstHere.relError()) {
          worstHere = e;
        }
      }
      if (worstHere != null) {
        perParam.add(worstHere);
        if (worst == null || worstHere.relError() > worst.relError()) {
          worst = worstHere;
        }
      }
    }
    return new Report(worst, List.copyOf(perParam), checked, kinks, loss);
  }

  private double relError(double a, double b) {
    return Math.abs(a - b) / Math.max(Math.max(Math.abs(a), Math.abs(b)), floor);
  }

  private static double numeric(Model model, Tensor t, int i, double step, double[][] x,
      int[] labels, int n) {
    double saved = t.get(i);
    t.set(i, saved + step);
    double plus = lossAt(model, x, labels, n);
    t.set(i, saved - step);
    double minus = lossAt(model, x, labels, n);
    t.set(i, saved);
    return (plus - minus) / (2 * step);
  }

  private static double lossAt(Model model, double[][] x, int[] labels, int n) {
    model.forward(x, n);
    return model.loss(labels, n);
  }
}
