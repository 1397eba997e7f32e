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
import java.util.function.UnaryOperator;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Trials per minute of the spiral search on the search's thread pool (2 threads), Spark local[2]
 * and a standalone cluster of two 1-core workers ({@link LocalCluster}), and Spark's extra time
 * per trial by trial length. Every setup runs the same trials (same seed). Each Spark run is
 * paired with a thread-pool run right before it, so a neighbour's load shifts both; the figures
 * are medians of {@code reps} pairs after one warm-up pair.
 *
 * <p>{@code java $SPARK_JAVA_OPTIONS -cp "target/tuning-spark.jar:target/lib/*"
 * dev.unroll.examples.tuningspark.SparkBenchmark [reps]} (the module's README).
 */
public final class SparkBenchmark {
  private static final long SEED = 42;
  private static final int[] EPOCHS = {10, 100, 300, 1000};
  private static final int TRIALS = 24;

  private SparkBenchmark() {}

  public static void main(String[] args) throws Exception {
    int reps = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    System.out.println("load average at start: " + load());
    try (JavaSparkContext sc = new JavaSparkContext(new SparkConf().setMaster("local[2]")
        .setAppName("benchmark").set("spark.ui.enabled", "false"))) {
      measure("local[2]", sc, reps);
    }
    Path dir = Files.createTempDirectory("unroll-spark-benchmark");
    try (LocalCluster cluster = LocalCluster.start(dir, 2, 1);
        JavaSparkContext sc = new JavaSparkContext(cluster.conf("benchmark"))) {
      measure("cluster 2x1", sc, reps);
    }
    System.out.println("load average at end: " + load());
  }

  private static void measure(String name, JavaSparkContext sc, int reps) throws IOException {
    SparkSearch spark = SparkSearch.on(sc);
    UnaryOperator<Search> pool = s -> SpiralSearch.onThreads(s, 2, SEED);
    UnaryOperator<Search> onSpark = s -> SpiralSearch.onSpark(s, spark, SEED);
    int n = SpiralSearch.STAGES.stream().mapToInt(Stage::trials).sum();
    double[][] full = pairs(pool, onSpark, SpiralSearch.STAGES, reps);
    System.out.printf("%nspiral search, %d trials (%s), median of %d pairs (min - max):%n", n,
        SpiralSearch.STAGES, reps);
    System.out.printf("  %-12s %7.2f s  %7.0f trials/min  (%.2f - %.2f s)%n", "threads(2)",
        median(full[0]), 60 * n / median(full[0]), min(full[0]), max(full[0]));
    System.out.printf("  %-12s %7.2f s  %7.0f trials/min  (%.2f - %.2f s)%n", name,
        median(full[1]), 60 * n / median(full[1]), min(full[1]), max(full[1]));
    System.out.printf("%n%s: one stage of %d trials; a trial's length is the pool's time x 2"
        + " threads / trials; Spark's extra time per trial is the median over pairs of (Spark -"
        + " pool) x 2 / trials%n", name, TRIALS);
    System.out.printf("  %6s %10s %12s %8s%n", "epochs", "trial ms", "extra ms", "share");
    for (int epochs : EPOCHS) {
      double[][] t = pairs(pool, onSpark, List.of(Stage.of("only", TRIALS, epochs)), reps);
      double[] extra = new double[reps];
      for (int r = 0; r < reps; r++) {
        extra[r] = 1000 * (t[1][r] - t[0][r]) * 2 / TRIALS;
      }
      double trialMs = 1000 * median(t[0]) * 2 / TRIALS;
      double e = median(extra);
      System.out.printf("  %6d %10.1f %12.1f %7.1f%%%n", epochs, trialMs, e,
          100 * e / (trialMs + e));
    }
  }

  /** Seconds of {@code reps} (pool, Spark) pairs, after one warm-up pair; no results file. */
  private static double[][] pairs(UnaryOperator<Search> a, UnaryOperator<Search> b,
      List<Stage> stages, int reps) throws IOException {
    double[][] t = new double[2][reps];
    for (int r = -1; r < reps; r++) {
      double ta = seconds(a, stages);
      double tb = seconds(b, stages);
      if (r >= 0) {
        t[0][r] = ta;
        t[1][r] = tb;
      }
    }
    System.out.printf("  raw %s: pool %s, spark %s%n", stages.get(0).name() + "/"
        + stages.get(0).epochs(), Arrays.toString(t[0]), Arrays.toString(t[1]));
    return t;
  }

  private static double seconds(UnaryOperator<Search> setup, List<Stage> stages)
      throws IOException {
    long start = System.nanoTime();
    setup.apply(SpiralSearch.search(SEED, stages)).run();
    return (System.nanoTime() - start) / 1e9;
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
