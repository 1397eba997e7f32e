package dev.unroll.benchmarks;

import dev.unroll.runtime.Model;

/**
 * The convolutional workloads W5-W7 (networks in {@link ConvSpecs}): float32 images of N(0, 1)
 * pixels from a fixed seed per batch, labelled by the argmax of a fixed random linear map of the
 * pixels (a task a network can learn, as for the dense workloads).
 */
public enum ConvWorkload implements AnyWorkload {
  /** The Fashion-MNIST convnet, 1x28x28, batch 64; figure: training samples/s. */
  W5(784, 64, true),
  /** CIFAR-shaped, 3x32x32, batch 64; figure: training samples/s. */
  W6(3072, 64, true),
  /** W5 inference of one image in evaluation mode; figure: microseconds per image. */
  W7(784, 1, false);

  private static final int CLASSES = 10;

  private final int inputs;
  private final int batch;
  private final boolean training;

  ConvWorkload(int inputs, int batch, boolean training) {
    this.inputs = inputs;
    this.batch = batch;
    this.training = training;
  }

  @Override
  public int batch() {
    return batch;
  }

  @Override
  public boolean training() {
    return training;
  }

  @Override
  public Model unrollNet(boolean vector) {
    long seed = Workload.WEIGHT_SEED;
    switch (this) {
      case W5:
      case W7:
        return vector ? new ConvSpecs_W5VNet(seed) : new ConvSpecs_W5Net(seed);
      case W6:
        return vector ? new ConvSpecs_W6VNet(seed) : new ConvSpecs_W6Net(seed);
      default:
        throw new AssertionError(this);
    }
  }

  /** Each batch from its own seed (100 + its index), flattened in (C, H, W) order. */
  @Override
  public float[][][] inputBatches() {
    float[][][] xs = new float[Workload.BATCHES][][];
    for (int k = 0; k < Workload.BATCHES; k++) {
      xs[k] = Workload.Data.gaussian(batch, inputs, 100 + k);
    }
    return xs;
  }

  @Override
  public int[][] labelBatches() {
    float[][][] xs = inputBatches();
    int[][] ys = new int[Workload.BATCHES][];
    for (int k = 0; k < Workload.BATCHES; k++) {
      ys[k] = Workload.Data.linearLabels(xs[k], CLASSES, 11);
    }
    return ys;
  }
}
