package dev.unroll.data;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FiniteTest {
  @Test
  void namesTheRowAndColumnOfTheFirstNanOrInfinity() {
    float[][] x = {{1, 2, 3}, {4, 5, Float.NaN}, {Float.POSITIVE_INFINITY, 0, 0}};
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Finite.check(x, "training features"));
    assertTrue(e.getMessage().startsWith("training features: row 1, column 2 is NaN"),
        e.getMessage());
    x[1][2] = 0;
    e = assertThrows(IllegalArgumentException.class, () -> Dataset.of(x, new int[3])
        .requireFinite());
    assertTrue(e.getMessage().startsWith("features: row 2, column 0 is Infinity"),
        e.getMessage());
    x[2][0] = -Float.MAX_VALUE;
    Dataset fine = Dataset.of(x, new int[3]);
    assertSame(fine, fine.requireFinite());
  }
}
