package dev.unroll.runtime;

import dev.unroll.spec.Precision;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares a network's analytic gradients with centered finite differences, entry by entry, as the
 * CS231n notes prescribe, with the relative error |a - n| / max(|a|, |n|, floor). The floor keeps
 * entries where both gradients are near zero (a dead ReLU, a batch-norm shift whose effects cancel)
 * from dividing rounding noise by rounding noise: below it the comparison is absolute.
 *
 * <p>Which difference: the notes' centered difference (f(p + h) - f(p - h)) / 2h has an error of
 * about eps |f| / h + h^2 |f'''| / 6, at best about 1e-11 (h = 1e-5), already a relative error of
 * 1e-7 for a gradient of 1e-4, common in small test networks. {@link #standard()} therefore uses
 * the five-point centered stencil (8 (f(p + h) - f(p - h)) - (f(p + 2h) - f(p - 2h))) / 12h, the
 * Richardson extrapolation of two centered differences, whose truncation error is O(h^4). With h =
 * 2e-4 the truncation error is negligible and rounding, about 1.5 eps |f| / h ~ 1e-12 |f|, is
 * what remains: so entries below the floor 1e-4 are compared absolutely, to 1e-4 times the
 * tolerance asked for (1e-11 for 1e-7). {@link #of} with {@code fivePoint = false} gives the notes'
 * formula.
 *
 * <p>Kinks (ReLU and leaky ReLU at 0, maxout ties, the SVM hinge): when an entry's error is above
 * the kink-test threshold, two tests tell a kink from a wrong gradient.
 *
 * <ul>
 *   <li>A kink on the evaluation point itself: the one-sided differences (f(p + s) - f(p)) / s
 *       and (f(p) - f(p - s)) / s are compared at s = h and s = h / 10. On a smooth function
 *       they differ by about s |f''|, a tenth as much at h / 10; across a kink at p they differ by
 *       the jump in slope, the same at every s. When the two slopes still disagree at h / 10 (by
 *       more than 10 x the threshold) and by at least half as much as at h, the entry sits on a
 *       kink: it is listed in {@link Report#onKinks()} with both slopes. The centered difference
 *       gives their mean at every h, so the next test never sees it: a ReLU that outputs exact
 *       zeros for a sample, followed by a zero bias, puts the next layer's unit (a PReLU, the
 *       SVM's margin) exactly on its kink, and the analytic gradient, one of the two one-sided
 *       slopes, then differs from the numeric one by half the jump.
 *   <li>A kink crossed near p: the numeric gradient is recomputed with h / 10. A smooth function
 *       gives nearly the same value; a difference that crosses a kink does not, since the kink's
 *       share of the difference changes with h.
 * </ul>
 *
 * <p>Both kinds are counted in {@link Report#kinks()} and left out of the worst error; a caller
 * bounds how many there may be. The CS231n notes' advice keeps them rare: check on a few data
 * points (fewer units near a kink), and give biases a small random value for the check instead
 * of zero, so that no unit sits exactly on one.
 *
 * <p>Use a {@code DOUBLE} spec: in float precision the difference is dominated by rounding.
 */
public final class GradientCheck {
  private final double h;
  private final double floor;
  private final double tolerance;
  private final boolean fivePoint;
  private final int entriesPerParam;
  private final long sampleSeed;

  private GradientCheck(double h, double floor, double tolerance, boolean fivePoint,
      int entriesPerParam, long sampleSeed) {
    this.h = h;
    this.floor = floor;
    this.tolerance = tolerance;
    this.fivePoint = fivePoint;
    this.entriesPerParam = entriesPerParam;
    this.sampleSeed = sampleSeed;
  }

  /** Five-point stencil, h = 2e-4, floor = 1e-4, kink test above relative error 1e-6. */
  public static GradientCheck standard() {
    return new GradientCheck(2e-4, 1e-4, 1e-6, true, Integer.MAX_VALUE, 0);
  }

  /**
   * A check with the given step, near-zero floor and kink-test threshold; {@code fivePoint} false
   * gives the notes' plain centered difference.
   */
  public static GradientCheck of(double h, double floor, double tolerance, boolean fivePoint) {
    return new GradientCheck(h, floor, tolerance, fivePoint, Integer.MAX_VALUE, 0);
  }

  /**
   * The same check on at most {@code entries} entries of each parameter, drawn from {@code seed}
   * (the notes' grad_check_sparse), for networks too large to check every weight.
   */
  public GradientCheck sampled(int entries, long seed) {
    if (entries < 1) {
      throw new IllegalArgumentException("entries must be >= 1, got " + entries);
    }
    return new GradientCheck(h, floor, tolerance, fivePoint, entries, seed);
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

  /**
   * An entry sitting on a kink: the loss's slope to its {@code left} and {@code right} (one-sided
   * differences at h / 10) differ, and any value between them, the analytic gradient's one side
   * usually, is a valid subgradient.
   */
  public record Kink(String param, int row, int col, double analytic, double left,
      double right) {
    @Override
    public String toString() {
      return String.format("%s[%d][%d]: on a kink, slope %.6g to the left and %.6g to the right,"
          + " analytic %.6g", param, row, col, left, right, analytic);
    }
  }

  /**
   * The result: the worst smooth entry, the worst per parameter, the number of entries left out
   * as kinks (crossed within the step, or sat on), and those that sit on one.
   */
  public record Report(Entry worst, List<Entry> worstPerParam, int checked, int kinks,
      List<Kink> onKinks, double loss) {
    /** Relative error of the worst entry that did not cross a kink. */
    public double maxRelError() {
      return worst == null ? 0 : worst.relError();
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder();
      sb.append(String.format("gradient check: %d entries, %d left out as kinks (%d sitting on"
          + " one), loss %.6f%n", checked, kinks, onKinks.size(), loss));
      for (Entry e : worstPerParam) {
        sb.append("  ").append(e).append('\n');
      }
      for (Kink k : onKinks) {
        sb.append("  ").append(k).append('\n');
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
    List<Kink> onKinks = new ArrayList<>();
    Rng sample = new Rng(sampleSeed);
    for (int p = 0; p < params.size(); p++) {
      Tensor t = params.get(p);
      Entry worstHere = null;
      boolean all = t.size() <= entriesPerParam;
      for (int k = 0; k < (all ? t.size() : entriesPerParam); k++) {
        int i = all ? k : sample.nextInt(t.size());
        double a = analytic.get(p)[i];
        double num = numeric(model, t, i, h, x, labels, n);
        double err = relError(a, num);
        if (err > tolerance) {
          Kink kink = kinkAt(model, t, i, a, x, labels, n);
          if (kink != null) {
            onKinks.add(kink);
            kinks++;
            continue;
          }
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
    // leave the network as it was after the analytic pass
    lossAt(model, x, labels, n);
    model.backward();
    return new Report(worst, List.copyOf(perParam), checked, kinks, List.copyOf(onKinks), loss);
  }

  private double relError(double a, double b) {
    return Math.abs(a - b) / Math.max(Math.max(Math.abs(a), Math.abs(b)), floor);
  }

  private double numeric(Model model, Tensor t, int i, double step, double[][] x, int[] labels,
      int n) {
    double saved = t.get(i);
    double near = lossAt(model, t, i, saved + step, x, labels, n)
        - lossAt(model, t, i, saved - step, x, labels, n);
    double result;
    if (fivePoint) {
      double far = lossAt(model, t, i, saved + 2 * step, x, labels, n)
          - lossAt(model, t, i, saved - 2 * step, x, labels, n);
      result = (8 * near - far) / (12 * step);
    } else {
      result = near / (2 * step);
    }
    t.set(i, saved);
    model.parametersChanged();
    return result;
  }

  /**
   * The entry as a kink at the evaluation point, or null: its one-sided slopes still disagree at
   * h / 10, by at least half their disagreement at h (a smooth function's shrinks tenfold).
   */
  private Kink kinkAt(Model model, Tensor t, int i, double analytic, double[][] x, int[] labels,
      int n) {
    double saved = t.get(i);
    double here = lossAt(model, t, i, saved, x, labels, n);
    double[] jump = new double[2];
    double left = 0;
    double right = 0;
    for (int k = 0; k < 2; k++) {
      double step = k == 0 ? h : h / 10;
      right = (lossAt(model, t, i, saved + step, x, labels, n) - here) / step;
      left = (here - lossAt(model, t, i, saved - step, x, labels, n)) / step;
      jump[k] = relError(left, right);
    }
    t.set(i, saved);
    model.parametersChanged();
    boolean onKink = jump[1] > 10 * tolerance && jump[1] >= 0.5 * jump[0];
    return onKink ? new Kink(t.name(), i / t.cols(), i % t.cols(), analytic, left, right) : null;
  }

  private static double lossAt(Model model, Tensor t, int i, double value, double[][] x,
      int[] labels, int n) {
    t.set(i, value);
    model.parametersChanged();
    return lossAt(model, x, labels, n);
  }

  private static double lossAt(Model model, double[][] x, int[] labels, int n) {
    model.forward(x, n);
    return model.loss(labels, n);
  }
}
