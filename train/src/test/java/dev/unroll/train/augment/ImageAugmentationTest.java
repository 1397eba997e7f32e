package dev.unroll.train.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** Flips and shifted crops move pixels where they should, from a seed, without allocating. */
class ImageAugmentationTest {
  /** 2 channels of 3x4, value = 100 c + 10 y + x. */
  private static float[] image() {
    float[] v = new float[24];
    for (int c = 0; c < 2; c++) {
      for (int y = 0; y < 3; y++) {
        for (int x = 0; x < 4; x++) {
          v[c * 12 + y * 4 + x] = 100 * c + 10 * y + x;
        }
      }
    }
    return v;
  }

  @Test
  void flipMirrorsEveryRowOfEveryChannel() {
    ImageAugmentation a = new ImageAugmentation(2, 3, 4, true, 0, 1, 1);
    float[] out = new float[24];
    a.transform(image(), out, true, 0, 0);
    assertEquals(3f, out[0]);
    assertEquals(0f, out[3]);
    assertEquals(123f, out[12 + 8]);
  }

  @Test
  void shiftReadsFromTheShiftedPixelAndPadsWithZeros() {
    ImageAugmentation a = new ImageAugmentation(2, 3, 4, false, 1, 1, 1);
    float[] out = new float[24];
    a.transform(image(), out, false, 1, -1);
    // to[y][x] = from[y + 1][x - 1]: column 0 and the last row are padding
    assertEquals(0f, out[0]);
    assertEquals(10f, out[1]);
    assertEquals(112f, out[12 + 3]);
    assertEquals(0f, out[2 * 4 + 2]);
  }

  @Test
  void sameSeedSameBatchesAndNoAllocation() {
    float[][] x = {image(), image(), image()};
    ImageAugmentation a = new ImageAugmentation(2, 3, 4, true, 1, 3, 9);
    ImageAugmentation b = new ImageAugmentation(2, 3, 4, true, 1, 3, 9);
    for (int t = 0; t < 5; t++) {
      float[][] ra = a.apply(x, 3);
      float[][] rb = b.apply(x, 3);
      for (int i = 0; i < 3; i++) {
        assertArrayEquals(ra[i], rb[i]);
      }
    }
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    long before = mx.getThreadAllocatedBytes(id);
    for (int t = 0; t < 100; t++) {
      a.apply(x, 3);
    }
    assertEquals(0, mx.getThreadAllocatedBytes(id) - before, "bytes allocated by 100 batches");
    assertTrue(x[0][5] == image()[5], "the input is never changed");
  }

  @Test
  void badArgumentsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new ImageAugmentation(1, 4, 4, true, 4,
        8, 1));
    ImageAugmentation a = new ImageAugmentation(1, 2, 2, true, 0, 2, 1);
    assertThrows(IllegalArgumentException.class, () -> a.apply(new float[3][4], 3));
    assertThrows(IllegalArgumentException.class, () -> a.apply(new float[1][5], 1));
  }
}
