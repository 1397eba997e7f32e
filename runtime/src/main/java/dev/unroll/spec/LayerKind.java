package dev.unroll.spec;

/**
 * What a {@link Layer} computes. Image layers (conv and pooling) come first, on a
 * {@link Network#shape()} input; the first dense layer after them flattens the image in (channel,
 * row, column) order.
 */
public enum LayerKind {
  /** Fully connected: {@code z = x W + b}. */
  DENSE,
  /**
   * Convolution: {@code filters} filters of {@code C x size x size} slide over the zero-padded
   * input with {@code stride}; output {@code filters x H' x W'}, {@code H' = (H + 2 pad - size) /
   * stride + 1}. Batch norm here is spatial: per channel, over the batch and every position.
   */
  CONV,
  /**
   * The largest value of each {@code size x size} window, per channel; the gradient goes to the
   * first largest value in row-major order within the window (ties go to the earliest).
   */
  MAX_POOL,
  /** The mean of each {@code size x size} window, per channel. */
  AVG_POOL
}
