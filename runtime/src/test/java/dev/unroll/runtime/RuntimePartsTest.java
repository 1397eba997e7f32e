package dev.unroll.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** The runtime pieces generated code leans on, each on its own. */
class RuntimePartsTest {
  @Test
  void rngRepeatsItsSequenceAndDrawsStandardNormals() {
    Rng a = new Rng(7);
    Rng b = new Rng(7);
    for (int i = 0; i < 100; i++) {
      assertEquals(a.gaussian(), b.gaussian());
    }
    assertNotEquals(new Rng(7).uniform(), new Rng(8).uniform());
    Rng r = new Rng(1);
    int n = 200_000;
    double sum = 0;
    double sq = 0;
    for (int i = 0; i < n; i++) {
      double g = r.gaussian();
      sum += g;
      sq += g * g;
    }
    double mean = sum / n;
    assertEquals(0, mean, 0.01);
    assertEquals(1, sq / n - mean * mean, 0.01);
  }

  @Test
  void workersRunEveryPartOnceAndCoverTheRange() {
    Workers w = new Workers(3);
    AtomicIntegerArray seen = new AtomicIntegerArray(3);
    for (int round = 0; round < 50; round++) {
      w.run(seen::incrementAndGet);
    }
    for (int p = 0; p < 3; p++) {
      assertEquals(50, seen.get(p), "part " + p);
    }
    assertEquals(0, w.bound(0, 1000));
    assertEquals(1000, w.bound(3, 1000));
    int mid = w.bound(1, 1000);
    assertTrue(mid % 16 == 0 && mid > 0 && mid < 1000, "aligned split point " + mid);
  }

  @Test
  void aFailingPartIsRethrownOnTheCaller() {
    Workers w = new Workers(2);
    IllegalStateException boom = new IllegalStateException("part 1 failed");
    IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> w.run(p -> {
      if (p == 1) {
        throw boom;
      }
    }));
    assertSame(boom, thrown);
    w.run(p -> { });
  }

  @Test
  void transposeAndDescendWorkOnWholeArraysAndOnRanges() {
    float[][] w = new float[70][45];
    for (int r = 0; r < 70; r++) {
      for (int c = 0; c < 45; c++) {
        w[r][c] = r * 100 + c;
      }
    }
    float[][] whole = new float[45][70];
    Ops.transpose(w, whole);
    float[][] parts = new float[45][70];
    Ops.transpose(w, parts, 0, 20);
    Ops.transpose(w, parts, 20, 45);
    for (int c = 0; c < 45; c++) {
      for (int r = 0; r < 70; r++) {
        assertEquals(w[r][c], whole[c][r]);
      }
      assertArrayEquals(whole[c], parts[c]);
    }
    float[][] p = {{1, 2}, {3, 4}};
    float[][] g = {{10, 20}, {30, 40}};
    Ops.descend(p, g, 0.1f, 1, 2);
    assertArrayEquals(new float[] {1, 2}, p[0]);
    assertArrayEquals(new float[] {0, 0}, p[1], 1e-6f);
    assertEquals(1 + 4 + 0 + 0, Ops.sumOfSquares(p), 1e-9);
  }

  @Test
  void checksNameWhatIsWrong() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Checks.batch(new float[][] {new float[3], new float[2]}, 2, 3, 8));
    assertEquals("input row 1 has 2 values, the network expects 3", e.getMessage());
    assertThrows(IllegalStateException.class, () -> Checks.labels(new int[1], 1, 3, 0));
  }

  @Test
  void tensorReadsAndWritesRowMajor() {
    double[][] v = new double[2][3];
    Tensor t = Tensor.of("layer1.W", Tensor.Role.WEIGHT, 1, v, new double[2][3]);
    t.setAll(new double[] {1, 2, 3, 4, 5, 6});
    assertEquals(6, v[1][2]);
    assertEquals(4, t.get(3));
    assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, t.toArray());
    assertThrows(IllegalArgumentException.class, () -> t.setAll(new double[5]));
    assertThrows(IllegalStateException.class,
        () -> Tensor.of("x", Tensor.Role.RUNNING_MEAN, 1, v, null).grad(0));
  }
}
