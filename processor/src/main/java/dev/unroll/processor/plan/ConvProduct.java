package dev.unroll.processor.plan;

/**
 * How a conv layer's product runs, per sample. They compute the same sums in different orders.
 * {@link ConvRule} chooses one per layer.
 */
public enum ConvProduct {
  /**
   * im2col: the input's windows copied into a matrix, one row per (channel, ky, kx) and one
   * column per output position, then the product as axpys of whole rows (the shape C2
   * vectorizes); dW from the same windows transposed, dx through col2im.
   */
  IM2COL,
  /**
   * im2col on the vector backend: the same windows, the three products by the register-blocked
   * Vector API kernels of {@code unroll-vector} (4 filters x 4 vectors of positions per tile).
   */
  IM2COL_VECTOR,

  /**
   * Direct: the convolution's own loops, one (filter, channel) plane pair at a time, every tap
   * that reaches an output in one expression and the padded borders split off at generation
   * time; no copy of the windows.
   */
  DIRECT
}
