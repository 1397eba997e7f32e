package dev.unroll.examples.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unroll.data.load.MnistLoader;
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

class MnistExampleTest {
  @TempDir Path dir;

  /**
   * Writes {@code n} synthetic 28 x 28 "digits" as an IDX pair: digit k is a bright horizontal
   * bar on rows 2k+2 to 2k+4 over noise, sorted by class as the sample set is.
   */
  private void writeDigits(String images, String labels, int n, boolean gzip, long seed)
      throws IOException {
    Rng rng = new Rng(seed);
    ByteArrayOutputStream img = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(img);
    out.writeInt(2051);
    out.writeInt(n);
    out.writeInt(28);
    out.writeInt(28);
    ByteArrayOutputStream lab = new ByteArrayOutputStream();
    DataOutputStream labOut = new DataOutputStream(lab);
    labOut.writeInt(2049);
    labOut.writeInt(n);
    for (int i = 0; i < n; i++) {
      int k = i * 10 / n;
      for (int r = 0; r < 28; r++) {
        for (int c = 0; c < 28; c++) {
          boolean bar = r >= 2 * k + 2 && r <= 2 * k + 4 && c > 4 && c < 24;
          out.writeByte(bar ? 200 + rng.nextInt(56) : rng.nextInt(60));
        }
      }
      labOut.writeByte(k);
    }
    write(dir.resolve(images), img.toByteArray(), gzip);
    write(dir.resolve(labels), lab.toByteArray(), gzip);
  }

  private static void write(Path p, byte[] b, boolean gzip) throws IOException {
    try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(p))
        : Files.newOutputStream(p)) {
      out.write(b);
    }
  }

  private static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }

  @Test
  void aSingleSetIsShuffledSplitAndLearned() throws IOException {
    writeDigits("images-idx3-ubyte.gz", "labels-idx1-ubyte.gz", 400, true, 1);
    MnistFiles files = MnistFiles.find(dir).orElseThrow();
    assertFalse(files.hasTest());
    MnistExample.Result r = MnistExample.run(files,
        Options.parse(dir.toString(), "--epochs", "5"), quiet());
    assertEquals(60, r.testSize());
    assertTrue(r.testAccuracy() > 0.9, "test " + r.testAccuracy());
  }

  @Test
  void theConvVariantLearnsTheDigitsToo() throws IOException {
    writeDigits("images-idx3-ubyte.gz", "labels-idx1-ubyte.gz", 400, true, 1);
    MnistFiles files = MnistFiles.find(dir).orElseThrow();
    MnistExample.Result r = MnistExample.run(files,
        Options.parse(dir.toString(), "--conv", "--epochs", "3", "--lr", "0.05"), quiet());
    assertTrue(r.testAccuracy() > 0.9, "test " + r.testAccuracy());
  }

  @Test
  void officialFilesUseTheTestPairAsTheTestSet() throws IOException {
    writeDigits(MnistLoader.TRAIN_IMAGES, MnistLoader.TRAIN_LABELS, 300, false, 2);
    writeDigits(MnistLoader.TEST_IMAGES + ".gz", MnistLoader.TEST_LABELS + ".gz", 100, true, 3);
    MnistFiles files = MnistFiles.find(dir).orElseThrow();
    assertTrue(files.hasTest());
    MnistExample.Result r = MnistExample.run(files,
        Options.parse(dir.toString(), "--epochs", "5"), quiet());
    assertEquals(100, r.testSize());
    assertTrue(r.testAccuracy() > 0.9, "test " + r.testAccuracy());
  }

  @Test
  void missingFilesSayWhereToGetThem() {
    assertTrue(MnistFiles.find(dir).isEmpty());
    String message = MnistFiles.missing(dir);
    assertTrue(message.contains("train-images-idx3-ubyte"), message);
    assertTrue(message.contains("t10k-labels-idx1-ubyte"), message);
    assertTrue(message.contains("plain or gzipped"), message);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Options.parse("--epochs", "3"));
    assertTrue(e.getMessage().contains("name the directory"), e.getMessage());
  }
}
