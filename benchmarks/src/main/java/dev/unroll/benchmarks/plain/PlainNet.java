package dev.unroll.benchmarks.plain;

import dev.unroll.benchmarks.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The plain-Java reference: the network a Java programmer writes without a generator, a list of
 * {@link Layer} objects called through the interface, generic loops over flat arrays, batch norm
 * and activations as layers of their own. It allocates nothing per step, like the generated code,
 * so the comparison isolates what specialization buys.
 */
public final class PlainNet {
  private final List<Layer> layers = new ArrayList<>();
  private final SoftmaxLoss loss;
  private final int classes;
  private float[] scores;
  private int n;

  /** The network of {@code workload}, Xavier weights (N(0, 1) / sqrt(fan_in)) from {@code seed}. */
  public PlainNet(Workload workload, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int maxBatch = Math.max(workload.batch(), 1);
    int fanIn = workload.inputs();
    int[] hidden = workload.hidden();
    Workload.Act[] acts = workload.acts();
    for (int l = 0; l < hidden.length; l++) {
      layers.add(new Dense(fanIn, hidden[l], maxBatch, scale(workload, fanIn), random));
      if (workload.batchNorm()) {
        layers.add(new BatchNorm(hidden[l], maxBatch));
      }
      layers.add(
          acts[l] == Workload.Act.RELU
              ? new Relu(hidden[l], maxBatch)
              : new Elu(hidden[l], maxBatch));
      fanIn = hidden[l];
    }
    layers.add(new Dense(fanIn, workload.classes(), maxBatch, scale(workload, fanIn), random));
    this.classes = workload.classes();
    this.loss = new SoftmaxLoss(classes, maxBatch);
  }

  /** W1 uses the course's 0.01 N(0, 1); the others Xavier. */
  private static double scale(Workload workload, int fanIn) {
    return workload == Workload.W1 ? 0.01 : 1.0 / Math.sqrt(fanIn);
  }

  /** The layers in order, for tests that copy weights in. */
  public List<Layer> layers() {
    return layers;
  }

  /** Training or evaluation mode for every layer. */
  public void setTraining(boolean training) {
    for (int l = 0; l < layers.size(); l++) {
      layers.get(l).setTraining(training);
    }
  }

  /** Scores of the first {@code n} rows of the flat input {@code x}. */
  public void forward(float[] x, int n) {
    this.n = n;
    float[] a = x;
    // Indexed loops: an iterator per call would be an allocation per step unless C2 removes it.
    for (int l = 0; l < layers.size(); l++) {
      a = layers.get(l).forward(a, n);
    }
    scores = a;
  }

  /** Mean softmax cross-entropy of the last forward pass. */
  public double loss(int[] labels, int n) {
    return loss.loss(scores, labels, n);
  }

  /** Gradients of every layer, last to first. */
  public void backward() {
    float[] g = loss.gradient();
    for (int l = layers.size() - 1; l >= 0; l--) {
      g = layers.get(l).backward(g, n);
    }
  }

  /** {@code p -= lr * grad} for every parameter. */
  public void sgdStep(double lr) {
    float rate = (float) lr;
    for (int l = 0; l < layers.size(); l++) {
      layers.get(l).update(rate);
    }
  }

  /** Argmax of sample {@code i}'s scores. */
  public int predict(int i) {
    int best = 0;
    for (int c = 1; c < classes; c++) {
      if (scores[i * classes + c] > scores[i * classes + best]) {
        best = c;
      }
    }
    return best;
  }

  /** Row-major copy of the first {@code n} rows, the layout this network reads. */
  public static float[] flatten(float[][] rows, int n) {
    int cols = rows[0].length;
    float[] flat = new float[n * cols];
    for (int i = 0; i < n; i++) {
      System.arraycopy(rows[i], 0, flat, i * cols, cols);
    }
    return flat;
  }

  static double gaussian(SplittableRandom random) {
    double u = 1.0 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
