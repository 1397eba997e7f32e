package dev.unroll.benchmarks.plain;

/** ELU with alpha 1: {@code x} for {@code x > 0}, else {@code e^x - 1}, as a layer of its own. */
public final class Elu implements Layer {
  private static final float ALPHA = 1f;
  private final int features;
  private final float[] x;
  private final float[] y;
  private final float[] dx;

  /** An ELU over {@code features} columns, buffers for {@code maxBatch} rows. */
  public Elu(int features, int maxBatch) {
    this.features = features;
    this.x = new float[maxBatch * features];
    this.y = new float[maxBatch * features];
    this.dx = new float[maxBatch * features];
  }

  @Override
  public float[] forward(float[] in, int n) {
    int size = n * features;
    // Kept: the derivative needs the sign of the input (the input array belongs to the layer
    // before, which may reuse it).
    System.arraycopy(in, 0, x, 0, size);
    for (int i = 0; i < size; i++) {
      float v = in[i];
      y[i] = v > 0 ? v : ALPHA * (float) Math.expm1(v);
    }
    return y;
  }

  @Override
  public float[] backward(float[] dout, int n) {
    int size = n * features;
    for (int i = 0; i < size; i++) {
      // d/dx = 1 for x > 0, else alpha e^x = y + alpha
      dx[i] = x[i] > 0 ? dout[i] : dout[i] * (y[i] + ALPHA);
    }
    return dx;
  }
}
