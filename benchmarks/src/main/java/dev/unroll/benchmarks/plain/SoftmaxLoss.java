package dev.unroll.benchmarks.plain;

/** Mean softmax cross-entropy over a batch of flat score rows, and its gradient. */
public final class SoftmaxLoss {
  private final int classes;
  private final float[] dscores;

  /** A loss over {@code classes} scores, buffers for {@code maxBatch} rows. */
  public SoftmaxLoss(int classes, int maxBatch) {
    this.classes = classes;
    this.dscores = new float[maxBatch * classes];
  }

  /** Mean loss of the first {@code n} rows; the gradient is kept for {@link #gradient()}. */
  public double loss(float[] scores, int[] labels, int n) {
    double total = 0;
    for (int i = 0; i < n; i++) {
      int o = i * classes;
      float max = scores[o];
      for (int c = 1; c < classes; c++) {
        max = Math.max(max, scores[o + c]);
      }
      double sum = 0;
      for (int c = 0; c < classes; c++) {
        float e = (float) Math.exp(scores[o + c] - max);
        dscores[o + c] = e;
        sum += e;
      }
      total += Math.log(sum) - (scores[o + labels[i]] - max);
      for (int c = 0; c < classes; c++) {
        dscores[o + c] = (float) (dscores[o + c] / sum / n);
      }
      dscores[o + labels[i]] -= 1f / n;
    }
    return total / n;
  }

  /** dL/dscores of the last {@link #loss} call. */
  public float[] gradient() {
    return dscores;
  }
}
