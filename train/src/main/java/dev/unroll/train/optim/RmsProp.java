package dev.unroll.train.optim;

import dev.unroll.runtime.Model;

/**
 * RMSProp (Hinton): {@code cache = decay * cache + (1 - decay) * dx^2;
 * x -= lr * dx / (sqrt(cache) + eps)}.
 */
public final class RmsProp extends Optimizer {
  private final double decay;
  private final double eps;

  /** Decay rate (typically 0.9, 0.99 or 0.999) and {@code eps} (1e-8). */
  public RmsProp(Model model, double decay, double eps) {
    super(model, "cache");
    if (!(decay >= 0 && decay < 1)) {
      throw new IllegalArgumentException("decay must be in [0, 1), got " + decay);
    }
    if (!(eps > 0)) {
      throw new IllegalArgumentException("eps must be > 0, got " + eps);
    }
    this.decay = decay;
    this.eps = eps;
  }

  @Override
  public String name() {
    return "rmsprop(decay=" + decay + ", eps=" + eps + ")";
  }

  @Override
  protected void update(int i, float[][] p, float[][] g, float lr) {
    float[][] cache = floatState(0, i);
    float d = (float) decay;
    float d1 = (float) (1 - decay);
    float e = (float) eps;
    for (int r = 0; r < p.length; r++) {
      float[] pr = p[r];
      float[] gr = g[r];
      float[] cr = cache[r];
      for (int c = 0; c < pr.length; c++) {
        float gc = gr[c];
        float cc = d * cr[c] + d1 * gc * gc;
        cr[c] = cc;
        pr[c] -= lr * gc / ((float) Math.sqrt(cc) + e);
      }
    }
  }

  @Override
  protected void update(int i, double[][] p, double[][] g, double lr) {
    double[][] cache = doubleState(0, i);
    double d1 = 1 - decay;
    for (int r = 0; r < p.length; r++) {
      double[] pr = p[r];
      double[] gr = g[r];
      double[] cr = cache[r];
      for (int c = 0; c < pr.length; c++) {
        double gc = gr[c];
        double cc = decay * cr[c] + d1 * gc * gc;
        cr[c] = cc;
        pr[c] -= lr * gc / (Math.sqrt(cc) + eps);
      }
    }
  }
}
