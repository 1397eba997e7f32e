package dev.unroll.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchCursorTest {
  @Test
  void batchesReuseTheSameBuffers() {
    Dataset d = DatasetTest.indexed(10, 2);
    BatchCursor c = BatchCursor.shuffling(d, 4, 1);
    float[][] x = c.x();
    int[] y = c.y();
    float[] row0 = x[0];
    for (int epoch = 0; epoch < 3; epoch++) {
      c.startEpoch();
      while (c.next()) {
        assertSame(x, c.x());
        assertSame(y, c.y());
        assertSame(row0, c.x()[0], "rows are filled, never replaced");
      }
    }
  }

  @Test
  void anEpochVisitsEverySampleOnceWithASmallerLastBatch() {
    Dataset d = DatasetTest.indexed(10, 2);
    BatchCursor c = BatchCursor.shuffling(d, 4, 3);
    assertEquals(3, c.batchesPerEpoch());
    c.startEpoch();
    boolean[] seen = new boolean[10];
    List<Integer> sizes = new ArrayList<>();
    while (c.next()) {
      sizes.add(c.size());
      for (int i = 0; i < c.size(); i++) {
        int sample = (int) c.x()[i][0];
        assertFalse(seen[sample]);
        seen[sample] = true;
        assertEquals(-sample, c.x()[i][1]);
        assertEquals(sample % 2, c.y()[i]);
      }
    }
    assertEquals(List.of(4, 4, 2), sizes);
    for (boolean s : seen) {
      assertTrue(s);
    }
  }

  @Test
  void dropLastSkipsThePartialBatch() {
    BatchCursor c = BatchCursor.inOrder(DatasetTest.indexed(10, 2), 4).dropLast(true);
    assertEquals(2, c.batchesPerEpoch());
    c.startEpoch();
    int batches = 0;
    while (c.next()) {
      batches++;
      assertEquals(4, c.size());
    }
    assertEquals(2, batches);
  }

  @Test
  void inOrderKeepsTheDatasetOrderAndShufflingIsSeeded() {
    BatchCursor ordered = BatchCursor.inOrder(DatasetTest.indexed(6, 2), 6);
    ordered.startEpoch();
    ordered.next();
    for (int i = 0; i < 6; i++) {
      assertEquals(i, ordered.x()[i][0]);
    }
    assertArrayEquals(epochOrder(5), epochOrder(5));
    assertFalse(Arrays.equals(epochOrder(5), epochOrder(6)));
  }

  private static float[] epochOrder(long seed) {
    BatchCursor c = BatchCursor.shuffling(DatasetTest.indexed(30, 2), 30, seed);
    c.startEpoch();
    c.startEpoch();
    c.next();
    float[] order = new float[30];
    for (int i = 0; i < 30; i++) {
      order[i] = c.x()[i][0];
    }
    return order;
  }
}
