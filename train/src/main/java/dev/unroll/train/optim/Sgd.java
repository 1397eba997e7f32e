package dev.unroll.train.optim;

import dev.unroll.runtime.Model;

/** Vanilla gradient descent: {@code x -= lr * dx}. No state. */
public final class Sgd extends Optimizer {
  /** Plain SGD over {@code model}'s parameters. */
  public Sgd(Model model) {
    super(model);
  }

  @Override
  public String name() {
    return "sgd";
  }

  @Override
  protected void update(int i, float[][] p, float[][] g, float lr) {
    for (int r = 0; r < p.length; r++) {
      float[] pr = p[r];
      float[] gr = g[r];
      for (int c = 0; c < pr.length; c++) {
        pr[c] -= lr * gr[c];
      }
    }
  }

  @Override
  protected void update(int i, double[][] p, double[][] g, double lr) {
    for (int r = 0; r < p.length; r++) {
      double[] pr = p[r];
      double[] gr = g[r];
      for (int c = 0; c < pr.length; c++) {
        pr[c] -= lr * gr[c];
      }
    }
  }
}
