package dev.unroll.train.monitor;

import dev.unroll.runtime.Model;
import dev.unroll.runtime.Tensor;
import dev.unroll.runtime.Tensor.Role;
import dev.unroll.spec.Activation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Watches a network while it trains, as the lecture's "babysitting" asks: per layer, the ratio of
 * update magnitude to weight magnitude, the mean and spread of activations and of their gradients,
 * dead ReLUs and saturated tanh/sigmoid units; the loss of every batch; and, per epoch, training
 * and validation accuracy with a note on the gap.
 *
 * <p>Call {@link #observe()} after {@code backward()} on the batches to sample, then
 * {@link #afterStep()} after the optimizer's step; {@link #batchLoss} on every batch;
 * {@link #endEpoch} once per epoch. Buffers are allocated at construction; observing allocates
 * nothing.
 */
public final class TrainingMonitor {
  private static final int BINS = 40;

  private final Model model;
  private final int layers;
  private final Activation[] kinds;
  private final Tensor[] activations;
  private final List<List<Tensor>> weights = new ArrayList<>();
  private final double[][][][] snapshots;
  private final TrainingHistory history;
  // Per-layer sums over the observations of the current epoch.
  private final double[] ratioSum;
  private final int[] ratioCount;
  private final double[] actMean;
  private final double[] actStd;
  private final double[] gradMean;
  private final double[] gradStd;
  private final double[] dead;
  private final double[] saturated;
  private final long[][] bins;
  private final double[] binLo;
  private final double[] binHi;
  private int observations;
  private boolean snapshotTaken;

  /** A monitor of {@code model}'s layers. */
  public TrainingMonitor(Model model) {
    this.model = model;
    this.layers = model.layers();
    this.kinds = new Activation[layers];
    for (int l = 0; l < layers; l++) {
      kinds[l] = model.activation(l + 1);
    }
    activations = new Tensor[layers];
    for (Tensor t : model.activations()) {
      if (t.layer() >= 1 && t.layer() <= layers) {
        activations[t.layer() - 1] = t;
      }
    }
    snapshots = new double[layers][][][];
    for (int l = 0; l < layers; l++) {
      List<Tensor> ws = new ArrayList<>();
      for (Tensor p : model.params()) {
        if (p.role() == Role.WEIGHT && p.layer() == l + 1) {
          ws.add(p);
        }
      }
      weights.add(ws);
      snapshots[l] = new double[ws.size()][][];
      for (int w = 0; w < ws.size(); w++) {
        snapshots[l][w] = new double[ws.get(w).rows()][ws.get(w).cols()];
      }
    }
    ratioSum = new double[layers];
    ratioCount = new int[layers];
    actMean = new double[layers];
    actStd = new double[layers];
    gradMean = new double[layers];
    gradStd = new double[layers];
    dead = new double[layers];
    saturated = new double[layers];
    bins = new long[layers][BINS];
    binLo = new double[layers];
    binHi = new double[layers];
    history = new TrainingHistory(model.specName(), model.architecture(), layers);
  }

  /** Records one batch's loss. */
  public void batchLoss(double loss) {
    history.addBatchLoss(loss);
  }

  /**
   * Samples the activations and gradients of the last forward and backward pass and snapshots the
   * weights, so that {@link #afterStep()} can measure the update.
   */
  public void observe() {
    // the rows are written on request by networks that run on other arrays
    model.activations();
    int n = model.batchSize();
    for (int l = 0; l < layers; l++) {
      Tensor a = activations[l];
      if (a != null && n > 0) {
        observeLayer(l, a, n);
      }
      for (int w = 0; w < weights.get(l).size(); w++) {
        copy(weights.get(l).get(w), snapshots[l][w]);
      }
    }
    observations++;
    snapshotTaken = true;
  }

  /** Measures ||W_after - W_before|| / ||W_before|| per layer for the step just taken. */
  public void afterStep() {
    if (!snapshotTaken) {
      return;
    }
    snapshotTaken = false;
    for (int l = 0; l < layers; l++) {
      double diff = 0;
      double norm = 0;
      for (int w = 0; w < weights.get(l).size(); w++) {
        Tensor t = weights.get(l).get(w);
        double[][] before = snapshots[l][w];
        for (int r = 0; r < before.length; r++) {
          double[] b = before[r];
          for (int c = 0; c < b.length; c++) {
            double d = t.get(r, c) - b[c];
            diff += d * d;
            norm += b[c] * b[c];
          }
        }
      }
      if (norm > 0) {
        ratioSum[l] += Math.sqrt(diff / norm);
        ratioCount[l]++;
      }
    }
  }

  private void observeLayer(int l, Tensor a, int n) {
    int units = a.cols();
    double sum = 0;
    double sq = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < units; j++) {
        double v = a.get(i, j);
        sum += v;
        sq += v * v;
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    long count = (long) n * units;
    double mean = sum / count;
    actMean[l] += mean;
    actStd[l] += Math.sqrt(Math.max(0, sq / count - mean * mean));
    if (a.hasGrad()) {
      double gs = 0;
      double gq = 0;
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < units; j++) {
          double g = a.grad(i, j);
          gs += g;
          gq += g * g;
        }
      }
      double gm = gs / count;
      gradMean[l] += gm;
      gradStd[l] += Math.sqrt(Math.max(0, gq / count - gm * gm));
    } else {
      gradMean[l] = Double.NaN;
      gradStd[l] = Double.NaN;
    }
    dead[l] += kinds[l] == Activation.RELU ? deadFraction(a, n) : 0;
    saturated[l] += saturatedFraction(kinds[l], a, n);
    histogram(l, a, n, min, max);
  }

  /** Units that are exactly 0 (or below) for every sample of the batch. */
  private static double deadFraction(Tensor a, int n) {
    int units = a.cols();
    int deadUnits = 0;
    for (int j = 0; j < units; j++) {
      boolean alive = false;
      for (int i = 0; i < n && !alive; i++) {
        alive = a.get(i, j) > 0;
      }
      if (!alive) {
        deadUnits++;
      }
    }
    return (double) deadUnits / units;
  }

  /** tanh: |h| > 0.99; sigmoid: h < 0.01 or h > 0.99 (the gradient is below ~0.02 there). */
  private static double saturatedFraction(Activation kind, Tensor a, int n) {
    if (kind != Activation.TANH && kind != Activation.SIGMOID) {
      return 0;
    }
    long sat = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < a.cols(); j++) {
        double v = a.get(i, j);
        boolean s = kind == Activation.TANH ? Math.abs(v) > 0.99 : v < 0.01 || v > 0.99;
        if (s) {
          sat++;
        }
      }
    }
    return (double) sat / ((long) n * a.cols());
  }

  private void histogram(int l, Tensor a, int n, double min, double max) {
    double lo = min;
    double hi = max;
    if (kinds[l] == Activation.TANH) {
      lo = -1;
      hi = 1;
    } else if (kinds[l] == Activation.SIGMOID) {
      lo = 0;
      hi = 1;
    }
    if (!(hi > lo)) {
      hi = lo + 1e-12 + Math.abs(lo) * 1e-6;
    }
    long[] b = bins[l];
    Arrays.fill(b, 0);
    double scale = BINS / (hi - lo);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < a.cols(); j++) {
        int k = (int) ((a.get(i, j) - lo) * scale);
        b[Math.max(0, Math.min(BINS - 1, k))]++;
      }
    }
    binLo[l] = lo;
    binHi[l] = hi;
  }

  private static void copy(Tensor t, double[][] to) {
    for (int r = 0; r < to.length; r++) {
      for (int c = 0; c < to[r].length; c++) {
        to[r][c] = t.get(r, c);
      }
    }
  }

  /**
   * Closes an epoch: averages the observations, adds the accuracy-gap note and returns the record
   * (also kept in {@link #history()}).
   */
  public EpochStats endEpoch(int epoch, double learningRate, double trainLoss,
      double trainAccuracy, double valLoss, double valAccuracy) {
    List<LayerStats> stats = new ArrayList<>();
    double k = Math.max(1, observations);
    for (int l = 0; l < layers; l++) {
      double ratio = ratioCount[l] == 0 ? Double.NaN : ratioSum[l] / ratioCount[l];
      Histogram h = observations == 0 ? null : new Histogram(binLo[l], binHi[l], bins[l]);
      stats.add(new LayerStats(l + 1, kinds[l], ratio, actMean[l] / k, actStd[l] / k,
          gradMean[l] / k, gradStd[l] / k, dead[l] / k, saturated[l] / k, h));
    }
    EpochStats e = new EpochStats(epoch, learningRate, trainLoss, trainAccuracy, valLoss,
        valAccuracy, stats, GapAdvice.note(trainAccuracy, valAccuracy));
    history.addEpoch(e);
    Arrays.fill(ratioSum, 0);
    Arrays.fill(ratioCount, 0);
    Arrays.fill(actMean, 0);
    Arrays.fill(actStd, 0);
    Arrays.fill(gradMean, 0);
    Arrays.fill(gradStd, 0);
    Arrays.fill(dead, 0);
    Arrays.fill(saturated, 0);
    observations = 0;
    return e;
  }

  /** Everything recorded so far. */
  public TrainingHistory history() {
    return history;
  }
}
