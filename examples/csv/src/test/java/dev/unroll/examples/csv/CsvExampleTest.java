package dev.unroll.examples.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unroll.train.Predictor;
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
    assertTrue(r.trainAccuracy() > 0.9, "train " + r.trainAccuracy());
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
  void aTitledFileTrainsSavesAndPredictsInOneCallAfterReloading() throws IOException {
    // scikit-learn's form: a title line, then the rows with numeric classes
    StringBuilder csv = new StringBuilder("60,4,low,high\n");
    for (int i = 0; i < 60; i++) {
      int label = i % 2;
      for (int j = 0; j < 4; j++) {
        csv.append(100 + label * 50 + (i * 7 + j * 3) % 10).append(',');
      }
      csv.append(label).append('\n');
    }
    Path file = Files.writeString(dir.resolve("titled.csv"), csv);
    Path saved = dir.resolve("net.ck");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    CsvExample.Result r = CsvExample.run(Options.parse(file.toString(), "--skip-lines", "1",
        "--epochs", "30", "--save", saved.toString()),
        new PrintStream(printed, true, StandardCharsets.UTF_8));
    String out = printed.toString(StandardCharsets.UTF_8);
    assertEquals(1.0, r.testAccuracy(), out);
    assertTrue(out.contains("restored the weights of epoch"), out);
    assertTrue(out.contains("confusion matrix"), out);
    // raw rows, the saved standardization applied by the predictor
    Predictor p = Predictor.load(saved, new IrisSpecNet(7));
    assertEquals(0, p.predict(new float[] {101, 104, 107, 100}));
    assertEquals(1, p.predict(new float[] {151, 154, 157, 150}));
  }

  @Test
  void badOptionsShowTheUsage() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Options.parse("--epochs", "many"));
    assertTrue(e.getMessage().contains("usage:"), e.getMessage());
  }
}
