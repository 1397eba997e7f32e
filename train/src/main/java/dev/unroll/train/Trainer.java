package dev.unroll.train;

import dev.unroll.runtime.Model;
import dev.unroll.runtime.Rng;
import dev.unroll.train.monitor.EpochStats;
import dev.unroll.train.monitor.TrainingMonitor;
import dev.unroll.train.augment.ImageAugmentation;
import dev.unroll.train.optim.Optimizer;
import dev.unroll.train.optim.OptimizerFactory;
import dev.unroll.train.optim.Optimizers;

/**
 * The training loop: epochs over seeded shuffled mini-batches, an optimizer on
 * {@link Model#params()}, a learning-rate schedule, L2, a divergence guard and a monitor of every
 * layer; with a validation split ({@link #validateOn}) also its accuracy each epoch, early
 * stopping ({@link #patience}) and, when asked, the best epoch's weights restored ({@link
 * #restoreBest}). Configure with the fluent setters, then call {@link #fit}.
 *
 * <pre>{@code
 * TrainingResult r = new Trainer()
 *     .epochs(20).batchSize(64).optimizer(Optimizers.momentum(0.9))
 *     .learningRate(LearningRate.step(1e-2, 0.5, 5)).l2(1e-4)
 *     .validateOn(split.validation()).patience(3).restoreBest(true)
 *     .fit(net, split.train());
 * }</pre>
 *
 * <p>Model selection is explicit: picking the best epoch on a data set makes its accuracy an
 * optimistic estimate, so that set must be the validation split, never the test split that
 * reports the final accuracy. {@code fit} takes only the training data; the split the epochs are
 * judged on is named with {@code validateOn}, and restoring its best epoch is off unless {@code
 * restoreBest(true)} says so.
 *
 * <p>Every feature of the training and validation splits must be finite: a NaN or infinite value
 * is reported before training with its row and column (it would otherwise look like a learning
 * rate too high: the loss is NaN at the first batch).
 *
 * <p>The divergence guard follows the lecture's rule for cutting a trial short: when a batch loss
 * is NaN or infinite or exceeds {@link #divergenceFactor} times the first batch's loss, training
 * stops, the weights go back to the last good ones (taken at the start and after every epoch whose
 * losses were all fine) and the result says what happened and what to do.
 *
 * <p>A step allocates nothing: batches are arrays of references to the caller's rows, and the
 * optimizer and monitor allocate their state up front.
 */
public final class Trainer {
  private int epochs = 10;
  private int batchSize = 64;
  private OptimizerFactory optimizer = Optimizers.sgd();
  private LearningRate learningRate = LearningRate.constant(1e-3);
  private double l2;
  private long seed = 1;
  private int patience;
  private boolean restoreBest;
  private boolean evaluateTraining = true;
  private float[][] xVal = new float[0][];
  private int[] yVal = new int[0];
  private double divergenceFactor = 3;
  private int observationsPerEpoch = 10;
  private Progress progress = Progress.NONE;
  private ImageAugmentation augmentation;

  /**
   * Random flips and crops of every training batch (see {@link ImageAugmentation}); made for at
   * least {@link #batchSize} rows. Evaluation always sees the data unchanged.
   */
  public Trainer augmentation(ImageAugmentation augmentation) {
    this.augmentation = augmentation;
    return this;
  }

  /** Number of passes over the training data (default 10). */
  public Trainer epochs(int epochs) {
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
    }
    this.epochs = epochs;
    return this;
  }

  /** Rows per mini-batch, at most the network's maxBatch (default 64). */
  public Trainer batchSize(int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
    }
    this.batchSize = batchSize;
    return this;
  }

  /** The update rule (default plain SGD). */
  public Trainer optimizer(OptimizerFactory optimizer) {
    this.optimizer = optimizer;
    return this;
  }

  /** The learning-rate schedule (default constant 1e-3). */
  public Trainer learningRate(LearningRate learningRate) {
    this.learningRate = learningRate;
    return this;
  }

  /** A constant learning rate. */
  public Trainer learningRate(double lr) {
    return learningRate(LearningRate.constant(lr));
  }

  /** L2 strength set on the network before training (default 0). */
  public Trainer l2(double l2) {
    if (!(l2 >= 0) || Double.isInfinite(l2)) {
      throw new IllegalArgumentException("L2 strength must be finite and >= 0, got " + l2);
    }
    this.l2 = l2;
    return this;
  }

  /** Seed of the shuffling (default 1); the same seed gives the same batches. */
  public Trainer seed(long seed) {
    this.seed = seed;
    return this;
  }

  /**
   * The split each epoch is judged on: its accuracy and loss are reported every epoch, and it
   * drives {@link #patience} and {@link #restoreBest}. Use a validation split, never the test set
   * (selecting on it makes the test accuracy optimistic).
   */
  public Trainer validateOn(dev.unroll.data.Dataset validation) {
    return validateOn(validation.x(), validation.y());
  }

  /** The validation split as arrays; see {@link #validateOn(dev.unroll.data.Dataset)}. */
  public Trainer validateOn(float[][] x, int[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "validation features have " + x.length + " rows but labels have " + y.length);
    }
    this.xVal = x;
    this.yVal = y;
    return this;
  }

  /**
   * Whether each epoch ends with a pass over the whole training split for its accuracy (default
   * true: the report's training-vs-validation plot needs it). Off, the epoch's training accuracy
   * is NaN and an epoch costs one forward pass over the training data less.
   */
  public Trainer evaluateTraining(boolean evaluate) {
    this.evaluateTraining = evaluate;
    return this;
  }

  /**
   * Early stopping: stop when validation accuracy has not improved for {@code patience} epochs; 0
   * (the default) never stops early. Needs {@link #validateOn}.
   */
  public Trainer patience(int patience) {
    if (patience < 0) {
      throw new IllegalArgumentException("patience must be >= 0, got " + patience);
    }
    this.patience = patience;
    return this;
  }

  /**
   * Whether the network ends with the weights of its best validation epoch (default false: the
   * weights of the last epoch). Needs {@link #validateOn}.
   */
  public Trainer restoreBest(boolean restoreBest) {
    this.restoreBest = restoreBest;
    return this;
  }

  /** The guard's limit as a multiple of the first batch's loss (default 3, the lecture's). */
  public Trainer divergenceFactor(double factor) {
    if (!(factor > 1)) {
      throw new IllegalArgumentException("divergence factor must be > 1, got " + factor);
    }
    this.divergenceFactor = factor;
    return this;
  }

  /** How many batches per epoch the monitor samples (default 10; 0 switches it off). */
  public Trainer observationsPerEpoch(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("observations must be >= 0, got " + count);
    }
    this.observationsPerEpoch = count;
    return this;
  }

  /** Where progress goes (default {@link Progress#NONE}). */
  public Trainer progress(Progress progress) {
    this.progress = progress;
    return this;
  }

  /** Switches the console progress bar on or off. */
  public Trainer progress(boolean console) {
    return progress(console ? new ConsoleProgress() : Progress.NONE);
  }

  /** Trains {@code model} in place on {@code train}; see {@link #fit(Model, float[][], int[])}. */
  public TrainingResult fit(Model model, dev.unroll.data.Dataset train) {
    return fit(model, train.x(), train.y());
  }

  /**
   * Trains {@code model} in place on {@code (x, y)}, judging each epoch on the split given to
   * {@link #validateOn} if any.
   *
   * @throws IllegalArgumentException when the data do not fit the network (row width, label
   *     range, batch size above maxBatch) or a feature is NaN or infinite, naming the row
   * @throws IllegalStateException when {@link #patience} or {@link #restoreBest} is set without a
   *     validation split
   */
  public TrainingResult fit(Model model, float[][] x, int[] y) {
    boolean validate = xVal.length > 0;
    if (!validate && (restoreBest || patience > 0)) {
      throw new IllegalStateException((restoreBest ? "restoreBest(true)" : "patience("
          + patience + ")") + " needs a validation split: call validateOn(validation) first");
    }
    checkData(model, x, y, "training");
    checkData(model, xVal, yVal, "validation");
    if (batchSize > model.maxBatch()) {
      throw new IllegalArgumentException("batch size " + batchSize + " exceeds " + model.specName()
          + "'s maxBatch " + model.maxBatch() + "; raise maxBatch in @Network or lower it");
    }
    model.setL2(l2);
    Optimizer opt = optimizer.create(model);
    TrainingMonitor monitor = new TrainingMonitor(model);
    Model lastGood = model.copy();
    Model best = validate ? model.copy() : null;

    int count = x.length;
    int batches = (count + batchSize - 1) / batchSize;
    int stride = observationsPerEpoch == 0 ? 0 : Math.max(1, batches / observationsPerEpoch);
    int[] order = new int[count];
    for (int i = 0; i < count; i++) {
      order[i] = i;
    }
    float[][] rows = new float[batchSize][];
    int[] labels = new int[batchSize];
    Rng rng = new Rng(seed);

    double startLoss = Double.NaN;
    double bestAcc = Double.NEGATIVE_INFINITY;
    double bestValLoss = Double.POSITIVE_INFINITY;
    int bestEpoch = 0;
    int sinceBest = 0;
    StopReason reason = StopReason.COMPLETED;
    String message = "";
    int epochsRun = 0;
    progress.start(epochs, batches);
    try {
      epochLoop:
      for (int epoch = 0; epoch < epochs; epoch++) {
        double lr = learningRate.at(epoch);
        model.setTraining(true);
        shuffle(order, rng);
        double lossSum = 0;
        for (int b = 0; b < batches; b++) {
          int start = b * batchSize;
          int n = Math.min(batchSize, count - start);
          for (int i = 0; i < n; i++) {
            rows[i] = x[order[start + i]];
            labels[i] = y[order[start + i]];
          }
          model.forward(augmentation == null ? rows : augmentation.apply(rows, n), n);
          double loss = model.loss(labels, n);
          if (Double.isNaN(startLoss)) {
            startLoss = loss;
          }
          monitor.batchLoss(loss);
          progress.batch(epoch, b, loss);
          if (!Double.isFinite(loss) || loss > divergenceFactor * startLoss) {
            model.copyFrom(lastGood);
            reason = StopReason.DIVERGED;
            message = divergenceMessage(loss, startLoss, epoch, b, lr, epochsRun);
            break epochLoop;
          }
          lossSum += loss * n;
          model.backward();
          boolean observe = stride > 0 && (b % stride == stride - 1 || b == batches - 1);
          if (observe) {
            monitor.observe();
          }
          opt.step(lr);
          if (observe) {
            monitor.afterStep();
          }
        }
        epochsRun++;
        double trainAcc = evaluateTraining ? Evaluation.of(model, x, y).accuracy() : Double.NaN;
        Evaluation val = validate ? Evaluation.of(model, xVal, yVal) : Evaluation.NONE;
        EpochStats stats = monitor.endEpoch(epoch + 1, lr, lossSum / count, trainAcc,
            val.loss(), val.accuracy());
        progress.epoch(epoch, trainAcc, val.accuracy());
        if (!stats.note().isEmpty() && epoch == epochs - 1) {
          progress.message(stats.note());
        }
        lastGood.copyFrom(model);
        if (validate) {
          // Ties in accuracy (common once it saturates) go to the lower validation loss.
          if (val.accuracy() > bestAcc
              || (val.accuracy() == bestAcc && val.loss() < bestValLoss)) {
            bestAcc = val.accuracy();
            bestValLoss = val.loss();
            bestEpoch = epoch + 1;
            sinceBest = 0;
            best.copyFrom(model);
          } else if (patience > 0 && ++sinceBest >= patience) {
            reason = StopReason.EARLY_STOPPED;
            message = String.format("early stop after epoch %d: validation accuracy has not"
                + " improved on %.2f%% (epoch %d) for %d epochs", epoch + 1, 100 * bestAcc,
                bestEpoch, patience);
            break;
          }
        }
      }
      if (restoreBest && reason != StopReason.DIVERGED && bestEpoch > 0) {
        model.copyFrom(best);
        message += (message.isEmpty() ? "" : "; ")
            + "restored the weights of epoch " + bestEpoch;
      }
      if (reason == StopReason.COMPLETED) {
        message = "completed " + epochsRun + " epochs" + (message.isEmpty() ? "" : "; " + message);
      }
      if (reason != StopReason.COMPLETED) {
        progress.message(message);
      }
    } finally {
      progress.close();
    }
    monitor.history().setOutcome(message);
    // no validated epoch (none asked for, or a divergence in the first): no best accuracy
    return new TrainingResult(reason, message, epochsRun, bestEpoch,
        validate && bestEpoch > 0 ? bestAcc : Double.NaN, monitor.history(), opt);
  }

  private String divergenceMessage(double loss, double startLoss, int epoch, int batch, double lr,
      int epochsDone) {
    String what = Double.isNaN(loss) ? "became NaN"
        : Double.isInfinite(loss) ? "became infinite"
        : String.format("rose to %.4g, more than %.3gx the starting loss", loss, divergenceFactor);
    return String.format("training stopped: the loss %s at epoch %d, batch %d (starting loss"
        + " %.4g, learning rate %.3g). The learning rate is probably too high: try it 3-10x"
        + " lower, or run SanityChecks.learningRateSweep. The weights are back to %s.",
        what, epoch + 1, batch + 1, startLoss, lr,
        epochsDone == 0 ? "their starting values" : "the end of epoch " + epochsDone);
  }

  /** Fisher-Yates with the seeded source, so a seed fixes the batch order. */
  private static void shuffle(int[] order, Rng rng) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }

  private static void checkData(Model model, float[][] x, int[] y, String what) {
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          what + " features have " + x.length + " rows but labels have " + y.length);
    }
    if (what.equals("training") && x.length == 0) {
      throw new IllegalArgumentException("the training split is empty");
    }
    for (int i = 0; i < x.length; i++) {
      if (x[i].length != model.inputs()) {
        throw new IllegalArgumentException(what + " row " + i + " has " + x[i].length
            + " values, " + model.specName() + " expects " + model.inputs());
      }
      if (y[i] < 0 || y[i] >= model.outputs()) {
        throw new IllegalArgumentException(what + " label " + y[i] + " at row " + i
            + " is outside [0, " + model.outputs() + ")");
      }
    }
    dev.unroll.data.Finite.check(x, what + " features");
  }
}
