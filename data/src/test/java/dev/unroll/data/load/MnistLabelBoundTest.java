package dev.unroll.data.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unroll.data.DataFileException;
import dev.unroll.data.Dataset;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Labels are bytes; MNIST's are 0-9, and a 255 must not make 256 classes. */
class MnistLabelBoundTest {
  @TempDir Path dir;

  private Path images() throws IOException {
    return IdxWriter.write(dir.resolve("i"),
        IdxWriter.images(IdxFiles.IMAGES_MAGIC, 3, 1, 2, new byte[6]), false);
  }

  private Path labels(byte... labels) throws IOException {
    return IdxWriter.write(dir.resolve("l"),
        IdxWriter.labels(IdxFiles.LABELS_MAGIC, labels.length, labels), false);
  }

  @Test
  void aLabelAbove9IsRefusedWithItsSampleAndByte() throws IOException {
    Path l = labels((byte) 3, (byte) 255, (byte) 1);
    DataFileException e = assertThrows(DataFileException.class,
        () -> MnistLoader.load(images(), l));
    assertEquals(l, e.file());
    assertTrue(e.getMessage().contains("label 255 of sample 1 (byte 9) is outside 0-9"),
        e.getMessage());
  }

  @Test
  void aDeclaredClassCountBoundsTheLabelsAndIsTheDatasetsCount() throws IOException {
    Dataset d = MnistLoader.load(images(), labels((byte) 3, (byte) 26, (byte) 1), PixelScale.RAW,
        27);
    assertEquals(27, d.numClasses());
    assertEquals(10, MnistLoader.load(images(), labels((byte) 3, (byte) 2, (byte) 1))
        .numClasses());
    DataFileException e = assertThrows(DataFileException.class,
        () -> MnistLoader.load(images(), labels((byte) 3, (byte) 5, (byte) 1), PixelScale.RAW,
            5));
    assertTrue(e.getMessage().contains("label 5 of sample 1 (byte 9) is outside 0-4"),
        e.getMessage());
  }
}
