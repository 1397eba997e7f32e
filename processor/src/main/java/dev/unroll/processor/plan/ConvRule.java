package dev.unroll.processor.plan;

import dev.unroll.processor.model.ImageLayerSpec;

/**
 * Which product a conv layer gets, {@link ConvProduct#DIRECT} or {@link ConvProduct#IM2COL}, by
 * its fan-in, from measurements (BENCHMARKS.md, "Direct convolution against im2col (issue 13)").
 * The threshold is the one number here; re-measure it with the benchmarks built with {@code
 * -Dunroll.convProduct=direct} and {@code =im2col} whenever either product changes.
 *
 * <p>Why fan-in: im2col's weight gradient runs its inner loop over the fan-in C k k (one row of
 * dW per filter), and its forward adds C k k window rows per filter; with a fan-in of 9 or 27 (a
 * first layer on 1 or 3 channels) that loop is too short for C2's vectors and the window copies
 * cost as much as the product, while the direct loops run over a whole output row. From a
 * fan-in of 144 on (16 channels, 3x3) im2col's long rows win: measured 2026-12-04 on a shared
 * 2-core machine (load 7-15), training steps at batch 64, direct against im2col: 1x28x28 -> 16
 * (fan-in 9) 122 against 294 ms, 3x32x32 -> 32 (27) 279 against 321 ms, 16x14x14 -> 32 (144)
 * 349 against 363 ms, 32x32x32 -> 32 (288) 3.6 against 1.2 s, 64x16x16 -> 64 (576) 4.8 against
 * 0.9 s.
 */
final class ConvRule {
  /** Largest fan-in (C k k) whose conv layer runs direct: W5's and W6's first layers (9, 27). */
  static final int DIRECT_MAX_FAN_IN = 27;

  private ConvRule() {}

  /** The product of conv layer {@code l}. */
  static ConvProduct choose(ImageLayerSpec l) {
    return l.unit().fanIn() <= DIRECT_MAX_FAN_IN ? ConvProduct.DIRECT : ConvProduct.IM2COL;
  }
}
