package dev.unroll.search;

import dev.unroll.data.Dataset;
import dev.unroll.runtime.Model;
import dev.unroll.train.Trainer;
import dev.unroll.train.TrainingResult;
import dev.unroll.train.optim.Optimizers;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The default {@link TrialFunction}: a {@link Trainer} from the user's base settings, with the
 * config's values mapped by name, fitted on the training split and evaluated on the validation
 * split each epoch.
 *
 * <table>
 *   <caption>Names and the trainer setting each sets</caption>
 *   <tr><th>name</th><th>trainer setting</th></tr>
 *   <tr><td>{@code lr}</td><td>{@link Trainer#learningRate(double)}, constant</td></tr>
 *   <tr><td>{@code l2}</td><td>{@link Trainer#l2(double)}</td></tr>
 *   <tr><td>{@code momentum}</td>
 *       <td>{@link Optimizers#momentum(double)} (0 means plain SGD)</td></tr>
 *   <tr><td>{@code batch}</td><td>{@link Trainer#batchSize(int)}</td></tr>
 * </table>
 *
 * <p>The stage gives {@link Trainer#epochs(int)} and the trial's seed {@link Trainer#seed(long)};
 * everything else (optimizer when there is no momentum, batch size when there is no batch,
 * patience, divergence factor) comes from the base trainer. Any other name in the space is an
 * error, reported before the first trial, so a typo cannot silently train every trial the same.
 */
public final class TrainerTrials implements TrialFunction {
  /** Learning rate. */
  public static final String LR = "lr";
  /** L2 regularization strength. */
  public static final String L2 = "l2";
  /** SGD momentum mu. */
  public static final String MOMENTUM = "momentum";
  /** Mini-batch size. */
  public static final String BATCH = "batch";
  /** Every name this function maps. */
  public static final Set<String> NAMES = Set.of(LR, L2, MOMENTUM, BATCH);

  private final Supplier<Trainer> base;
  private final Dataset train;
  private final Dataset validation;

  private TrainerTrials(Supplier<Trainer> base, Dataset train, Dataset validation) {
    this.base = Objects.requireNonNull(base, "base");
    this.train = Objects.requireNonNull(train, "train");
    this.validation = Objects.requireNonNull(validation, "validation");
  }

  /**
   * Trials on {@code train}, ranked on {@code validation}, with a fresh {@code base.get()} trainer
   * each (trainers are not shared between threads).
   */
  public static TrainerTrials of(Supplier<Trainer> base, Dataset train, Dataset validation) {
    return new TrainerTrials(base, train, validation);
  }

  /**
   * The base trainer used when none is given: silent and without the per-layer monitor, which a
   * search does not look at.
   */
  public static Trainer defaultBase() {
    return new Trainer().observationsPerEpoch(0);
  }

  /** Refuses a space with a name this function would ignore. */
  public void check(SearchSpace space) {
    for (Param p : space.params()) {
      if (!NAMES.contains(p.name())) {
        throw new IllegalArgumentException("the default trial function does not know the"
            + " parameter " + p.name() + "; it maps " + NAMES + ". Rename it, or give"
            + " Search.trial(...) a function that reads it");
      }
    }
  }

  @Override
  public TrainingResult train(Trial trial, Model model) {
    Config c = trial.config();
    Trainer t = base.get().epochs(trial.epochs())
        .seed(Seeds.derive(trial.seed(), 0, 0, Seeds.Purpose.TRAINING));
    if (c.has(LR)) {
      t.learningRate(c.get(LR));
    }
    if (c.has(L2)) {
      t.l2(c.get(L2));
    }
    if (c.has(MOMENTUM)) {
      double mu = c.get(MOMENTUM);
      t.optimizer(mu == 0 ? Optimizers.sgd() : Optimizers.momentum(mu));
    }
    if (c.has(BATCH)) {
      t.batchSize(c.getInt(BATCH));
    }
    // the search selects on the validation split by design: that is what its score is
    return t.validateOn(validation).restoreBest(true).fit(model, train);
  }
}
