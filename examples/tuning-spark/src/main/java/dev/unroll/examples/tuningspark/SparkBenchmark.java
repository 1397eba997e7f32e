package dev.unroll.examples.tuningspark;

import dev.unroll.search.Search;
import dev.unroll.search.Stage;
import dev.unroll.spark.SparkSearch;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Trials per minute of the spiral search in three setups, the search's thread pool (2 threads),
 * Spark local[2] and a standalone cluster of two 1-core workers ({@link LocalCluster}), and the
 * per-trial overhead of Spark by trial length. Every setup runs the same trials (same seed); each
 * figure is the median of {@code reps} runs after one warm-up run.
 *
 * <p>{@code java -cp "target/tuning-spark.jar:target/lib/*" <Spark's Java options>
 * dev.unroll.examples.tuningspark.SparkBenchmark [reps]} (see the module's README).
 */
public final class SparkBenchmark {
  private static final long SEED = 42;

  private SparkBenchmark() {}

  /** What runs a search's trials. */
  private interface Setup {
    Search apply(Search s);
  }

  private static String name;

  public static void main(String[] args) throws Exception {
    int reps = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int[] epochs = {10, 100, 300, 1000};
    int trials = 24;
    List<String> names = List.of("threads(2)", "local[2]", "cluster 2x1");
    double[][] full = new double[3][];
    double[][][] byLength = new double[3][epochs.length][];
    System.out.println("load average at start: " + load());
    name = names.get(0);
    Setup pool = s -> SpiralSearch.onThreads(s, 2, SEED);
    full[0] = time(pool, SpiralSearch.STAGES, reps);
    for (int e = 0; e < epochs.length; e++) {
      byLength[0][e] = time(pool, List.of(Stage.of("only", trials, epochs[e])), reps);
    }
    try (JavaSparkContext sc = new JavaSparkContext(new SparkConf().setMaster("local[2]")
        .setAppName("benchmark").set("spark.ui.enabled", "false"))) {
      measure(sc, full, byLength, 1, epochs, trials, reps);
    }
    Path dir = Files.createTempDirectory("unroll-spark-benchmark");
    try (LocalCluster cluster = LocalCluster.start(dir, 2, 1);
        JavaSparkContext sc = new JavaSparkContext(cluster.conf("benchmark"))) {
      measure(sc, full, byLength, 2, epochs, trials, reps);
    }
    System.out.println("load average at end: " + load());
    int n = 0;
    for (Stage s : SpiralSearch.STAGES) {
      n += s.trials();
    }
    System.out.printf("%nspiral search (%s, %d trials), median of %d (min - max):%n",
        SpiralSearch.STAGES, n, reps);
    for (int i = 0; i < 3; i++) {
      System.out.printf("  %-12s %7.2f s  %7.1f trials/min  (%.2f - %.2f s)%n", names.get(i),
          median(full[i]), 60 * n / median(full[i]), min(full[i]), max(full[i]));
    }
    System.out.printf("%none stage of %d trials by epochs per trial: seconds per trial of the"
        + " pool (x 2 threads = one trial's length), Spark's extra time per trial and its share"
        + "%n", trials);
    System.out.printf("  %6s %10s %16s %16s %16s %16s%n", "epochs", "trial ms", "local[2] +ms",
        "share", "cluster +ms", "share");
    for (int e = 0; e < epochs.length; e++) {
      double poolS = median(byLength[0][e]);
      double trialMs = 1000 * poolS * 2 / trials;
      double[] extra = new double[3];
      for (int i = 1; i < 3; i++) {
        extra[i] = 1000 * (median(byLength[i][e]) - poolS) * 2 / trials;
      }
      System.out.printf("  %6d %10.1f %16.1f %15.1f%% %16.1f %15.1f%%%n", epochs[e], trialMs,
          extra[1], 100 * extra[1] / (trialMs + extra[1]), extra[2],
          100 * extra[2] / (trialMs + extra[2]));
    }
  }

  private static void measure(JavaSparkContext sc, double[][] full, double[][][] byLength, int i,
      int[] epochs, int trials, int reps) throws IOException {
    name = i == 1 ? "local[2]" : "cluster 2x1";
    SparkSearch spark = SparkSearch.on(sc);
    Setup setup = s -> SpiralSearch.onSpark(s, spark, SEED);
    full[i] = time(setup, SpiralSearch.STAGES, reps);
    for (int e = 0; e < epochs.length; e++) {
      byLength[i][e] = time(setup, List.of(Stage.of("only", trials, epochs[e])), reps);
    }
  }

  /** Seconds of each of {@code reps} runs after a warm-up run, no results file. */
  private static double[] time(Setup setup, List<Stage> stages, int reps) throws IOException {
    double[] t = new double[reps];
    for (int r = -1; r < reps; r++) {
      long start = System.nanoTime();
      setup.apply(SpiralSearch.search(SEED, stages)).run();
      if (r >= 0) {
        t[r] = (System.nanoTime() - start) / 1e9;
      }
    }
    System.out.printf("%s %s: %s%n", name, stages,
        Arrays.toString(t));
    return t;
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  private static double min(double[] v) {
    return Arrays.stream(v).min().orElse(Double.NaN);
  }

  private static double max(double[] v) {
    return Arrays.stream(v).max().orElse(Double.NaN);
  }

  private static String load() {
    return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean()
        .getSystemLoadAverage());
  }
}
