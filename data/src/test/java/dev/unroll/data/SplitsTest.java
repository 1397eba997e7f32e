package dev.unroll.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SplitsTest {
  /** 100 of class 0, 50 of class 1, 10 of class 2, sorted by class as MNIST's sample is. */
  private static Dataset unbalanced() {
    int n = 160;
    float[][] x = new float[n][1];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      x[i][0] = i;
      y[i] = i < 100 ? 0 : i < 150 ? 1 : 2;
    }
    return Dataset.of(x, y);
  }

  @Test
  void everyClassIsSplitInTheGivenProportions() {
    Split s = Splits.stratified(unbalanced(), 0.6, 0.2, 42);
    assertArrayEquals(new int[] {60, 30, 6}, s.train().classCounts());
    assertArrayEquals(new int[] {20, 10, 2}, s.validation().classCounts());
    assertArrayEquals(new int[] {20, 10, 2}, s.test().classCounts());
  }

  @Test
  void partsAreDisjointAndCoverTheData() {
    Split s = Splits.stratified(unbalanced(), 0.7, 0.15, 1);
    boolean[] seen = new boolean[160];
    for (Dataset part : new Dataset[] {s.train(), s.validation(), s.test()}) {
      for (int i = 0; i < part.size(); i++) {
        int sample = (int) part.row(i)[0];
        assertFalse(seen[sample], "sample " + sample + " in two parts");
        seen[sample] = true;
      }
    }
    for (boolean b : seen) {
      assertTrue(b);
    }
  }

  @Test
  void theSameSeedGivesTheSameSplit() {
    assertArrayEquals(ids(Splits.stratified(unbalanced(), 0.6, 0.2, 9).train()),
        ids(Splits.stratified(unbalanced(), 0.6, 0.2, 9).train()));
    assertFalse(Arrays.equals(ids(Splits.stratified(unbalanced(), 0.6, 0.2, 9).train()),
        ids(Splits.stratified(unbalanced(), 0.6, 0.2, 10).train())));
  }

  @Test
  void partsAreNotGroupedByClass() {
    Dataset train = Splits.stratified(unbalanced(), 0.6, 0.2, 3).train();
    int changes = 0;
    for (int i = 1; i < train.size(); i++) {
      changes += train.label(i) != train.label(i - 1) ? 1 : 0;
    }
    assertTrue(changes > 10, "labels change " + changes + " times");
  }

  @Test
  void badFractionsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> Splits.stratified(unbalanced(), 0, 0, 1));
    assertThrows(IllegalArgumentException.class,
        () -> Splits.stratified(unbalanced(), 0.8, 0.3, 1));
    assertEquals(0, Splits.trainTest(unbalanced(), 0.75, 1).validation().size());
  }

  private static float[] ids(Dataset d) {
    float[] ids = new float[d.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = d.row(i)[0];
    }
    return ids;
  }
}
