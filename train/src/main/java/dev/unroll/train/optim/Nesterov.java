package dev.unroll.train.optim;

import dev.unroll.runtime.Model;

/**
 * Nesterov momentum in the CS231n notes' rewritten form, which needs the gradient at x only:
 * {@code v_prev = v; v = mu * v - lr * dx; x += -mu * v_prev + (1 + mu) * v}.
 */
public final class Nesterov extends Optimizer {
  private final double mu;

  /** Momentum {@code mu} (typically 0.9). */
  public Nesterov(Model model, double mu) {
    super(model, "v");
    if (!(mu >= 0 && mu < 1)) {
      throw new IllegalArgumentException("momentum must be in [0, 1), got " + mu);
    }
    this.mu = mu;
  }

  @Override
  public String name() {
    return "nesterov(mu=" + mu + ")";
  }

  @Override
  protected void update(int i, float[][] p, float[][] g, float lr) {
    float[][] v = floatState(0, i);
    float m = (float) mu;
    float m1 = 1 + m;
    for (int r = 0; r < p.length; r++) {
      float[] pr = p[r];
      float[] gr = g[r];
      float[] vr = v[r];
      for (int c = 0; c < pr.length; c++) {
        float prev = vr[c];
        float vc = m * prev - lr * gr[c];
        vr[c] = vc;
        pr[c] += m1 * vc - m * prev;
      }
    }
  }

  @Override
  protected void update(int i, double[][] p, double[][] g, double lr) {
    double[][] v = doubleState(0, i);
    double m1 = 1 + mu;
    for (int r = 0; r < p.length; r++) {
      double[] pr = p[r];
      double[] gr = g[r];
      double[] vr = v[r];
      for (int c = 0; c < pr.length; c++) {
        double prev = vr[c];
        double vc = mu * prev - lr * gr[c];
        vr[c] = vc;
        pr[c] += m1 * vc - mu * prev;
      }
    }
  }
}
