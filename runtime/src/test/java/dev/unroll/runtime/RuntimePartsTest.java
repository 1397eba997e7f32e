package dev.unroll.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
  void workersRunEveryPieceOnceAndCoverTheRange() {
    Workers w = new Workers(3);
    assertEquals(3 * Workers.PIECES_PER_THREAD, w.pieces());
    AtomicIntegerArray seen = new AtomicIntegerArray(w.pieces());
    for (int round = 0; round < 50; round++) {
      w.run(seen::incrementAndGet);
    }
    for (int p = 0; p < w.pieces(); p++) {
      assertEquals(50, seen.get(p), "piece " + p);
    }
    assertEquals(0, w.bound(0, 1000));
    assertEquals(1000, w.bound(w.pieces(), 1000));
    for (int p = 1; p < w.pieces(); p++) {
      int b = w.bound(p, 1000);
      assertTrue(b >= w.bound(p - 1, 1000), "bounds ascend");
      assertTrue(b % 64 == 0 || b == 1000, "aligned split point " + b);
    }
    assertTrue(w.bound(1, 1000) > 0 && w.bound(w.pieces() - 1, 1000) < 1000);
  }

  /**
   * Pieces are claimed, not assigned: while one thread is stuck in its first piece, the other
   * does all the rest (with one fixed half per thread this would wait forever).
   */
  @Test
  void aBusyThreadLeavesTheRemainingPiecesToTheOther() throws Exception {
    Workers w = new Workers(2);
    AtomicInteger done = new AtomicInteger();
    AtomicBoolean first = new AtomicBoolean(true);
    CountDownLatch others = new CountDownLatch(w.pieces() - 1);
    AtomicBoolean waited = new AtomicBoolean();
    w.run(p -> {
      if (first.getAndSet(false)) {
        try {
          waited.set(others.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      } else {
        others.countDown();
      }
      done.incrementAndGet();
    });
    assertTrue(waited.get(), "the other thread ran every other piece");
    assertEquals(w.pieces(), done.get());
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
