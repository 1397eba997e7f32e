package dev.unroll.examples.tuningspark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unroll.search.SearchResult;
import dev.unroll.search.Stage;
import dev.unroll.search.TrialResult;
import dev.unroll.search.io.TrialJson;
import dev.unroll.spark.SparkSearch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spiral search on a real Spark standalone cluster: a master and two 1-core workers, each its
 * own JVM on 127.0.0.1, driven through spark://127.0.0.1:port. The results must be the thread
 * pool's lines, bit for bit, through a worker killed mid-stage and a driver killed and restarted.
 * Tagged: {@code mvn -Pspark verify -pl examples/tuning-spark -am -Dgroups=cluster
 * -DexcludedGroups=none}.
 */
@Tag("cluster")
class StandaloneClusterTest {
  private static final long SEED = 42;
  /** 28 trials; the second stage's are long enough (1500 epochs) to kill something mid-stage. */
  private static final String STAGES = "coarse:16x20,fine:12x1500@0.3";
  private static final int TRIALS = 28;

  @TempDir static Path dir;
  private static LocalCluster cluster;
  private static Set<String> poolLines;
  private static TrialResult poolBest;

  @BeforeAll
  static void start() throws IOException {
    List<Stage> stages = SparkTuningExample.stages(STAGES);
    Path pool = dir.resolve("pool.jsonl");
    SearchResult r = SpiralSearch.onThreads(SpiralSearch.search(SEED, stages), 2, SEED)
        .resultsFile(pool).run();
    poolLines = new HashSet<>(Files.readAllLines(pool, StandardCharsets.UTF_8));
    poolBest = r.best().orElseThrow();
    assertEquals(TRIALS, poolLines.size());
    cluster = LocalCluster.start(dir.resolve("cluster"), 2, 1);
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  /** The file's complete lines, checked to hold each (stage, index) at most once. */
  private static List<String> trials(Path file) throws IOException {
    List<String> out = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      TrialResult r;
      try {
        r = TrialJson.read(line);
      } catch (IllegalArgumentException cut) {
        continue; // the last line of a killed driver, cut short
      }
      assertTrue(keys.add(r.stage() + "/" + r.index()), "twice: " + line);
      out.add(line);
    }
    return out;
  }

  private static long stage2Lines(Path file) throws IOException {
    return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8).stream()
        .filter(l -> l.startsWith("{\"stage\":2,") && l.endsWith("}")).count() : 0;
  }

  @Test
  void aWorkerKilledMidStageLosesAndDuplicatesNothing() throws Exception {
    Path file = dir.resolve("cluster.jsonl");
    AtomicInteger linesAtKill = new AtomicInteger(-1);
    Thread killer = new Thread(() -> {
      try {
        while (stage2Lines(file) < 1) {
          Thread.sleep(20);
        }
        linesAtKill.set(trials(file).size());
        cluster.killWorker(1);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    killer.setDaemon(true);
    killer.start();
    SearchResult r;
    try (SparkSearch spark = SparkSearch.on(new JavaSparkContext(cluster.conf("worker-kill")))) {
      r = SpiralSearch.onSpark(SpiralSearch.search(SEED, SparkTuningExample.stages(STAGES)),
          spark, SEED).resultsFile(file).run();
      spark.context().stop();
    }
    killer.join(60_000);
    cluster.startWorker(1);
    assertTrue(linesAtKill.get() > 16 && linesAtKill.get() < TRIALS,
        "the worker died mid-stage 2, with " + linesAtKill.get() + " trials done");
    List<String> lines = trials(file);
    assertEquals(TRIALS, lines.size());
    assertEquals(poolLines, new HashSet<>(lines));
    assertEquals(poolBest, r.best().orElseThrow());
  }

  @Test
  void aDriverKilledAndRestartedRunsOnlyTheMissingTrials() throws Exception {
    Path file = dir.resolve("driver.jsonl");
    Process first = driver(file, dir.resolve("driver-1.log"));
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    while (stage2Lines(file) < 2 && first.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(first.isAlive(), "the first driver ended before it was killed: "
        + Files.readString(dir.resolve("driver-1.log")));
    first.destroyForcibly().waitFor();
    int kept = trials(file).size();
    assertTrue(kept > 16 && kept < TRIALS, kept + " trials when the driver was killed");

    Process second = driver(file, dir.resolve("driver-2.log"));
    assertTrue(second.waitFor(10, TimeUnit.MINUTES), "the second driver did not end");
    String out = Files.readString(dir.resolve("driver-2.log"));
    assertEquals(0, second.exitValue(), out);
    assertTrue(out.contains("ran " + (TRIALS - kept) + " trials, read " + kept
        + " from the results file"), out);
    List<String> lines = trials(file);
    assertEquals(TRIALS, lines.size());
    assertEquals(poolLines, new HashSet<>(lines));
  }

  /** The example's main as a driver JVM of its own, on the cluster, appending to {@code file}. */
  private static Process driver(Path file, Path log) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx512m");
    cmd.add("-Djava.awt.headless=true");
    cmd.addAll(LocalCluster.jvmOptions());
    for (Map.Entry<String, String> e : cluster.driverSettings().entrySet()) {
      cmd.add("-D" + e.getKey() + "=" + e.getValue());
    }
    cmd.addAll(List.of("-cp", cluster.classPath(), SparkTuningExample.class.getName(),
        "--master", cluster.masterUrl(), "--seed", Long.toString(SEED), "--stages", STAGES,
        "--results", file.toString()));
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
        .start();
  }
}
