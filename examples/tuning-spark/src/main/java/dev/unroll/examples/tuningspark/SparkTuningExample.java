package dev.unroll.examples.tuningspark;

import dev.unroll.search.Search;
import dev.unroll.search.SearchResult;
import dev.unroll.search.SearchSpace;
import dev.unroll.search.Stage;
import dev.unroll.search.TrialResult;
import dev.unroll.search.report.SearchReport;
import dev.unroll.spark.SparkSearch;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hyperparameter search of examples/tuning with its trials on Spark: {@code spark-submit
 * --master spark://host:7077 tuning-spark-submit.jar} on a cluster, or {@code java -jar
 * tuning-spark.jar} on {@code local[*]} inside the JVM. With {@code --mnist FOLDER} it searches
 * an MNIST network instead, each executor loading the folder once.
 *
 * <p>The driver keeps the results file: stop it at any point and start it again with the same
 * seed and file, and it runs only the trials the file does not hold.
 */
public final class SparkTuningExample {
  private SparkTuningExample() {}

  /**
   * {@code [--master URL] [--seed N] [--results FILE] [--stages LIST] [--mnist FOLDER]}; {@code
   * --stages coarse:16x20,fine:12x1500@0.3} replaces the spiral's stages (name:trials x epochs,
   * then the share of the ranges kept).
   */
  public static void main(String[] args) throws IOException {
    Map<String, String> o = options(args);
    long seed = Long.parseLong(o.getOrDefault("--seed", "42"));
    Path results = Path.of(o.getOrDefault("--results", "tuning-spark-trials.jsonl"));
    if (o.containsKey("--master")) {
      // Read by SparkSearch.connect(), as spark-submit's --master is.
      System.setProperty("spark.master", o.get("--master"));
    }
    try (SparkSearch spark = SparkSearch.connect()) {
      // Spark's INFO lines would scroll the progress bar away.
      spark.context().setLogLevel("WARN");
      System.out.printf("Spark %s, master %s, %d task slots%n", spark.context().version(),
          spark.context().master(), spark.context().defaultParallelism());
      SearchResult r = o.containsKey("--mnist")
          ? mnist(spark, Path.of(o.get("--mnist")), seed, results).run()
          : SpiralSearch.onSpark(SpiralSearch.search(seed, o.containsKey("--stages")
              ? stages(o.get("--stages")) : SpiralSearch.STAGES), spark, seed)
              .resultsFile(results).progress(true).run();
      report(r, results, o.containsKey("--mnist") ? "MNIST" : "the CS231n spiral", System.out);
    }
  }

  /** The MNIST search: 20 one-epoch trials, then 8 three-epoch ones in 30% of the ranges. */
  static Search mnist(SparkSearch spark, Path folder, long seed, Path results) {
    SearchSpace space = SearchSpace.builder()
        .logUniform("lr", 1e-4, 1)
        .logUniform("l2", 1e-6, 1e-2)
        .choice("momentum", 0.5, 0.9, 0.95)
        .build();
    return new Search(space)
        .stages(Stage.of("coarse", 20, 1), Stage.of("fine", 8, 3).keep(0.3))
        .seed(seed).resultsFile(results).progress(true)
        // Absolute: the executors resolve it, not this JVM.
        .on(spark.network(MnistNet.class).trials(MnistTrials.class)
            .data(folder.toAbsolutePath().toString(), MnistFolder.class));
  }

  /** Prints the table and the best trial, writes the HTML report beside the results file. */
  static void report(SearchResult r, Path results, String data, PrintStream out)
      throws IOException {
    out.println();
    out.print(r.table(12));
    out.printf("ran %d trials, read %d from the results file%n", r.ran(), r.skipped());
    TrialResult best = r.best().orElse(null);
    if (best != null) {
      out.printf("best (%s, %s, %d epochs): validation %.1f%%%n", best.config(),
          best.stageName(), best.epochsRun(), 100 * best.valAccuracy());
    }
    Path report = results.toAbsolutePath().resolveSibling("tuning-spark-report.html");
    SearchReport.of(r).title("Unroll: tuning " + data + " on Spark").write(report);
    out.println("trials: " + results.toAbsolutePath());
    out.println("report: " + report);
  }

  /** {@code coarse:16x20,fine:12x1500@0.3}. */
  static List<Stage> stages(String list) {
    List<Stage> out = new ArrayList<>();
    for (String s : list.split(",")) {
      Matcher m = Pattern.compile("(\\w+):(\\d+)x(\\d+)(?:@([0-9.]+))?").matcher(s);
      if (!m.matches()) {
        throw new IllegalArgumentException("a stage is name:TRIALSxEPOCHS[@KEEP], got " + s);
      }
      out.add(Stage.of(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
          .keep(m.group(4) == null ? 1 : Double.parseDouble(m.group(4))));
    }
    return out;
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> o = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].matches("--(master|seed|results|stages|mnist)") || i + 1 == args.length) {
        throw new IllegalArgumentException("usage: [--master URL] [--seed N] [--results FILE] [--stages LIST]"
            + " [--mnist FOLDER]; got " + String.join(" ", args));
      }
      o.put(args[i], args[i + 1]);
    }
    return o;
  }
}
