package dev.unroll.train.check;

import dev.unroll.runtime.Model;
import dev.unroll.runtime.Rng;
import dev.unroll.runtime.Tensor;
import dev.unroll.spec.Loss;
import dev.unroll.train.check.LearningRateSweep.Outcome;
import dev.unroll.train.check.LearningRateSweep.Trial;
import dev.unroll.train.optim.Optimizer;
import dev.unroll.train.optim.OptimizerFactory;
import dev.unroll.train.optim.Optimizers;
import java.util.ArrayList;
import java.util.List;

/**
 * The lecture's babysitting checks before a long run, one call each, each returning a
 * {@link Verdict} that says what it saw and what to do on failure:
 *
 * <ol>
 *   <li>{@link #initialLoss}: with regularization off the first loss is about ln(C) for softmax
 *       (every class equally likely) and C - 1 for the SVM (every margin about 1);
 *   <li>{@link #regularizationRaisesLoss}: turning L2 up must raise the loss by
 *       0.5 * l2 * sum(W^2);
 *   <li>{@link #overfitTinySubset}: about 20 examples, no regularization, must reach 100%
 *       training accuracy;
 *   <li>{@link #learningRateSweep}: a few steps at each rate of a log grid; the loss barely moving
 *       means too low, NaN, inf or a rise means too high; the rates between are suggested.
 * </ol>
 *
 * <p>Every check works on a {@link Model#copy()}: the caller's network, its mode, its L2 and its
 * batch-norm statistics are untouched. Configure with the fluent setters; all randomness comes from
 * {@link #seed}.
 */
public final class SanityChecks {
  private long seed = 1;
  private double initialLossTolerance = 0.10;
  private double regStrength = Double.NaN;
  private int overfitExamples = 20;
  private int overfitSteps = 200;
  private OptimizerFactory overfitOptimizer = Optimizers.adam();
  private double overfitLr = 1e-2;
  private double[] sweepRates = {1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1, 10};
  private int sweepSteps = 50;
  private int sweepBatch = 64;
  private OptimizerFactory sweepOptimizer = Optimizers.sgd();
  private double minDrop = 0.01;

  /** Seed of the row sampling (default 1). */
  public SanityChecks seed(long seed) {
    this.seed = seed;
    return this;
  }

  /** Allowed relative distance of the initial loss from ln(C) or C - 1 (default 0.10). */
  public SanityChecks initialLossTolerance(double tolerance) {
    this.initialLossTolerance = tolerance;
    return this;
  }

  /**
   * L2 strength of the regularization check; NaN (the default) picks the strength at which the
   * L2 term equals the data loss, so the rise is clear whatever the weights' scale.
   */
  public SanityChecks regStrength(double l2) {
    this.regStrength = l2;
    return this;
  }

  /** Examples, full-batch steps, optimizer and rate of the overfitting check. */
  public SanityChecks overfit(int examples, int steps, OptimizerFactory optimizer, double lr) {
    if (examples < 1 || steps < 1) {
      throw new IllegalArgumentException("examples and steps must be >= 1");
    }
    this.overfitExamples = examples;
    this.overfitSteps = steps;
    this.overfitOptimizer = optimizer;
    this.overfitLr = lr;
    return this;
  }

  /**
   * Rates (sorted here), steps per rate, batch size and optimizer of the sweep; a rate whose loss
   * fell by less than {@code minDrop} (relative) is too low.
   */
  public SanityChecks sweep(double[] rates, int steps, int batch, OptimizerFactory optimizer,
      double minDrop) {
    if (rates.length == 0 || steps < 1 || batch < 1) {
      throw new IllegalArgumentException("the sweep needs rates, steps >= 1 and batch >= 1");
    }
    this.sweepRates = rates.clone();
    java.util.Arrays.sort(sweepRates);
    this.sweepSteps = steps;
    this.sweepBatch = batch;
    this.sweepOptimizer = optimizer;
    this.minDrop = minDrop;
    return this;
  }

  /** All four checks in the lecture's order. */
  public SanityReport runAll(Model model, float[][] x, int[] y) {
    List<Verdict> verdicts = new ArrayList<>();
    verdicts.add(initialLoss(model, x, y));
    verdicts.add(regularizationRaisesLoss(model, x, y));
    verdicts.add(overfitTinySubset(model, x, y));
    LearningRateSweep sweep = sweep(model, x, y);
    verdicts.add(readSweep(sweep));
    return new SanityReport(verdicts, sweep);
  }

  /** Check 2 of the lecture: the first loss with L2 off is near chance. */
  public Verdict initialLoss(Model model, float[][] x, int[] y) {
    Model net = model.copy();
    net.setL2(0);
    net.setTraining(true);
    Rows rows = Rows.sample(x, y, Math.min(net.maxBatch(), x.length), seed);
    double loss = rows.loss(net);
    int c = net.outputs();
    boolean softmax = net.loss() == Loss.SOFTMAX;
    double expected = softmax ? Math.log(c) : c - 1;
    String formula = softmax ? "ln(" + c + ")" : c + " - 1";
    double rel = Math.abs(loss - expected) / expected;
    String saw = String.format("loss %.4f on %d rows with L2 off; expected %s = %.4f"
        + " (%.1f%% off, tolerance %.0f%%)", loss, rows.n, formula, expected, 100 * rel,
        100 * initialLossTolerance);
    if (!Double.isFinite(loss)) {
      return new Verdict("initial loss", false, saw, "the loss is not finite before training:"
          + " check the inputs for NaN and their scale (zero-center and normalize)");
    }
    if (rel <= initialLossTolerance) {
      return new Verdict("initial loss", true, saw, "");
    }
    String advice = loss > expected
        ? "the scores start too large: the weights (above all the last layer's) are too big or"
            + " the inputs are not preprocessed; use a smaller init (XAVIER, or SMALL_RANDOM for"
            + " the output layer) and zero-center and scale the inputs"
        : "the loss is below chance before any training: the loss may sum instead of average"
            + " over the batch, or the labels leak into the features";
    return new Verdict("initial loss", false, saw, advice);
  }

  /** Check 3 of the lecture: turning L2 up raises the loss by 0.5 * l2 * sum(W^2). */
  public Verdict regularizationRaisesLoss(Model model, float[][] x, int[] y) {
    Model net = model.copy();
    net.setTraining(true);
    Rows rows = Rows.sample(x, y, Math.min(net.maxBatch(), x.length), seed);
    net.setL2(0);
    double base = rows.loss(net);
    double sumSq = sumOfSquaredWeights(net);
    if (sumSq == 0) {
      return new Verdict("regularization raises loss", false,
          "every weight is zero, so L2 has nothing to penalize",
          "zero weights never break symmetry: pick a random init (XAVIER, HE)");
    }
    double l2 = Double.isNaN(regStrength) ? 2 * Math.abs(base) / sumSq : regStrength;
    net.setL2(l2);
    double raised = rows.loss(net);
    double expectedRise = 0.5 * l2 * sumSq;
    double rise = raised - base;
    String saw = String.format("loss %.4f with L2 0, %.4f with L2 %.3g: rose by %.4g,"
        + " expected 0.5 * l2 * sum(W^2) = %.4g", base, raised, l2, rise, expectedRise);
    if (!(rise > 0)) {
      return new Verdict("regularization raises loss", false, saw,
          "the loss did not rise: setL2 does not reach the loss; check that loss() adds"
              + " 0.5 * l2 * sum(W^2) over the WEIGHT tensors");
    }
    if (Math.abs(rise - expectedRise) > 0.01 * expectedRise) {
      return new Verdict("regularization raises loss", false, saw,
          "the loss rose by the wrong amount: the L2 term should be 0.5 * l2 * sum(W^2) over"
              + " the weight matrices only (no biases, gammas or betas)");
    }
    return new Verdict("regularization raises loss", true, saw, "");
  }

  /** Check 4 of the lecture: a tiny subset without regularization is fitted to 100%. */
  public Verdict overfitTinySubset(Model model, float[][] x, int[] y) {
    Model net = model.copy();
    net.setL2(0);
    net.setTraining(true);
    Rows rows = Rows.sample(x, y, Math.min(Math.min(overfitExamples, net.maxBatch()), x.length),
        seed);
    Optimizer opt = overfitOptimizer.create(net);
    double start = rows.loss(net);
    double loss = start;
    double accuracy = rows.accuracy(net);
    int steps = 0;
    while (steps < overfitSteps && accuracy < 1) {
      net.backward();
      opt.step(overfitLr);
      steps++;
      loss = rows.loss(net);
      accuracy = rows.accuracy(net);
      if (!Double.isFinite(loss)) {
        break;
      }
    }
    String saw = String.format("%d examples, %s at lr %.3g, L2 off: loss %.4f -> %.4g,"
        + " training accuracy %.1f%% after %d steps", rows.n, opt.name(), overfitLr, start, loss,
        100 * accuracy, steps);
    if (accuracy == 1) {
      return new Verdict("overfit a tiny subset", true, saw, "");
    }
    String advice = !Double.isFinite(loss)
        ? "the loss blew up: lower the learning rate of the check"
        : "a healthy network memorizes a handful of examples: check the gradients with"
            + " GradientCheck, that labels match their rows, that the learning rate is not too"
            + " low (raise it or the steps), and that the network has the capacity (hidden"
            + " layers, not a linear model on non-separable data)";
    return new Verdict("overfit a tiny subset", false, saw, advice);
  }

  /** Check 5 of the lecture, as one verdict. */
  public Verdict learningRateSweep(Model model, float[][] x, int[] y) {
    return readSweep(sweep(model, x, y));
  }

  /**
   * A few steps from the same starting weights at each rate; the loss is measured before and after
   * on one fixed batch.
   */
  public LearningRateSweep sweep(Model model, float[][] x, int[] y) {
    Model net = model.copy();
    net.setTraining(true);
    int batch = Math.min(Math.min(sweepBatch, net.maxBatch()), x.length);
    Rows probe = Rows.sample(x, y, batch, seed);
    Rows train = new Rows(batch);
    List<Trial> trials = new ArrayList<>();
    for (double lr : sweepRates) {
      net.copyFrom(model);
      net.setTraining(true);
      Optimizer opt = sweepOptimizer.create(net);
      double start = probe.loss(net);
      Rng rng = new Rng(seed);
      boolean blewUp = false;
      for (int s = 0; s < sweepSteps && !blewUp; s++) {
        train.fillRandom(x, y, rng);
        double l = train.loss(net);
        // The lecture's early cut: NaN, inf or 3x the starting loss is a diverged trial.
        blewUp = !Double.isFinite(l) || l > 3 * start;
        if (!blewUp) {
          net.backward();
          opt.step(lr);
        }
      }
      double end = blewUp ? Double.NaN : probe.loss(net);
      Outcome o;
      // A rise within the noise band is "barely moving", not "too high".
      if (blewUp || !Double.isFinite(end) || end - start > minDrop * Math.abs(start)) {
        o = Outcome.TOO_HIGH;
      } else if ((start - end) < minDrop * Math.abs(start)) {
        o = Outcome.TOO_LOW;
      } else {
        o = Outcome.GOOD;
      }
      trials.add(new Trial(lr, start, end, o));
    }
    double low = Double.NaN;
    double high = Double.NaN;
    for (Trial t : trials) {
      if (t.outcome() == Outcome.GOOD) {
        low = Double.isNaN(low) ? t.learningRate() : low;
        high = t.learningRate();
      }
    }
    return new LearningRateSweep(trials, low, high);
  }

  private Verdict readSweep(LearningRateSweep sweep) {
    StringBuilder saw = new StringBuilder();
    int tooLow = 0;
    int tooHigh = 0;
    for (Trial t : sweep.trials()) {
      saw.append(saw.length() == 0 ? "" : "; ").append(t);
      tooLow += t.outcome() == Outcome.TOO_LOW ? 1 : 0;
      tooHigh += t.outcome() == Outcome.TOO_HIGH ? 1 : 0;
    }
    int n = sweep.trials().size();
    if (!Double.isNaN(sweep.low())) {
      saw.append(String.format(". Suggested range [%.0e, %.0e]", sweep.low(), sweep.high()));
      String edge = "";
      if (sweep.low() == sweep.trials().get(0).learningRate()
          || sweep.high() == sweep.trials().get(n - 1).learningRate()) {
        edge = " (a good rate lies at the edge of the sweep: widen the range)";
      }
      return new Verdict("learning-rate sweep", true, saw + edge, "");
    }
    String advice;
    if (tooLow == n) {
      advice = "no rate moved the loss: if the largest rates also fail, the gradients do not"
          + " reach the weights (run GradientCheck); otherwise sweep higher rates";
    } else if (tooHigh == n) {
      advice = "every rate blew up or raised the loss: sweep lower rates, and check that the"
          + " inputs are preprocessed and the init is not too large";
    } else {
      advice = "the loss never fell clearly: rates jump from too low to too high; sweep a finer"
          + " grid between them or take more steps per rate";
    }
    return new Verdict("learning-rate sweep", false, saw.toString(), advice);
  }

  private static double sumOfSquaredWeights(Model net) {
    double s = 0;
    for (Tensor t : net.params()) {
      if (t.role() == Tensor.Role.WEIGHT) {
        for (int r = 0; r < t.rows(); r++) {
          for (int c = 0; c < t.cols(); c++) {
            double v = t.get(r, c);
            s += v * v;
          }
        }
      }
    }
    return s;
  }
}
