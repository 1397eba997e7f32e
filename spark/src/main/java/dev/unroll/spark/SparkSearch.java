package dev.unroll.spark;

import dev.unroll.data.Dataset;
import dev.unroll.runtime.Model;
import dev.unroll.search.Trial;
import dev.unroll.search.TrialExecutor;
import dev.unroll.search.io.TrialJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.AbstractFunction0;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * Runs a {@link dev.unroll.search.Search}'s trials on Spark: each stage is one job with one task
 * per trial, so the scheduler hands trials to cores as they free up, like the search's own thread
 * pool. The search on the driver keeps the rest (stages, narrowing, the results file, progress,
 * the report):
 *
 * <pre>{@code
 * try (SparkSearch spark = SparkSearch.connect()        // spark-submit's master, else local[*]
 *     .network(SpiralNet.class)                         // built on the executor from each seed
 *     .trials(SpiralTrials.class)                       // a TrialSetup, built on the executor
 *     .data(train, validation)) {                       // a broadcast; or data(path, Source.class)
 *   SearchResult r = new Search(space).stages(coarse, fine).seed(7)
 *       .resultsFile(Path.of("trials.jsonl")).progress(true).on(spark).run();
 * }
 * }</pre>
 *
 * <p>Only text crosses the wire: a trial goes out as one JSON line, its result comes back as the
 * results-file line. The driver appends each line as its task ends (Spark's per-task result
 * handler), so a driver killed mid-stage leaves every finished trial on disk, and a rerun runs
 * only the missing ones. A trial's network and batch order come from its seed, so a task Spark
 * retries on another executor gives the same line; the search keeps the first line per trial.
 */
public final class SparkSearch implements TrialExecutor, AutoCloseable {
  /** The local property that marks a search's jobs, so the listener sees only their tasks. */
  static final String RUN_PROPERTY = "unroll.search.run";

  private final JavaSparkContext sc;
  private final boolean owned;
  private String network;
  private String setup = DefaultTrials.class.getName();
  private TrialData data;

  private SparkSearch(JavaSparkContext sc, boolean owned) {
    this.sc = sc;
    this.owned = owned;
  }

  /** Trials on {@code sc}'s cluster; {@link #close()} leaves the context running. */
  public static SparkSearch on(JavaSparkContext sc) {
    return new SparkSearch(Objects.requireNonNull(sc, "sc"), false);
  }

  /**
   * Trials on the master that {@code spark-submit --master} (or {@code -Dspark.master}) names, or,
   * when none is named, on {@code local[*]} inside this JVM: one task slot per core, the same code
   * path as a cluster. {@link #close()} stops the context.
   */
  public static SparkSearch connect() {
    SparkConf conf = new SparkConf()
        .setIfMissing("spark.master", "local[*]")
        .setIfMissing("spark.app.name", "unroll search");
    return new SparkSearch(JavaSparkContext.fromSparkContext(SparkContext.getOrCreate(conf)), true);
  }

  /** The Spark context the trials run on. */
  public JavaSparkContext context() {
    return sc;
  }

  /**
   * The network class, built on the executor through its public {@code (long seed)} constructor
   * (every generated network has one).
   */
  public SparkSearch network(Class<? extends Model> network) {
    Classes.seedConstructor(network);
    this.network = network.getName();
    return this;
  }

  /**
   * The class that builds each trial's function on the executor (default {@link DefaultTrials},
   * the local search's {@code TrainerTrials}).
   */
  public SparkSearch trials(Class<? extends TrialSetup> setup) {
    Classes.noArgConstructor(setup);
    this.setup = setup.getName();
    return this;
  }

  /** Small data, sent once to each executor as a broadcast. */
  public SparkSearch data(Dataset train, Dataset validation) {
    SharedArrays[] arrays = {SharedArrays.of(Objects.requireNonNull(train, "train")),
        SharedArrays.of(Objects.requireNonNull(validation, "validation"))};
    this.data = new TrialData.Broadcasted(sc.broadcast(arrays));
    return this;
  }

  /**
   * Large data, loaded once per executor JVM by {@code source} from {@code path}, which every
   * executor must be able to read (shared storage, or the same folder on every machine).
   */
  public SparkSearch data(String path, Class<? extends DataSource> source) {
    Classes.noArgConstructor(source);
    this.data = new TrialData.Loaded(Objects.requireNonNull(path, "path"), source.getName());
    return this;
  }

  @Override
  public void run(List<Trial> trials, Events events) throws IOException {
    if (network == null) {
      throw new IllegalStateException("name the network class: network(SpiralNet.class)");
    }
    if (data == null) {
      throw new IllegalStateException("give the trials data: data(train, validation), or"
          + " data(path, YourSource.class) for a set each executor loads");
    }
    if (trials.isEmpty()) {
      return;
    }
    List<String> lines = new ArrayList<>(trials.size());
    List<Object> partitions = new ArrayList<>(trials.size());
    for (Trial t : trials) {
      partitions.add(lines.size());
      lines.add(TrialJson.writeTrial(t));
    }
    // One partition per trial: the scheduler places trials one by one as cores free up.
    JavaRDD<String> rdd = sc.parallelize(lines, lines.size());
    BlockingQueue<TaskEvent> queue = new LinkedBlockingQueue<>();
    String token = UUID.randomUUID().toString();
    TaskStarts starts = new TaskStarts(token, queue);
    sc.sc().addSparkListener(starts);
    try {
      SimpleFutureAction<BoxedUnit> job;
      sc.setLocalProperty(RUN_PROPERTY, token);
      sc.setJobDescription("unroll search: stage " + trials.get(0).stage() + " "
          + trials.get(0).stageName() + ", " + trials.size() + " trials");
      try {
        job = sc.sc().submitJob(rdd.rdd(), new TrialTask(network, setup, data),
            CollectionConverters.asScala(partitions).toList(), new OnTaskEnd(queue), new Unit());
      } finally {
        sc.setLocalProperty(RUN_PROPERTY, null);
        sc.setJobDescription(null);
      }
      record(job, queue, trials, events);
    } finally {
      sc.sc().removeSparkListener(starts);
    }
  }

  /** Passes each task's start and result to {@code events} on this thread, until the job ends. */
  private static void record(SimpleFutureAction<BoxedUnit> job, BlockingQueue<TaskEvent> queue,
      List<Trial> trials, Events events) throws IOException {
    Set<Integer> started = new HashSet<>();
    Set<Integer> finished = new HashSet<>();
    try {
      while (true) {
        TaskEvent e = queue.poll(50, TimeUnit.MILLISECONDS);
        if (e == null) {
          // The handler runs before the job counts the task done: once the job has ended, every
          // result is already in the queue.
          if (job.isCompleted() && queue.isEmpty()) {
            break;
          }
        } else if (e instanceof TaskEvent.Finished f) {
          finished.add(f.index());
          for (String line : f.lines().split("\n")) {
            if (!line.isEmpty()) {
              events.finished(TrialJson.read(line));
            }
          }
        } else if (!finished.contains(e.index()) && started.add(e.index())) {
          // A retried task starts again; the display counts the trial running once.
          events.started(trials.get(e.index()));
        }
      }
      job.get();
    } catch (IOException | RuntimeException e) {
      job.cancel();
      throw e;
    } catch (InterruptedException e) {
      job.cancel();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("the search was interrupted", e);
    } catch (Exception e) {
      // The job failed (a task lost more often than spark.task.maxFailures): the trials that
      // finished are in the results file, and a rerun runs the others.
      throw new IllegalStateException("the Spark job of stage " + trials.get(0).stageName()
          + " failed after " + finished.size() + " of " + trials.size() + " trials: "
          + e.getMessage(), e);
    }
  }

  /** Stops the Spark context if {@link #connect()} started it. */
  @Override
  public void close() {
    if (owned) {
      sc.stop();
    }
  }

  /** Called on the driver with each task's result lines, as the task ends. */
  private static final class OnTaskEnd extends AbstractFunction2<Object, String, BoxedUnit> {
    private final BlockingQueue<TaskEvent> queue;

    OnTaskEnd(BlockingQueue<TaskEvent> queue) {
      this.queue = queue;
    }

    @Override
    public BoxedUnit apply(Object partition, String lines) {
      queue.add(new TaskEvent.Finished((Integer) partition, lines));
      return BoxedUnit.UNIT;
    }
  }

  /** The job's value: nothing, the results went through {@link OnTaskEnd}. */
  private static final class Unit extends AbstractFunction0<BoxedUnit> {
    @Override
    public BoxedUnit apply() {
      return BoxedUnit.UNIT;
    }
  }
}
