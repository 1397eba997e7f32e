package dev.unroll.train.monitor;

import dev.unroll.spec.Activation;

/**
 * What one layer looked like during one epoch, averaged over the observed batches.
 *
 * @param layer 1-based layer index
 * @param activation the layer's nonlinearity, as declared or inferred from its outputs
 * @param updateRatio ||delta W|| / ||W|| of the layer's weights per step (target ~1e-3); NaN when
 *     the layer has no weights
 * @param actMean mean of the layer's outputs
 * @param actStd standard deviation of the layer's outputs
 * @param gradMean mean of the loss gradient with respect to the outputs
 * @param gradStd standard deviation of that gradient
 * @param deadFraction ReLU-like layers: fraction of units that are 0 for every sample of a batch
 * @param saturatedFraction tanh: fraction of outputs with |h| > 0.99; sigmoid: {@code h < 0.01} or
 *     {@code h > 0.99}; 0 for other activations
 * @param histogram the outputs of the epoch's last observed batch
 */
public record LayerStats(int layer, Activation activation, double updateRatio, double actMean,
    double actStd, double gradMean, double gradStd, double deadFraction,
    double saturatedFraction, Histogram histogram) {}
