package dev.unroll.benchmarks.plain;

/** {@code max(0, x)} as a layer of its own. */
public final class Relu implements Layer {
  private final int features;
  private final float[] y;
  private final float[] dx;

  /** A ReLU over {@code features} columns, buffers for {@code maxBatch} rows. */
  public Relu(int features, int maxBatch) {
    this.features = features;
    this.y = new float[maxBatch * features];
    this.dx = new float[maxBatch * features];
  }

  @Override
  public float[] forward(float[] x, int n) {
    int size = n * features;
    for (int i = 0; i < size; i++) {
      y[i] = Math.max(0f, x[i]);
    }
    return y;
  }

  @Override
  public float[] backward(float[] dout, int n) {
    int size = n * features;
    for (int i = 0; i < size; i++) {
      dx[i] = y[i] > 0 ? dout[i] : 0f;
    }
    return dx;
  }
}
