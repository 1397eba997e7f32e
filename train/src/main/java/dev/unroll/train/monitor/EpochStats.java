package dev.unroll.train.monitor;

import java.util.List;

/**
 * One epoch of a run.
 *
 * @param epoch 1-based epoch number
 * @param learningRate the rate used during the epoch
 * @param trainLoss mean training loss over the epoch's batches (data plus L2)
 * @param trainAccuracy accuracy on the training split, evaluated after the epoch
 * @param valLoss mean data loss on the validation split (NaN without one)
 * @param valAccuracy accuracy on the validation split (NaN without one)
 * @param layers per-layer statistics, in layer order
 * @param note what the accuracy gap says (overfitting, no capacity), or empty
 */
public record EpochStats(int epoch, double learningRate, double trainLoss, double trainAccuracy,
    double valLoss, double valAccuracy, List<LayerStats> layers, String note) {
  /** Compact constructor: keeps an immutable copy of the layers. */
  public EpochStats {
    layers = List.copyOf(layers);
  }
}
