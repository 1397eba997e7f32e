package dev.unroll.benchmarks;

import dev.unroll.runtime.Model;

/**
 * What the Unroll benchmarks need of a workload, dense ({@link Workload}, W1-W4) or
 * convolutional ({@link ConvWorkload}, W5-W7), so that one benchmark class per figure covers all
 * of them: {@link UnrollBench} the training steps, {@link UnrollInfer} the latencies.
 */
public interface AnyWorkload {
  /** The id, as JMH passes it in a {@code workload} parameter. */
  String name();

  /** Samples per step. */
  int batch();

  /** Whether the figure is a training step (forward, loss, backward, SGD) or inference only. */
  boolean training();

  /**
   * The generated network, weights from {@link Workload#WEIGHT_SEED}; {@code vector} picks the
   * Vector API backend, which needs {@code --add-modules jdk.incubator.vector}.
   */
  Model unrollNet(boolean vector);

  /** {@link Workload#BATCHES} batches of inputs, each {@link #batch()} rows. */
  float[][][] inputBatches();

  /** The labels of {@link #inputBatches()}, batch by batch. */
  int[][] labelBatches();

  /** The workload of an id: W1, W2, W2n, W3, W4, W5, W6 or W7. */
  static AnyWorkload of(String id) {
    for (ConvWorkload c : ConvWorkload.values()) {
      if (c.name().equals(id)) {
        return c;
      }
    }
    for (Workload w : Workload.values()) {
      if (w.name().equals(id)) {
        return w;
      }
    }
    throw new IllegalArgumentException(
        "workload must be one of W1, W2, W2n, W3, W4, W5, W6, W7, was " + id);
  }
}
