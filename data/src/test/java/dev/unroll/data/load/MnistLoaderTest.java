package dev.unroll.data.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unroll.data.DataFileException;
import dev.unroll.data.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistLoaderTest {
  @TempDir Path dir;

  /** Three 2 x 2 images: pixels 0,1,2,3 / 4,5,6,7 / 252,253,254,255. */
  private static final byte[] PIXELS = {0, 1, 2, 3, 4, 5, 6, 7,
      (byte) 252, (byte) 253, (byte) 254, (byte) 255};
  private static final byte[] LABELS = {7, 0, 9};

  private Path images(String name, boolean gzip) throws IOException {
    return IdxWriter.write(dir.resolve(name),
        IdxWriter.images(IdxFiles.IMAGES_MAGIC, 3, 2, 2, PIXELS), gzip);
  }

  private Path labels(String name, boolean gzip) throws IOException {
    return IdxWriter.write(dir.resolve(name),
        IdxWriter.labels(IdxFiles.LABELS_MAGIC, 3, LABELS), gzip);
  }

  @Test
  void plainFilesScaledToUnitRange() throws IOException {
    Dataset d = MnistLoader.load(images("i", false), labels("l", false));
    assertEquals(3, d.size());
    assertEquals(4, d.features());
    assertArrayEquals(new int[] {7, 0, 9}, d.y());
    assertArrayEquals(new float[] {252 / 255f, 253 / 255f, 254 / 255f, 1f}, d.row(2));
    assertEquals(0f, d.row(0)[0]);
  }

  @Test
  void gzipIsDetectedByContentAndRawKeepsBytes() throws IOException {
    Dataset d = MnistLoader.load(images("i.gz", true), labels("l", true), PixelScale.RAW);
    assertArrayEquals(new float[] {4, 5, 6, 7}, d.row(1));
    assertArrayEquals(new float[] {252, 253, 254, 255}, d.row(2));
  }

  @Test
  void wrongMagicSaysExpectedAndFound() throws IOException {
    Path l = labels("l", false);
    DataFileException e = assertThrows(DataFileException.class, () -> MnistLoader.load(l, l));
    assertEquals(l, e.file());
    assertTrue(e.getMessage().contains("wrong magic number: expected 2051, found 2049"),
        e.getMessage());
    Path i = images("i", true);
    e = assertThrows(DataFileException.class, () -> IdxFiles.readLabels(i));
    assertTrue(e.getMessage().contains("expected 2049, found 2051"), e.getMessage());
  }

  @Test
  void truncatedImagesSayExpectedAndActualBytes() throws IOException {
    byte[] full = IdxWriter.images(IdxFiles.IMAGES_MAGIC, 3, 2, 2, PIXELS);
    for (boolean gzip : new boolean[] {false, true}) {
      Path p = IdxWriter.write(dir.resolve("cut" + gzip), Arrays.copyOf(full, full.length - 5),
          gzip);
      DataFileException e = assertThrows(DataFileException.class, () -> IdxFiles.readImages(p));
      assertTrue(e.getMessage().contains("truncated: expected 12 data bytes (3 images x 2 x 2"
          + " pixels), found 7"), e.getMessage());
    }
    Path header = IdxWriter.write(dir.resolve("header"), Arrays.copyOf(full, 10), false);
    DataFileException e = assertThrows(DataFileException.class,
        () -> IdxFiles.readImages(header));
    assertTrue(e.getMessage().contains("expected 16 header bytes, found 10"), e.getMessage());
  }

  @Test
  void truncatedLabelsAndTrailingBytesAreRejected() throws IOException {
    Path cut = IdxWriter.write(dir.resolve("cut"),
        IdxWriter.labels(IdxFiles.LABELS_MAGIC, 5, LABELS), false);
    DataFileException e = assertThrows(DataFileException.class, () -> IdxFiles.readLabels(cut));
    assertTrue(e.getMessage().contains("expected 5 data bytes (5 labels), found 3"),
        e.getMessage());
    Path extra = IdxWriter.write(dir.resolve("extra"),
        IdxWriter.labels(IdxFiles.LABELS_MAGIC, 2, LABELS), false);
    e = assertThrows(DataFileException.class, () -> IdxFiles.readLabels(extra));
    assertTrue(e.getMessage().contains("1 unexpected trailing bytes"), e.getMessage());
  }

  @Test
  void corruptGzipStreamIsReported() throws IOException {
    Path gz = images("i.gz", true);
    byte[] bytes = Files.readAllBytes(gz);
    Files.write(gz, Arrays.copyOf(bytes, bytes.length - 12));
    DataFileException e = assertThrows(DataFileException.class, () -> IdxFiles.readImages(gz));
    assertTrue(e.getMessage().contains("truncated gzip data"), e.getMessage());
  }

  @Test
  void imageAndLabelCountsMustAgree() throws IOException {
    Path i = images("i", false);
    Path l = IdxWriter.write(dir.resolve("l2"),
        IdxWriter.labels(IdxFiles.LABELS_MAGIC, 2, new byte[] {1, 2}), false);
    DataFileException e = assertThrows(DataFileException.class, () -> MnistLoader.load(i, l));
    assertEquals(l, e.file());
    assertTrue(e.getMessage().contains("has 2 labels but the images file " + i
        + " has 3 images"), e.getMessage());
  }

  @Test
  void findAcceptsPlainAndGzippedNames() throws IOException {
    images(MnistLoader.TRAIN_IMAGES + ".gz", true);
    labels("labels-idx1-ubyte", false);
    assertEquals(Optional.of(dir.resolve(MnistLoader.TRAIN_IMAGES + ".gz")),
        MnistLoader.find(dir, MnistLoader.TRAIN_IMAGES, "images-idx3-ubyte"));
    assertEquals(Optional.of(dir.resolve("labels-idx1-ubyte")),
        MnistLoader.find(dir, MnistLoader.TRAIN_LABELS, "labels-idx1-ubyte"));
    assertEquals(Optional.empty(), MnistLoader.find(dir, MnistLoader.TEST_IMAGES));
  }
}
