package dev.unroll.train.optim;

import dev.unroll.runtime.Model;

/**
 * Adam (Kingma and Ba) with bias correction, as in the CS231n notes:
 * {@code m = b1 m + (1 - b1) dx; v = b2 v + (1 - b2) dx^2; mt = m / (1 - b1^t);
 * vt = v / (1 - b2^t); x -= lr * mt / (sqrt(vt) + eps)}.
 */
public final class Adam extends Optimizer {
  private final double beta1;
  private final double beta2;
  private final double eps;
  private double c1;
  private double c2;

  /** The usual values are beta1 = 0.9, beta2 = 0.999, eps = 1e-8. */
  public Adam(Model model, double beta1, double beta2, double eps) {
    super(model, "m", "v");
    if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
      throw new IllegalArgumentException(
          "beta1 and beta2 must be in [0, 1), got " + beta1 + " and " + beta2);
    }
    if (!(eps > 0)) {
      throw new IllegalArgumentException("eps must be > 0, got " + eps);
    }
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
  }

  @Override
  public String name() {
    return "adam(beta1=" + beta1 + ", beta2=" + beta2 + ", eps=" + eps + ")";
  }

  @Override
  protected void beginStep(long t) {
    // Bias corrections 1 / (1 - beta^t), once per step rather than per element.
    c1 = 1 / (1 - Math.pow(beta1, t));
    c2 = 1 / (1 - Math.pow(beta2, t));
  }

  @Override
  protected void update(int i, float[][] p, float[][] g, float lr) {
    float[][] m = floatState(0, i);
    float[][] v = floatState(1, i);
    float b1 = (float) beta1;
    float b2 = (float) beta2;
    float a1 = (float) (1 - beta1);
    float a2 = (float) (1 - beta2);
    float k1 = (float) c1;
    float k2 = (float) c2;
    float e = (float) eps;
    for (int r = 0; r < p.length; r++) {
      float[] pr = p[r];
      float[] gr = g[r];
      float[] mr = m[r];
      float[] vr = v[r];
      for (int c = 0; c < pr.length; c++) {
        float gc = gr[c];
        float mc = b1 * mr[c] + a1 * gc;
        float vc = b2 * vr[c] + a2 * gc * gc;
        mr[c] = mc;
        vr[c] = vc;
        pr[c] -= lr * (mc * k1) / ((float) Math.sqrt(vc * k2) + e);
      }
    }
  }

  @Override
  protected void update(int i, double[][] p, double[][] g, double lr) {
    double[][] m = doubleState(0, i);
    double[][] v = doubleState(1, i);
    double a1 = 1 - beta1;
    double a2 = 1 - beta2;
    for (int r = 0; r < p.length; r++) {
      double[] pr = p[r];
      double[] gr = g[r];
      double[] mr = m[r];
      double[] vr = v[r];
      for (int c = 0; c < pr.length; c++) {
        double gc = gr[c];
        double mc = beta1 * mr[c] + a1 * gc;
        double vc = beta2 * vr[c] + a2 * gc * gc;
        mr[c] = mc;
        vr[c] = vc;
        pr[c] -= lr * (mc * c1) / (Math.sqrt(vc * c2) + eps);
      }
    }
  }
}
