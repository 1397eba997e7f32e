package dev.unroll.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Issue 14.5: the pool is never to be slower than one thread. Sharing that loses time sends the
 * pool to the caller alone for a stretch, then tries again; sharing that gains keeps sharing.
 */
class SharingTest {
  /** Runs scored until the next decision and the number of solo runs that follow. */
  private static int soloRunsAfterAWindow(Sharing s, long saved, long overhead) {
    for (int i = 0; i < Sharing.WINDOW; i++) {
      assertTrue(s.shareNext(), "shared while scoring");
      // 4 of 8 pieces on the caller in 4 * saved / 4 ns: the others saved `saved` ns
      s.record(saved, 4, 8, overhead);
    }
    int solo = 0;
    while (!s.shareNext()) {
      solo++;
    }
    return solo;
  }

  @Test
  void sharingThatGainsKeepsSharing() {
    Sharing s = new Sharing();
    for (int w = 0; w < 10; w++) {
      assertEquals(0, soloRunsAfterAWindow(s, 1_000_000, 50_000));
    }
  }

  @Test
  void sharingThatLosesGoesSoloForStretchesThatDoubleThenResets() {
    Sharing s = new Sharing();
    assertEquals(Sharing.MIN_SOLO, soloRunsAfterAWindow(s, 100_000, 3_000_000));
    assertEquals(2 * Sharing.MIN_SOLO, soloRunsAfterAWindow(s, 100_000, 3_000_000));
    assertEquals(4 * Sharing.MIN_SOLO, soloRunsAfterAWindow(s, 100_000, 3_000_000));
    for (int i = 0; i < 20; i++) {
      assertTrue(soloRunsAfterAWindow(s, 100_000, 3_000_000) <= Sharing.MAX_SOLO);
    }
    // the machine got quiet: one gaining window resets the stretch
    assertEquals(0, soloRunsAfterAWindow(s, 1_000_000, 50_000));
    assertEquals(Sharing.MIN_SOLO, soloRunsAfterAWindow(s, 100_000, 3_000_000));
  }

  /**
   * A worker that is "preempted" in every piece it takes (parks 2 ms, a scheduler slice) while
   * the caller's pieces take microseconds: within a few windows the caller runs every piece.
   */
  @Test
  void aPoolWhoseWorkerStallsEndsUpRunningOnTheCaller() {
    Workers w = new Workers(2);
    Thread caller = Thread.currentThread();
    boolean alone = false;
    for (int run = 0; run < 20 * Sharing.WINDOW && !alone; run++) {
      Set<Thread> ran = ConcurrentHashMap.newKeySet();
      w.run(p -> {
        ran.add(Thread.currentThread());
        if (Thread.currentThread() != caller) {
          LockSupport.parkNanos(2_000_000);
        }
      });
      alone = ran.equals(Set.of(caller));
    }
    assertTrue(alone, "the caller never ran a whole task alone");
    // alone, a failing piece still ends the run with its error once every piece has run
    AtomicIntegerArray seen = new AtomicIntegerArray(w.pieces());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> w.run(p -> {
      seen.incrementAndGet(p);
      if (p == 2) {
        throw new IllegalStateException("piece 2");
      }
    }));
    assertEquals("piece 2", e.getMessage());
    for (int p = 0; p < w.pieces(); p++) {
      assertEquals(1, seen.get(p), "piece " + p);
    }
    w.close();
  }
}
