package dev.unroll.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unroll.data.Split;
import dev.unroll.search.Search;
import dev.unroll.search.SearchProgress;
import dev.unroll.search.SearchResult;
import dev.unroll.search.SearchSpace;
import dev.unroll.search.Stage;
import dev.unroll.search.Trial;
import dev.unroll.search.TrialResult;
import dev.unroll.search.TrialStatus;
import dev.unroll.runtime.Model;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search on Spark local[2] (up to 4 attempts per task) against the thread pool: the same
 * lines, a restart that runs only what is missing, a lost task retried and recorded once.
 */
class SparkSearchTest {
  private static final Split DATA = Rings.split(240, 3);
  private static JavaSparkContext sc;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    sc = new JavaSparkContext(new SparkConf().setMaster("local[2,4]").setAppName("test")
        .set("spark.ui.enabled", "false"));
  }

  @AfterAll
  static void stop() {
    sc.stop();
  }

  private static SearchSpace space() {
    return SearchSpace.builder().logUniform("lr", 1e-3, 1).logUniform("l2", 1e-6, 1e-2)
        .choice("momentum", 0.5, 0.9).build();
  }

  private static Search search(long seed) {
    return new Search(space()).stages(Stage.of("coarse", 8, 2), Stage.of("fine", 4, 4).keep(0.3))
        .seed(seed);
  }

  private static SparkSearch spark() {
    return SparkSearch.on(sc).network(Rings_NetNet.class).trials(TestSetups.RingTrials.class)
        .data(DATA.train(), DATA.validation());
  }

  private static SearchResult local(long seed, Path file) throws IOException {
    return search(seed).model(Rings_NetNet::new)
        .trial(new TestSetups.RingTrials().trials(DATA.train(), DATA.validation()))
        .threads(2).resultsFile(file).run();
  }

  private static Set<String> lines(Path file) throws IOException {
    List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
    Set<String> set = new HashSet<>(all);
    assertEquals(all.size(), set.size(), "a line twice in " + file);
    return set;
  }

  @Test
  void sparkWritesTheThreadPoolsLinesBitForBit() throws IOException {
    Path pool = dir.resolve("pool.jsonl");
    Path cluster = dir.resolve("spark.jsonl");
    SearchResult expected = local(5, pool);
    SearchResult got = search(5).resultsFile(cluster).on(spark()).run();
    assertEquals(expected.trials(), got.trials());
    assertEquals(12, got.ran());
    assertEquals(lines(pool), lines(cluster));
    assertEquals(expected.best(), got.best());
    // The trials really trained: the rings are learnable.
    assertTrue(got.best().orElseThrow().valAccuracy() > 0.6, got.table(12));
  }

  @Test
  void aRestartRunsOnlyTheMissingTrials() throws IOException {
    Path file = dir.resolve("trials.jsonl");
    SearchResult full = search(9).resultsFile(file).on(spark()).run();
    List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
    // A driver killed in stage 2: five lines kept, the sixth cut short mid-write.
    Files.writeString(file, String.join("\n", all.subList(0, 5)) + "\n"
        + all.get(5).substring(0, 20), StandardCharsets.UTF_8);
    AtomicInteger messages = new AtomicInteger();
    SearchResult again = search(9).resultsFile(file).on(spark())
        .progress(new SearchProgress() {
          @Override
          public void message(String text) {
            messages.incrementAndGet();
          }
        }).run();
    assertEquals(5, again.skipped());
    assertEquals(12 - 5, again.ran());
    assertEquals(1, messages.get());
    assertEquals(full.trials(), again.trials());
    // The cut line stays where it was (a results file is only ever appended to); every trial
    // is there once, as the first run wrote it.
    Set<String> after = lines(file);
    assertTrue(after.remove(all.get(5).substring(0, 20)));
    assertEquals(new HashSet<>(all), after);
  }

  @Test
  void aFailedTaskIsRetriedAndRecordedOnce() throws IOException {
    Path pool = dir.resolve("pool.jsonl");
    Path cluster = dir.resolve("spark.jsonl");
    local(11, pool);
    TestSetups.FlakyTrials.FAILURES.set(3);
    search(11).resultsFile(cluster).on(spark().trials(TestSetups.FlakyTrials.class)).run();
    assertTrue(TestSetups.FlakyTrials.FAILURES.get() < 0, "the failures were injected");
    assertEquals(lines(pool), lines(cluster));
  }

  @Test
  void aTrialThatThrowsIsAFailedLineNotAFailedJob() throws IOException {
    SearchResult r = search(4).on(spark().trials(TestSetups.ThrowingTrials.class)).run();
    for (TrialResult t : r.trials()) {
      if (t.index() == 1) {
        assertEquals(TrialStatus.FAILED, t.status());
        assertTrue(t.message().contains("ArithmeticException: injected trial error"),
            t.message());
      } else {
        assertTrue(t.status() != TrialStatus.FAILED, t.toString());
      }
    }
  }

  @Test
  void dataFromAPathIsLoadedOncePerExecutorJvm() throws IOException {
    Path data = dir.resolve("rings.txt");
    Files.writeString(data, "240 3\n");
    int before = TestSetups.RingFile.LOADS.get();
    SearchResult fromPath = search(6).on(SparkSearch.on(sc).network(Rings_NetNet.class)
        .trials(TestSetups.RingTrials.class)
        .data(data.toString(), TestSetups.RingFile.class)).run();
    // local[2] runs its executor inside this JVM: twelve tasks, one load.
    assertEquals(1, TestSetups.RingFile.LOADS.get() - before);
    assertEquals(search(6).on(spark()).run().trials(), fromPath.trials());
  }

  @Test
  void progressHearsEveryTrialEndOnce() throws IOException {
    AtomicInteger started = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    search(2).on(spark()).progress(new SearchProgress() {
      @Override
      public void trialStarted(Trial trial) {
        started.incrementAndGet();
      }

      @Override
      public void trialFinished(TrialResult result) {
        finished.incrementAndGet();
      }
    }).run();
    assertEquals(12, finished.get());
    assertTrue(started.get() <= 12, "started " + started.get());
  }

  @Test
  void wrongClassesAreRefusedOnTheDriver() {
    @SuppressWarnings("unchecked")
    Class<? extends Model> notANetwork = (Class<? extends Model>) (Class<?>) TestSetups.NoSeed.class;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SparkSearch.on(sc).network(notANetwork));
    assertTrue(e.getMessage().contains("has no public (long seed) constructor"), e.getMessage());
    IllegalStateException noData = assertThrows(IllegalStateException.class,
        () -> search(1).on(SparkSearch.on(sc).network(Rings_NetNet.class)).run());
    assertTrue(noData.getMessage().contains("give the trials data"), noData.getMessage());
  }

  @Test
  void theTestJvmHasEveryModuleOptionSparkLists() {
    List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments();
    for (String option : JavaModuleOptions.defaultModuleOptionArray()) {
      if (option.startsWith("--add-opens")) {
        assertTrue(args.contains(option), option + " is missing from the argLine");
      }
    }
  }
}
