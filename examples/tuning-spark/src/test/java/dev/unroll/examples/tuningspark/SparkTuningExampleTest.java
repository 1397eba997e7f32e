package dev.unroll.examples.tuningspark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unroll.search.Stage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example's main on local[2], as the README runs it, and its stage syntax. */
class SparkTuningExampleTest {
  @TempDir Path dir;

  @Test
  void theExampleRunsOnLocalSparkAndWritesTheResultsAndTheReport() throws Exception {
    Path results = dir.resolve("trials.jsonl");
    String[] args = {"--master", "local[2]", "--seed", "7", "--stages",
        "coarse:8x10,fine:4x50@0.3", "--results", results.toString()};
    String out = run(args);
    assertTrue(out.contains("master local[2], 2 task slots"), out);
    assertTrue(out.contains("ran 12 trials, read 0 from the results file"), out);
    assertTrue(out.contains("best (lr="), out);
    assertEquals(12, Files.readAllLines(results).size());
    assertTrue(Files.readString(dir.resolve("tuning-spark-report.html")).contains("<img"));
    // Run again on the same file: nothing left to run.
    assertTrue(run(args).contains("ran 0 trials, read 12 from the results file"));
  }

  @Test
  void stagesAreReadFromTheirShortForm() {
    assertEquals(List.of(Stage.of("coarse", 16, 20), Stage.of("fine", 12, 1500).keep(0.3)),
        SparkTuningExample.stages("coarse:16x20,fine:12x1500@0.3"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SparkTuningExample.stages("coarse:16"));
    assertEquals("a stage is name:TRIALSxEPOCHS[@KEEP], got coarse:16", e.getMessage());
  }

  private static String run(String[] args) throws Exception {
    PrintStream saved = System.out;
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    System.setOut(new PrintStream(text, true, StandardCharsets.UTF_8));
    try {
      SparkTuningExample.main(args);
    } finally {
      System.setOut(saved);
      System.clearProperty("spark.master");
    }
    return text.toString(StandardCharsets.UTF_8);
  }
}
