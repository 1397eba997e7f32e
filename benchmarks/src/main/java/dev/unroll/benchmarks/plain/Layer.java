package dev.unroll.benchmarks.plain;

/**
 * One stage of the plain reference network. Activations are flat row-major {@code float[]}
 * arrays of {@code n} rows; every call is virtual, the way a generic library composes layers.
 */
public interface Layer {
  /** Output of this layer for the first {@code n} rows of {@code x}; keeps what backward needs. */
  float[] forward(float[] x, int n);

  /** Gradient with respect to the last forward's input, given the gradient of its output. */
  float[] backward(float[] dout, int n);

  /** Plain SGD on this layer's parameters, if it has any. */
  default void update(float lr) {}

  /** Training mode (batch statistics) or evaluation mode (running averages). */
  default void setTraining(boolean training) {}
}
