package dev.unroll.examples.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search finds settings at least as good as the hand-chosen ones, on the same split. */
class TuningExampleTest {
  @TempDir Path dir;

  @Test
  void theSearchMatchesOrBeatsTheHandChosenSettings() throws IOException {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    Path results = dir.resolve("trials.jsonl");
    TuningExample.Outcome o = TuningExample.run(42, results, 2, false,
        new PrintStream(text, true, StandardCharsets.UTF_8));
    String out = text.toString(StandardCharsets.UTF_8);
    assertTrue(o.best().valAccuracy() >= o.hand().bestValAccuracy(), out);
    assertTrue(o.hand().bestValAccuracy() > 0.9, out);
    assertTrue(out.contains("the search is at least as good"), out);
    assertEquals(60 + 16 + 6, Files.readAllLines(results).size());
  }
}
