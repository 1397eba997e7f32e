package dev.unroll.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unroll.search.io.TrialJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search on a {@link TrialExecutor} (how unroll-spark plugs in): trials sent as JSON lines, run
 * in any order, reported twice (a retried or speculative copy), give the thread pool's trials and
 * one line per trial.
 */
class TrialExecutorTest {
  private static final SearchSpace SPACE = SearchSpace.builder().logUniform("lr", 1e-6, 1)
      .uniform("drop", 0.1, 0.9).choice("momentum", 0.5, 0.9).build();
  private static final TrialFunction FN = Stubs.scoring(c -> Stubs.peakAt(c, -3));

  @TempDir Path dir;

  private static Search search() {
    return new Search(SPACE).stages(Stage.of("coarse", 10, 1), Stage.of("fine", 5, 2).keep(0.3))
        .seed(23);
  }

  /** Runs each trial from its JSON line, backwards, and reports every result twice. */
  private static final class Twice implements TrialExecutor {
    int calls;

    @Override
    public void run(List<Trial> trials, Events events) throws IOException {
      calls++;
      List<Trial> order = new ArrayList<>(trials);
      Collections.reverse(order);
      for (Trial t : order) {
        Trial received = TrialJson.readTrial(TrialJson.writeTrial(t));
        events.started(received);
        TrialResult r = TrialRunner.run(received, TestSpecs_TinyNet::new, FN);
        events.finished(TrialJson.read(TrialJson.write(r)));
        events.finished(r);
      }
    }
  }

  @Test
  void anExecutorsTrialsEqualThePoolsAndDuplicatesAreDropped() throws IOException {
    Path pool = dir.resolve("pool.jsonl");
    Path remote = dir.resolve("remote.jsonl");
    SearchResult expected = search().model(TestSpecs_TinyNet::new).trial(FN).threads(2)
        .resultsFile(pool).run();
    Twice executor = new Twice();
    SearchResult got = search().resultsFile(remote).on(executor).run();
    assertEquals(2, executor.calls);
    assertEquals(expected.trials(), got.trials());
    List<String> lines = Files.readAllLines(remote, StandardCharsets.UTF_8);
    assertEquals(15, lines.size());
    assertEquals(new HashSet<>(Files.readAllLines(pool, StandardCharsets.UTF_8)),
        new HashSet<>(lines));
  }

  @Test
  void aTrialReadsBackWithTheSameBits() {
    Config c = Config.of(java.util.Map.of("lr", 0.1 + 0.2, "l2", Math.PI * 1e-7));
    Trial t = new Trial(2, "fine \"x\"", 7, c, Long.MIN_VALUE, 5);
    Trial back = TrialJson.readTrial(TrialJson.writeTrial(t));
    assertEquals(t, back);
    assertEquals(Double.doubleToRawLongBits(0.1 + 0.2),
        Double.doubleToRawLongBits(back.config().get("lr")));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TrialJson.readTrial("{\"stage\":1"));
    assertTrue(e.getMessage().startsWith("not a trial"), e.getMessage());
  }

  @Test
  void anExecutorThatLosesATrialIsAnError() throws IOException {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> search().on((trials, events) -> {}).run());
    assertEquals("trial 0 of stage 1 got no result", e.getMessage());
    // A result for a trial the executor was not given is not recorded.
    Path file = dir.resolve("stray.jsonl");
    assertThrows(IllegalStateException.class, () -> search().resultsFile(file)
        .on((trials, events) -> {
          for (Trial t : trials) {
            Trial other = new Trial(t.stage(), t.stageName(), t.index() + 100, t.config(),
                t.seed(), t.epochs());
            events.finished(TrialRunner.run(other, TestSpecs_TinyNet::new, FN));
          }
        }).run());
    assertEquals(List.of(), Files.readAllLines(file));
  }
}
