package dev.unroll.examples.initstudy;

import dev.unroll.train.monitor.Histogram;

/**
 * One layer's outputs over the whole input batch.
 *
 * @param layer 1-based layer index
 * @param mean mean of the outputs
 * @param std standard deviation of the outputs
 * @param saturated fraction with |h| > 0.99 (where tanh's gradient 1 - h^2 is below 0.02); NaN
 *     for layers without negative outputs (ReLU), where saturation does not apply
 * @param zero fraction of outputs exactly 0: for ReLU the units that pass no gradient
 * @param histogram the outputs in 50 bins
 */
public record LayerStat(int layer, double mean, double std, double saturated, double zero,
    Histogram histogram) {
  /** Whether the layer has no negative outputs (ReLU), so saturation does not apply. */
  public boolean nonNegative() {
    return Double.isNaN(saturated);
  }
}
