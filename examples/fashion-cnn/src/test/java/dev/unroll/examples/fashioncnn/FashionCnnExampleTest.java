package dev.unroll.examples.fashioncnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unroll.data.Split;
import dev.unroll.runtime.Rng;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example on a small slice this test writes (the real files are not needed): 700 synthetic
 * 28 x 28 "garments", one gzipped IDX pair sorted by class as the real one is, split 6/7 : 1/7
 * per class, trained for a few epochs.
 */
class FashionCnnExampleTest {
  @TempDir Path dir;

  /** Class k: a bright vertical band at columns 2k+3..2k+5 (a shape a 3x3 filter sees) on noise. */
  private void writeImages(int n) throws IOException {
    Rng rng = new Rng(3);
    ByteArrayOutputStream img = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(img);
    out.writeInt(2051);
    out.writeInt(n);
    out.writeInt(28);
    out.writeInt(28);
    ByteArrayOutputStream lab = new ByteArrayOutputStream();
    DataOutputStream labels = new DataOutputStream(lab);
    labels.writeInt(2049);
    labels.writeInt(n);
    for (int i = 0; i < n; i++) {
      int k = i * 10 / n;
      for (int r = 0; r < 28; r++) {
        for (int c = 0; c < 28; c++) {
          boolean band = c >= 2 * k + 3 && c <= 2 * k + 5 && r > 3 && r < 24;
          out.writeByte(band ? 180 + rng.nextInt(76) : rng.nextInt(90));
        }
      }
      labels.writeByte(k);
    }
    write(dir.resolve("images-idx3-ubyte.gz"), img.toByteArray());
    write(dir.resolve("labels-idx1-ubyte.gz"), lab.toByteArray());
  }

  private static void write(Path p, byte[] b) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
      out.write(b);
    }
  }

  @Test
  void splitsStratifiedAndLearnsTheSlice() throws IOException {
    writeImages(700);
    Split split = FashionFiles.load(dir).orElseThrow();
    assertEquals(600, split.train().size());
    assertEquals(100, split.test().size());
    for (int count : split.test().classCounts()) {
      assertEquals(10, count, "every class gives 1/7 of its images to the test set");
    }
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    FashionCnnExample.Result r = FashionCnnExample.run(split.train(), split.test(), 3, 0.02,
        true, 1, new PrintStream(log, true, StandardCharsets.UTF_8));
    assertTrue(r.testAccuracy() > 0.9, "test " + r.testAccuracy() + "\n" + log);
    assertTrue(log.toString(StandardCharsets.UTF_8).contains("epoch  3"), log.toString());
  }

  @Test
  void missingFilesSayWhereToGetThem() {
    assertTrue(FashionFiles.missing(dir).contains("github.com/zalandoresearch/fashion-mnist"));
  }
}
