package dev.unroll.benchmarks;

import dev.unroll.runtime.Model;
import java.util.SplittableRandom;

/**
 * The shared dense workloads W1-W4 (the convolutional ones are {@link ConvWorkload}): network shape, batch, and the synthetic data every peer trains on.
 * Each peer builds its own network from these numbers, so they all do the same arithmetic.
 */
public enum Workload implements AnyWorkload {
  /** Spiral: 2 -> 100 ReLU -> 3, full batch 300; figure: training steps/s. */
  W1(2, new int[] {100}, new Act[] {Act.RELU}, false, 3, 300, true),
  /** MLP with batch norm, batch 128; figure: training samples/s. */
  W2(784, new int[] {256, 128}, new Act[] {Act.ELU, Act.RELU}, true, 10, 128, true),
  /** W2 without batch norm; figure: training samples/s. */
  W2n(784, new int[] {256, 128}, new Act[] {Act.ELU, Act.RELU}, false, 10, 128, true),
  /** W2n inference of one sample in evaluation mode; figure: microseconds per sample. */
  W3(784, new int[] {256, 128}, new Act[] {Act.ELU, Act.RELU}, false, 10, 1, false),
  /** Wide: 1024 -> 1024 ReLU -> 1024 ReLU -> 10, batch 256; figure: samples/s and GFLOP/s. */
  W4(1024, new int[] {1024, 1024}, new Act[] {Act.RELU, Act.RELU}, false, 10, 256, true);

  /** Hidden-layer activations the workloads use. */
  public enum Act {
    /** max(0, x). */
    RELU,
    /** x for x > 0, else alpha (e^x - 1) with alpha 1. */
    ELU
  }

  /** SGD learning rate of every training step, for every peer. */
  public static final double LEARNING_RATE = 0.01;

  /** Seed of the weights; the data has its own. */
  public static final long WEIGHT_SEED = 42;

  /**
   * Batches cycled through by a benchmark. More than one so that no peer trains on a single batch
   * for minutes (which drives softmax probabilities toward denormal floats and skews the time);
   * a power of two so the index wraps with a mask.
   */
  public static final int BATCHES = 4;

  private final int inputs;
  private final int[] hidden;
  private final Act[] acts;
  private final boolean batchNorm;
  private final int classes;
  private final int batch;
  private final boolean training;

  Workload(
      int inputs,
      int[] hidden,
      Act[] acts,
      boolean batchNorm,
      int classes,
      int batch,
      boolean training) {
    this.inputs = inputs;
    this.hidden = hidden;
    this.acts = acts;
    this.batchNorm = batchNorm;
    this.classes = classes;
    this.batch = batch;
    this.training = training;
  }

  /** Input features per sample. */
  public int inputs() {
    return inputs;
  }

  /** Units of each hidden layer, in order. */
  public int[] hidden() {
    return hidden.clone();
  }

  /** Activation of each hidden layer. */
  public Act[] acts() {
    return acts.clone();
  }

  /** Whether every hidden layer has batch norm between its affine map and its activation. */
  public boolean batchNorm() {
    return batchNorm;
  }

  /** Output classes. */
  public int classes() {
    return classes;
  }

  /** Samples per step. */
  @Override
  public int batch() {
    return batch;
  }

  /** Whether the figure is a training step (forward, loss, backward, SGD) or inference only. */
  @Override
  public boolean training() {
    return training;
  }

  /** Number of weights (biases excluded), the {@code weights} of 6 x batch x weights FLOP. */
  public long weights() {
    long total = 0;
    int fanIn = inputs;
    for (int units : hidden) {
      total += (long) fanIn * units;
      fanIn = units;
    }
    return total + (long) fanIn * classes;
  }

  /** The generated network of this workload on the plain backend. */
  public Model unrollNet() {
    return unrollNet(false);
  }

  /**
   * The generated network of this workload, weights from {@link #WEIGHT_SEED}; {@code vector}
   * picks the Vector API backend, which needs {@code --add-modules jdk.incubator.vector}.
   */
  @Override
  public Model unrollNet(boolean vector) {
    switch (this) {
      case W1:
        return vector ? new Specs_W1VNet(WEIGHT_SEED) : new Specs_W1Net(WEIGHT_SEED);
      case W2:
        return vector ? new Specs_W2VNet(WEIGHT_SEED) : new Specs_W2Net(WEIGHT_SEED);
      case W2n:
      case W3:
        return vector ? new Specs_W2nVNet(WEIGHT_SEED) : new Specs_W2nNet(WEIGHT_SEED);
      case W4:
        return vector ? new Specs_W4VNet(WEIGHT_SEED) : new Specs_W4Net(WEIGHT_SEED);
      default:
        throw new AssertionError(this);
    }
  }

  /** Whether a benchmark's {@code backend} parameter names the Vector API backend. */
  public static boolean isVector(String backend) {
    switch (backend) {
      case "plain":
        return false;
      case "vector":
        return true;
      default:
        throw new IllegalArgumentException("backend must be plain or vector, was " + backend);
    }
  }

  /** {@link #BATCHES} batches of inputs, each {@link #batch()} rows. */
  @Override
  public float[][][] inputBatches() {
    float[][] all = allInputs();
    float[][][] batches = new float[BATCHES][batch][];
    for (int b = 0; b < BATCHES; b++) {
      for (int i = 0; i < batch; i++) {
        batches[b][i] = all[b * batch + i];
      }
    }
    return batches;
  }

  /** The labels of {@link #inputBatches()}, batch by batch. */
  @Override
  public int[][] labelBatches() {
    int[] all = labels(allInputs());
    int[][] batches = new int[BATCHES][batch];
    for (int b = 0; b < BATCHES; b++) {
      System.arraycopy(all, b * batch, batches[b], 0, batch);
    }
    return batches;
  }

  /**
   * Every sample of the run: the course's spiral for W1 (its batch is the whole data set, so the
   * batches repeat it), N(0, 1) features from a fixed seed for the others.
   */
  private float[][] allInputs() {
    int rows = BATCHES * batch;
    float[][] x = new float[rows][];
    if (this == W1) {
      float[][] spiral = Data.spiral(batch / classes, classes, 1);
      for (int i = 0; i < rows; i++) {
        x[i] = spiral[i % batch].clone();
      }
      return x;
    }
    return Data.gaussian(rows, inputs, 7);
  }

  private int[] labels(float[][] x) {
    if (this == W1) {
      int[] y = new int[x.length];
      int perClass = batch / classes;
      for (int i = 0; i < y.length; i++) {
        y[i] = (i % batch) / perClass;
      }
      return y;
    }
    return Data.linearLabels(x, classes, 11);
  }

  /** Parses a workload id as JMH passes it. */
  public static Workload of(String id) {
    return valueOf(id);
  }

  /** Seeded data the benchmarks train on. */
  static final class Data {
    private Data() {}

    /** Rows of N(0, 1) floats. */
    static float[][] gaussian(int rows, int cols, long seed) {
      SplittableRandom random = new SplittableRandom(seed);
      float[][] x = new float[rows][cols];
      for (float[] row : x) {
        for (int j = 0; j < cols; j++) {
          row[j] = (float) gaussian(random);
        }
      }
      return x;
    }

    /**
     * Labels = argmax of x M for a fixed random M: a task a network can learn, so the training
     * steps being timed are the ones of a real run.
     */
    static int[] linearLabels(float[][] x, int classes, long seed) {
      float[][] map = gaussian(x[0].length, classes, seed);
      int[] y = new int[x.length];
      for (int i = 0; i < x.length; i++) {
        double best = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
          double s = 0;
          for (int m = 0; m < x[i].length; m++) {
            s += x[i][m] * map[m][c];
          }
          if (s > best) {
            best = s;
            y[i] = c;
          }
        }
      }
      return y;
    }

    /** The CS231n spiral: {@code perClass} points per arm, radius 0..1, angle noise 0.2. */
    static float[][] spiral(int perClass, int classes, long seed) {
      SplittableRandom random = new SplittableRandom(seed);
      float[][] x = new float[perClass * classes][2];
      for (int c = 0; c < classes; c++) {
        for (int i = 0; i < perClass; i++) {
          double r = perClass == 1 ? 0 : (double) i / (perClass - 1);
          double t = c * 4.0 + 4.0 * i / Math.max(1, perClass - 1) + 0.2 * gaussian(random);
          x[c * perClass + i][0] = (float) (r * Math.sin(t));
          x[c * perClass + i][1] = (float) (r * Math.cos(t));
        }
      }
      return x;
    }

    /** Box-Muller, so the data does not depend on the JDK's Random.nextGaussian algorithm. */
    private static double gaussian(SplittableRandom random) {
      double u = 1.0 - random.nextDouble();
      double v = random.nextDouble();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
  }
}
