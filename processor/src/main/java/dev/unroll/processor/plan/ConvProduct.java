package dev.unroll.processor.plan;

/**
 * How a conv layer's product runs, per sample. Both give the same sums in the same order.
 */
public enum ConvProduct {
  /**
   * im2col: the input's windows copied into a matrix, one row per (channel, ky, kx) and one
   * column per output position, then the product as axpys of whole rows (the shape C2
   * vectorizes); dW from the same windows transposed, dx through col2im.
   */
  IM2COL
}
