package dev.unroll.train.optim;

import dev.unroll.runtime.Model;

/**
 * SGD with momentum, the CS231n notes' form: {@code v = mu * v - lr * dx; x += v}. The velocity
 * starts at zero.
 */
public final class Momentum extends Optimizer {
  private final double mu;

  /** Momentum {@code mu} (typically 0.5, 0.9, 0.95 or 0.99). */
  public Momentum(Model model, double mu) {
    super(model, "v");
    if (!(mu >= 0 && mu < 1)) {
      throw new IllegalArgumentException("momentum must be in [0, 1), got " + mu);
    }
    this.mu = mu;
  }

  @Override
  public String name() {
    return "momentum(mu=" + mu + ")";
  }

  @Override
  protected void update(int i, float[][] p, float[][] g, float lr) {
    float[][] v = floatState(0, i);
    float m = (float) mu;
    for (int r = 0; r < p.length; r++) {
      float[] pr = p[r];
      float[] gr = g[r];
      float[] vr = v[r];
      for (int c = 0; c < pr.length; c++) {
        float vc = m * vr[c] - lr * gr[c];
        vr[c] = vc;
        pr[c] += vc;
      }
    }
  }

  @Override
  protected void update(int i, double[][] p, double[][] g, double lr) {
    double[][] v = doubleState(0, i);
    for (int r = 0; r < p.length; r++) {
      double[] pr = p[r];
      double[] gr = g[r];
      double[] vr = v[r];
      for (int c = 0; c < pr.length; c++) {
        double vc = mu * vr[c] - lr * gr[c];
        vr[c] = vc;
        pr[c] += vc;
      }
    }
  }
}
