package dev.unroll.search;

import dev.unroll.data.Dataset;
import dev.unroll.runtime.Model;
import dev.unroll.search.io.ResultsFile;
import dev.unroll.train.Trainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * A hyperparameter search: stages of trials over a {@link SearchSpace}, each trial a fresh network
 * trained on a fixed pool of threads, every finished trial appended to a results file. Configure
 * with the fluent setters, then {@link #run()}:
 *
 * <pre>{@code
 * SearchResult r = new Search(space)
 *     .model(SpiralNet::new)                       // a new network per trial, from its seed
 *     .data(train, validation)                     // default trial function: TrainerTrials
 *     .trainer(() -> TrainerTrials.defaultBase().batchSize(30))
 *     .stages(Stage.of("coarse", 60, 1), Stage.of("fine", 20, 5).keep(0.25))
 *     .seed(7).resultsFile(Path.of("trials.jsonl")).progress(true)
 *     .run();
 * System.out.print(r.table(10));
 * }</pre>
 *
 * <p>Reproducible: trial {@code i} of stage {@code s} draws its config and its seed from (search
 * seed, s, i) alone, trains its own network, and the stage's results are collected in index order,
 * so one thread and eight give the same trials. A later stage narrows the ranges around the best
 * trial of all earlier stages, which is also fixed by then.
 *
 * <p>Nothing lost: a trial that throws is recorded as {@link TrialStatus#FAILED} and the search
 * goes on; a results file is appended and forced as each trial ends; a search restarted on the
 * same file runs only the trials (stage and its epochs, index, config) it does not already hold.
 */
public final class Search {
  private final SearchSpace space;
  private LongFunction<? extends Model> factory;
  private TrialFunction trial;
  private Dataset train;
  private Dataset validation;
  private Supplier<Trainer> trainer = TrainerTrials::defaultBase;
  private List<Stage> stages = List.of(Stage.of("coarse", 50, 1), Stage.of("fine", 20, 5)
      .keep(0.3));
  private Strategy strategy = Strategy.random();
  private int threads = Runtime.getRuntime().availableProcessors();
  private long seed = 1;
  private Path resultsFile;
  private SearchProgress progress = SearchProgress.NONE;
  private double edgeFraction = EdgeWarnings.DEFAULT_FRACTION;
  private TrialExecutor executor;

  /** A search over {@code space}. */
  public Search(SearchSpace space) {
    this.space = Objects.requireNonNull(space, "space");
  }

  /**
   * Builds each trial's network from the trial's seed, e.g. {@code SpiralNet::new}. Generated
   * networks are not thread-safe: the factory must return a new one every call.
   */
  public Search model(LongFunction<? extends Model> factory) {
    this.factory = Objects.requireNonNull(factory, "factory");
    return this;
  }

  /**
   * Builds each trial's network without a seed; the search then draws its weights with {@link
   * Model#initialize(long)} from the trial's seed.
   */
  public Search modelSupplier(Supplier<? extends Model> supplier) {
    Objects.requireNonNull(supplier, "supplier");
    return model(s -> {
      Model m = supplier.get();
      m.initialize(s);
      return m;
    });
  }

  /** The data of the default trial function, {@link TrainerTrials}. */
  public Search data(Dataset train, Dataset validation) {
    this.train = Objects.requireNonNull(train, "train");
    this.validation = Objects.requireNonNull(validation, "validation");
    return this;
  }

  /** The base trainer of the default trial function (default {@link TrainerTrials#defaultBase}). */
  public Search trainer(Supplier<Trainer> trainer) {
    this.trainer = Objects.requireNonNull(trainer, "trainer");
    return this;
  }

  /** A trial function of your own, instead of {@link TrainerTrials}. */
  public Search trial(TrialFunction trial) {
    this.trial = Objects.requireNonNull(trial, "trial");
    return this;
  }

  /** The stages (default: 50 one-epoch trials, then 20 five-epoch ones in 30% of the ranges). */
  public Search stages(Stage... stages) {
    if (stages.length == 0) {
      throw new IllegalArgumentException("a search needs at least one stage");
    }
    if (stages[0].keep() != 1) {
      throw new IllegalArgumentException("the first stage has no best to narrow around; give "
          + stages[0].name() + " keep 1");
    }
    this.stages = List.of(stages);
    return this;
  }

  /** How configs are picked (default {@link Strategy#random()}). */
  public Search strategy(Strategy strategy) {
    this.strategy = Objects.requireNonNull(strategy, "strategy");
    return this;
  }

  /** Trials run at once (default: the available processors). */
  public Search threads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    this.threads = threads;
    return this;
  }

  /** The search seed, from which every config and trial seed derives (default 1). */
  public Search seed(long seed) {
    this.seed = seed;
    return this;
  }

  /** The JSON-lines file of finished trials, read on start and appended to (default none). */
  public Search resultsFile(Path file) {
    this.resultsFile = file;
    return this;
  }

  /** Where progress goes (default {@link SearchProgress#NONE}). */
  public Search progress(SearchProgress progress) {
    this.progress = Objects.requireNonNull(progress, "progress");
    return this;
  }

  /** Switches the console display on or off. */
  public Search progress(boolean console) {
    return progress(console ? new ConsoleSearchProgress() : SearchProgress.NONE);
  }

  /** Share of a range at each end that counts as its edge (default 0.05). */
  public Search edgeFraction(double fraction) {
    if (!(fraction > 0 && fraction < 0.5)) {
      throw new IllegalArgumentException("edge fraction must be in (0, 0.5), got " + fraction);
    }
    this.edgeFraction = fraction;
    return this;
  }

  /**
   * Runs the trials on {@code executor} instead of this JVM's threads (e.g. {@code
   * dev.unroll.spark.SparkSearch}); it builds the networks and trains them itself, so {@link
   * #model}, {@link #data}, {@link #trainer}, {@link #trial} and {@link #threads} are not used.
   */
  public Search on(TrialExecutor executor) {
    this.executor = Objects.requireNonNull(executor, "executor");
    return this;
  }

  /**
   * Runs every stage and returns all trials.
   *
   * @throws IOException when the results file cannot be read or written; the trials already in it
   *     stay there
   * @throws IllegalStateException when no network factory, or neither data nor a trial function,
   *     was given
   */
  public SearchResult run() throws IOException {
    if (executor != null) {
      return runOn(executor);
    }
    if (factory == null) {
      throw new IllegalStateException("give the search a network factory: model(SpiralNet::new)");
    }
    TrialFunction fn = trial;
    if (fn == null) {
      if (train == null) {
        throw new IllegalStateException("give the search data(train, validation) or a trial"
            + " function");
      }
      TrainerTrials defaults = TrainerTrials.of(trainer, train, validation);
      defaults.check(space);
      fn = defaults;
    }
    TrialFunction chosen = fn;
    ResultsFile file = resultsFile == null ? null : ResultsFile.open(resultsFile);
    ExecutorService pool = Executors.newFixedThreadPool(threads, threadFactory());
    try {
      return runStages(file, (todo, done) -> runPool(pool, chosen, file, todo, done));
    } finally {
      pool.shutdownNow();
      if (file != null) {
        file.close();
      }
    }
  }

  private SearchResult runOn(TrialExecutor executor) throws IOException {
    try (ResultsFile file = resultsFile == null ? null : ResultsFile.open(resultsFile)) {
      return runStages(file, (todo, done) -> executor.run(todo, new Recorder(file, done, todo)));
    }
  }

  private Map<TrialKey, TrialResult> readDone(ResultsFile file) {
    Map<TrialKey, TrialResult> done = new HashMap<>();
    if (file != null) {
      for (String s : file.skippedLines()) {
        progress.message("skipped an unreadable results line, its trial runs again: " + s);
      }
      for (TrialResult r : file.existing()) {
        done.put(r.key(), r);
      }
    }
    return done;
  }

  /** Runs one stage's missing trials, putting each result into {@code done} by key. */
  private interface StageRunner {
    void run(List<Trial> todo, Map<TrialKey, TrialResult> done) throws IOException;
  }

  private SearchResult runStages(ResultsFile file, StageRunner runner) throws IOException {
    Map<TrialKey, TrialResult> done = readDone(file);
    List<TrialResult> all = new ArrayList<>();
    List<SearchSpace> spaces = new ArrayList<>();
    SearchSpace current = space;
    int ran = 0;
    for (int s = 1; s <= stages.size(); s++) {
      Stage stage = stages.get(s - 1);
      if (s > 1 && stage.keep() < 1) {
        TrialResult best = SearchResult.best(all).orElse(null);
        if (best != null) {
          current = current.narrow(best.config(), stage.keep());
        }
      }
      spaces.add(current);
      List<Config> configs = strategy.configs(current, s, stage.trials(), seed);
      List<Trial> trials = new ArrayList<>(configs.size());
      List<Trial> todo = new ArrayList<>();
      for (int i = 0; i < configs.size(); i++) {
        Trial t = new Trial(s, stage.name(), i, configs.get(i),
            Seeds.derive(seed, s, i, Seeds.Purpose.TRAINING), stage.epochs());
        trials.add(t);
        if (!done.containsKey(t.key())) {
          todo.add(t);
        }
      }
      progress.stageStarted(s, stages.size(), stage, trials.size(), trials.size() - todo.size());
      runner.run(todo, done);
      for (Trial t : trials) {
        TrialResult r = done.get(t.key());
        if (r == null) {
          throw new IllegalStateException("trial " + t.index() + " of stage " + s
              + " got no result");
        }
        all.add(r);
      }
      ran += todo.size();
      progress.stageFinished(s);
    }
    return new SearchResult(space, stages, spaces, all, ran, edgeFraction);
  }

  /**
   * Records an executor's results: the first per key, appended and reported; later ones, and any
   * of a trial it was not given, dropped.
   */
  private final class Recorder implements TrialExecutor.Events {
    private final ResultsFile file;
    private final Map<TrialKey, TrialResult> done;
    private final Set<TrialKey> expected = new HashSet<>();

    Recorder(ResultsFile file, Map<TrialKey, TrialResult> done, List<Trial> todo) {
      this.file = file;
      this.done = done;
      todo.forEach(t -> expected.add(t.key()));
    }

    @Override
    public synchronized void started(Trial trial) {
      progress.trialStarted(trial);
    }

    @Override
    public synchronized void finished(TrialResult r) throws IOException {
      if (!expected.remove(r.key())) {
        return;
      }
      if (file != null) {
        file.append(r);
      }
      done.put(r.key(), r);
      progress.trialFinished(r);
    }
  }

  private void runPool(ExecutorService pool, TrialFunction fn, ResultsFile file, List<Trial> todo,
      Map<TrialKey, TrialResult> done) throws IOException {
    List<Future<TrialResult>> futures = new ArrayList<>(todo.size());
    for (Trial t : todo) {
      futures.add(pool.submit(() -> runOne(t, fn, file)));
    }
    for (int i = 0; i < todo.size(); i++) {
      done.put(todo.get(i).key(), await(futures.get(i), futures));
    }
  }

  private TrialResult runOne(Trial t, TrialFunction fn, ResultsFile file) throws IOException {
    progress.trialStarted(t);
    TrialResult r = TrialRunner.run(t, factory, fn);
    if (file != null) {
      file.append(r);
    }
    progress.trialFinished(r);
    return r;
  }

  private static TrialResult await(Future<TrialResult> f, List<Future<TrialResult>> all)
      throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      cancel(all);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("the search was interrupted", e);
    } catch (ExecutionException e) {
      cancel(all);
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("a search thread failed", cause);
    }
  }

  private static void cancel(List<Future<TrialResult>> futures) {
    for (Future<TrialResult> f : futures) {
      if (f != null) {
        f.cancel(true);
      }
    }
  }

  private static ThreadFactory threadFactory() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "search-trial-" + n.incrementAndGet());
      // Daemon threads: a search abandoned by an exception never keeps the JVM alive.
      t.setDaemon(true);
      return t;
    };
  }
}
