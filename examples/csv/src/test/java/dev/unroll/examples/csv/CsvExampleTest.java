package dev.unroll.examples.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvExampleTest {
  @TempDir Path dir;

  private static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }

  @Test
  void bundledIrisTrainsToHighAccuracy() throws IOException {
    CsvExample.Result r = CsvExample.run(Options.parse(), quiet());
    assertEquals(30, r.testSize());
    assertTrue(r.trainAccuracy() > 0.95, "train " + r.trainAccuracy());
    assertTrue(r.testAccuracy() >= 0.85, "test " + r.testAccuracy());
  }

  @Test
  void aFileNamedOnTheCommandLineWithALabelIndex() throws IOException {
    // Two well-separated blobs in 4 features, label first, numeric.
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < 60; i++) {
      int label = i % 2;
      csv.append(label);
      for (int j = 0; j < 4; j++) {
        csv.append(',').append(label * 5 + (i * 7 + j * 3) % 10 / 10.0);
      }
      csv.append('\n');
    }
    Path file = Files.writeString(dir.resolve("blobs.csv"), csv);
    CsvExample.Result r = CsvExample.run(
        Options.parse(file.toString(), "--label", "0", "--epochs", "30"), quiet());
    assertEquals(1.0, r.testAccuracy());
  }

  @Test
  void aFileOfAnotherShapeSaysHowToChangeTheSpec() throws IOException {
    Path file = Files.writeString(dir.resolve("wide.csv"), "a,b,c,label\n1,2,3,x\n4,5,6,y\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CsvExample.run(Options.parse(file.toString()), quiet()));
    assertTrue(e.getMessage().contains("has 3 features and 2 classes"), e.getMessage());
    assertTrue(e.getMessage().contains("@Network(inputs = 3)"), e.getMessage());
  }

  @Test
  void badOptionsShowTheUsage() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Options.parse("--epochs", "many"));
    assertTrue(e.getMessage().contains("usage:"), e.getMessage());
  }
}
