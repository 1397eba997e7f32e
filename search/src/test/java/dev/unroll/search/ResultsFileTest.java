package dev.unroll.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unroll.search.io.ResultsFile;
import dev.unroll.search.io.TrialJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing lost: every finished trial is a line, a restart runs only what is missing. */
class ResultsFileTest {
  @TempDir Path dir;

  private static final SearchSpace SPACE = SearchSpace.builder().logUniform("lr", 1e-6, 1)
      .logUniform("l2", 1e-6, 1e-1).choice("momentum", 0.5, 0.9, 0.95, 0.99).build();

  private Search search(Path file, TrialFunction fn) {
    return new Search(SPACE).model(TestSpecs_TinyNet::new).trial(fn)
        .stages(Stage.of("coarse", 12, 1), Stage.of("fine", 6, 5).keep(0.2))
        .seed(17).threads(3).resultsFile(file);
  }

  @Test
  void aRestartOnAPartialFileRunsOnlyTheMissingTrials() throws IOException {
    Path file = dir.resolve("trials.jsonl");
    SearchResult full = search(file, Stubs.scoring(c -> Stubs.peakAt(c, -2))).run();
    List<String> lines = Files.readAllLines(file);
    assertEquals(18, lines.size());

    // A crash after 7 trials: 7 whole lines and half of the 8th.
    Path partial = dir.resolve("partial.jsonl");
    String eighth = lines.get(7);
    Files.writeString(partial, String.join("\n", lines.subList(0, 7)) + "\n"
        + eighth.substring(0, eighth.length() / 2), StandardCharsets.UTF_8);
    Set<TrialKey> ranAgain = java.util.concurrent.ConcurrentHashMap.newKeySet();
    TrialFunction counting = (trial, model) -> {
      ranAgain.add(trial.key());
      return Stubs.result(Stubs.peakAt(trial.config(), -2));
    };
    SearchResult restarted = search(partial, counting).run();

    assertEquals(18 - 7, ranAgain.size());
    assertEquals(18 - 7, restarted.ran());
    assertEquals(7, restarted.skipped());
    Set<TrialKey> before = new HashSet<>();
    for (String line : lines.subList(0, 7)) {
      before.add(TrialJson.read(line).key());
    }
    for (TrialKey k : ranAgain) {
      assertTrue(!before.contains(k), "ran again: " + k);
    }
    // Same trials as the uninterrupted search, and the file now holds all of them, once each.
    assertEquals(full.trials(), restarted.trials());
    try (ResultsFile f = ResultsFile.open(partial)) {
      assertEquals(1, f.skippedLines().size(), f.skippedLines().toString());
      assertEquals(18, f.existing().size());
      assertEquals(18, new HashSet<>(f.existing().stream().map(TrialResult::key).toList()).size());
    }

    // A third run over the complete file trains nothing.
    AtomicInteger calls = new AtomicInteger();
    SearchResult again = search(partial, (t, m) -> {
      calls.incrementAndGet();
      return Stubs.result(0);
    }).run();
    assertEquals(0, calls.get());
    assertEquals(full.trials(), again.trials());

    // A longer fine stage is a different trial: its 6 trials run, the 12 coarse ones do not.
    AtomicInteger longer = new AtomicInteger();
    new Search(SPACE).model(TestSpecs_TinyNet::new).trial((t, m) -> {
      longer.incrementAndGet();
      return Stubs.result(Stubs.peakAt(t.config(), -2));
    }).stages(Stage.of("coarse", 12, 1), Stage.of("fine", 6, 10).keep(0.2)).seed(17).threads(3)
        .resultsFile(partial).run();
    assertEquals(6, longer.get());
  }

  @Test
  void aTrialThatThrowsIsRecordedAndTheSearchFinishes() throws IOException {
    Path file = dir.resolve("failing.jsonl");
    SearchResult r = search(file, (trial, model) -> {
      if (trial.stage() == 1 && trial.index() == 4) {
        throw new IllegalStateException("boom in trial 4");
      }
      return Stubs.result(Stubs.peakAt(trial.config(), -2));
    }).run();
    assertEquals(18, r.trials().size());
    TrialResult failed = r.trials().get(4);
    assertEquals(TrialStatus.FAILED, failed.status());
    assertTrue(failed.message().contains("IllegalStateException: boom in trial 4"),
        failed.message());
    assertTrue(Double.isNaN(failed.valAccuracy()));
    assertEquals(17, r.trials().stream().filter(TrialResult::candidate).count());
    List<TrialResult> inFile = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      inFile.add(TrialJson.read(line));
    }
    assertTrue(inFile.contains(failed));
    assertTrue(r.table(20).contains("failed"), r.table(20));
  }

  @Test
  void aFactoryThatThrowsIsRecordedToo() throws IOException {
    SearchResult r = new Search(SPACE).model(seed -> {
      throw new IllegalArgumentException("no network today");
    }).trial(Stubs.scoring(c -> 1)).stages(Stage.of("s", 3, 1)).threads(2).run();
    for (TrialResult t : r.trials()) {
      assertEquals(TrialStatus.FAILED, t.status());
      assertTrue(t.message().contains("no network today"), t.message());
    }
  }

  @Test
  void aLineReadsBackToTheSameTrial() {
    TrialResult r = new TrialResult(2, "fine", 3,
        Config.of(Map.of("lr", 0.1 + 0.2, "l2", 1.0 / 3)), -123456789012345L, 5,
        TrialStatus.DIVERGED, Double.NaN, Double.NaN, 2, "line\nbreak \"quoted\"");
    String line = TrialJson.write(r);
    assertTrue(!line.contains("\n") && !line.contains("NaN"), line);
    assertEquals(r, TrialJson.read(line));
  }
}
