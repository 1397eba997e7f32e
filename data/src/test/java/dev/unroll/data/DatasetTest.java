package dev.unroll.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetTest {
  /** n samples, feature 0 = sample index, label = index % classes. */
  static Dataset indexed(int n, int classes) {
    float[][] x = new float[n][2];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      x[i][0] = i;
      x[i][1] = -i;
      y[i] = i % classes;
    }
    return Dataset.of(x, y);
  }

  @Test
  void sizesAndClassesComeFromTheData() {
    Dataset d = indexed(10, 3);
    assertEquals(10, d.size());
    assertEquals(2, d.features());
    assertEquals(3, d.numClasses());
    assertArrayEquals(new int[] {4, 3, 3}, d.classCounts());
    assertEquals("2", d.className(2));
  }

  @Test
  void classNamesFixTheClassCount() {
    Dataset d = Dataset.of(new float[][] {{1}, {2}}, new int[] {0, 0}, List.of("a", "b", "c"));
    assertEquals(3, d.numClasses());
    assertEquals("c", d.className(2));
  }

  @Test
  void badArraysAreRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> Dataset.of(new float[][] {{1}, {2}}, new int[] {0}));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Dataset.of(new float[][] {{1, 2}, {3}}, new int[] {0, 1}));
    assertTrue(e.getMessage().contains("row 1 has 1 features"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Dataset.of(new float[][] {{1}}, new int[] {-1}));
    assertThrows(IllegalArgumentException.class,
        () -> Dataset.of(new float[][] {{1}}, new int[] {2}, List.of("a", "b")));
  }

  @Test
  void shuffleIsAPermutationReproducibleFromTheSeed() {
    Dataset d = indexed(50, 5);
    Dataset a = d.shuffled(7);
    Dataset b = d.shuffled(7);
    Dataset c = d.shuffled(8);
    float[] firstA = new float[50];
    float[] firstB = new float[50];
    float[] firstC = new float[50];
    for (int i = 0; i < 50; i++) {
      firstA[i] = a.row(i)[0];
      firstB[i] = b.row(i)[0];
      firstC[i] = c.row(i)[0];
      assertEquals((int) a.row(i)[0] % 5, a.label(i), "label travels with its row");
    }
    assertArrayEquals(firstA, firstB);
    assertFalse(Arrays.equals(firstA, firstC));
    float[] sorted = firstA.clone();
    Arrays.sort(sorted);
    for (int i = 0; i < 50; i++) {
      assertEquals(i, sorted[i]);
    }
  }

  @Test
  void subsetSharesRows() {
    Dataset d = indexed(5, 2);
    Dataset s = d.subset(new int[] {3, 1});
    assertSame(d.row(3), s.row(0));
    assertEquals(1, s.label(0));
    assertEquals(2, s.numClasses());
  }

  @Test
  void imagesKeepTheirShapeThroughViewsAndNewFeatures() {
    Dataset d = Dataset.of(new float[][] {new float[12], new float[12], new float[12]},
        new int[] {0, 1, 0}).withShape(3, 2, 2);
    org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {3, 2, 2}, d.shape());
    org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {3, 2, 2},
        d.shuffled(1).head(2).subset(new int[] {1}).shape());
    org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {3, 2, 2},
        d.withFeatures(new float[3][12]).shape());
    org.junit.jupiter.api.Assertions.assertEquals(0, d.withFeatures(new float[3][5]).shape().length,
        "new features of another width are no longer that image");
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> d.withShape(2, 2, 2));
  }
}
