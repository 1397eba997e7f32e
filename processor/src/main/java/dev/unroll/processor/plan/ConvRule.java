package dev.unroll.processor.plan;

import dev.unroll.processor.model.ImageLayerSpec;
import dev.unroll.spec.Backend;

/**
 * Which product a conv layer gets, {@link ConvProduct#DIRECT} or {@link ConvProduct#IM2COL}, by
 * its fan-in C k k, from measurements (BENCHMARKS.md, "Direct convolution against im2col (issue
 * 13)"). The threshold is the one number here; re-measure it with the benchmarks built with
 * {@code -Dunroll.convProduct=direct} and {@code =im2col} whenever either product changes.
 *
 * <p>Measured 2026-12-04 (thread CPU time per step, so a busy neighbour's time slices do not
 * count; load average 10-16 on 2 cores), direct against im2col: training at batch 64, 1x28x28 ->
 * 16 (fan-in 9) 15.2-15.6 against 12.5-16.5 ms, 16x14x14 -> 32 (144) 63-67 against 18-19 ms,
 * 3x32x32 -> 32 (27) 74-87 against 38-52 ms, 64x16x16 -> 64 (576) 642-698 against 146-175 ms;
 * W7 (batch 1, evaluation) 224-227 against 79-108 us. Direct won no shape, so no fan-in runs direct by default: its
 * inner loops run over one output row (14-32 values, a vector pass or two and scalar ends) and
 * its weight gradient sums per tap, where im2col's run over a whole plane or the fan-in.
 */
final class ConvRule {
  /**
   * Largest fan-in (C k k) whose conv layer runs direct; 0: none (measured above). A first layer
   * on 1 channel (fan-in 9) was the closest, within the noise of the measurement.
   */
  static final int DIRECT_MAX_FAN_IN = 0;

  private ConvRule() {}

  /**
   * The product of conv layer {@code l} of a network on {@code backend}; {@code forced} (the
   * processor option, or null) picks direct or im2col, and im2col then runs on the backend's own
   * kernels (the Vector API ones on {@link Backend#VECTOR}).
   */
  static ConvProduct choose(ImageLayerSpec l, Backend backend, ConvProduct forced) {
    boolean direct = forced != null ? forced == ConvProduct.DIRECT
        : l.unit().fanIn() <= DIRECT_MAX_FAN_IN;
    if (direct) {
      return ConvProduct.DIRECT;
    }
    return backend == Backend.VECTOR ? ConvProduct.IM2COL_VECTOR : ConvProduct.IM2COL;
  }
}
