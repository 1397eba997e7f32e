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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Cifar10LoaderTest {
  @TempDir Path dir;

  private static final List<String> NAMES = List.of("airplane", "automobile", "bird", "cat",
      "deer", "dog", "frog", "horse", "ship", "truck");

  /** Record r has label labels[r]; red pixels = 10 + r, green = 100, blue = 255. */
  private static byte[] records(int... labels) {
    byte[] b = new byte[labels.length * Cifar10Loader.RECORD];
    for (int r = 0; r < labels.length; r++) {
      int base = r * Cifar10Loader.RECORD;
      b[base] = (byte) labels[r];
      Arrays.fill(b, base + 1, base + 1 + 1024, (byte) (10 + r));
      Arrays.fill(b, base + 1 + 1024, base + 1 + 2048, (byte) 100);
      Arrays.fill(b, base + 1 + 2048, base + Cifar10Loader.RECORD, (byte) 255);
    }
    return b;
  }

  @Test
  void recordsAreChannelMajorWithNamesFromMeta() throws IOException {
    Path b1 = Files.write(dir.resolve("data_batch_1.bin"), records(3, 9));
    Path b2 = Files.write(dir.resolve("data_batch_2.bin"), records(0));
    Files.write(dir.resolve(Cifar10Loader.META), NAMES);
    Dataset d = Cifar10Loader.load(b1, b2);
    assertEquals(3, d.size());
    assertEquals(3072, d.features());
    assertArrayEquals(new int[] {3, 9, 0}, d.y());
    assertEquals(NAMES, d.classNames());
    float[] row = d.row(1);
    assertEquals(11 / 255f, row[0]);
    assertEquals(11 / 255f, row[1023]);
    assertEquals(100 / 255f, row[1024]);
    assertEquals(1f, row[3071]);
  }

  @Test
  void withoutMetaThereAreNoNamesAndRawKeepsBytes() throws IOException {
    Path b1 = Files.write(dir.resolve("test_batch.bin"), records(1));
    Dataset d = Cifar10Loader.load(List.of(b1), PixelScale.RAW);
    assertTrue(d.classNames().isEmpty());
    assertEquals(255f, d.row(0)[3000]);
  }

  @Test
  void truncatedBatchSaysExpectedAndFoundBytes() throws IOException {
    byte[] two = records(1, 2);
    Path p = Files.write(dir.resolve("b.bin"), Arrays.copyOf(two, two.length - 100));
    DataFileException e = assertThrows(DataFileException.class, () -> Cifar10Loader.load(p));
    assertTrue(e.getMessage().contains("truncated: expected a whole number of 3073-byte records"
        + " (6146 bytes for 2 records), found 6046 bytes"), e.getMessage());
  }

  @Test
  void labelAboveNineAndBadMetaAreRejected() throws IOException {
    Path p = Files.write(dir.resolve("b.bin"), records(1, 12));
    DataFileException e = assertThrows(DataFileException.class, () -> Cifar10Loader.load(p));
    assertTrue(e.getMessage().contains("record 1 (byte 3073) has label 12"), e.getMessage());
    Path ok = Files.write(dir.resolve("c.bin"), records(1));
    Files.write(dir.resolve(Cifar10Loader.META), NAMES.subList(0, 4));
    e = assertThrows(DataFileException.class, () -> Cifar10Loader.load(ok));
    assertTrue(e.getMessage().contains("expected 10 class names, found 4"), e.getMessage());
  }
}
