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
 * {@link Model#params()}, a learning-rate schedule, L2, evaluation on a validation split each
 * epoch, early stopping on validation accuracy (ties broken by validation loss) with the best
 * weights restored, a divergence guard and a monitor of every layer. Configure with the fluent
 * setters, then call {@link #fit}.
 *
 * <pre>{@code
 * TrainingResult r = new Trainer()
 *     .epochs(20).batchSize(64).optimizer(Optimizers.adam())
 *     .learningRate(LearningRate.step(1e-3, 0.5, 5)).l2(1e-4).patience(3)
 *     .fit(net, xTrain, yTrain, xVal, yVal);
 * }</pre>
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
  private boolean restoreBest = true;
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
   * Early stopping: stop when validation accuracy has not improved for {@code patience} epochs; 0
   * (the default) never stops early.
   */
  public Trainer patience(int patience) {
    if (patience < 0) {
      throw new IllegalArgumentException("patience must be >= 0, got " + patience);
    }
    this.patience = patience;
    return this;
  }

  /** Whether the network ends with the weights of its best validation epoch (default true). */
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

  /** Trains on a data-module dataset, evaluating on {@code val} (null for none). */
  public TrainingResult fit(Model model, dev.unroll.data.Dataset train,
      dev.unroll.data.Dataset val) {
    return val == null ? fit(model, train.x(), train.y())
        : fit(model, train.x(), train.y(), val.x(), val.y());
  }

  /** Trains without a validation split (no early stopping). */
  public TrainingResult fit(Model model, float[][] x, int[] y) {
    return fit(model, x, y, new float[0][], new int[0]);
  }

  /**
   * Trains {@code model} in place on {@code (x, y)}, evaluating on {@code (xVal, yVal)} after every
   * epoch (an empty validation split turns early stopping off).
   */
  public TrainingResult fit(Model model, float[][] x, int[] y, float[][] xVal, int[] yVal) {
    checkData(model, x, y, "training");
    checkData(model, xVal, yVal, "validation");
    if (batchSize > model.maxBatch()) {
      throw new IllegalArgumentException("batch size " + batchSize + " exceeds " + model.specName()
          + "'s maxBatch " + model.maxBatch() + "; raise maxBatch in @Network or lower it");
    }
    boolean validate = xVal.length > 0;
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
        Evaluation train = Evaluation.of(model, x, y);
        Evaluation val = validate ? Evaluation.of(model, xVal, yVal)
            : new Evaluation(Double.NaN, Double.NaN);
        EpochStats stats = monitor.endEpoch(epoch + 1, lr, lossSum / count, train.accuracy(),
            val.loss(), val.accuracy());
        progress.epoch(epoch, train.accuracy(), val.accuracy());
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
      if (validate && restoreBest && reason != StopReason.DIVERGED && bestEpoch > 0) {
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
  }
}
