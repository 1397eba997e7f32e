package dev.unroll.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

/**
 * The pool's life and failures: closed pools end their threads, discarded ones end after a GC,
 * and an Error on a worker thread reaches the caller instead of leaving it waiting. No time
 * limits: a regression shows as a test that does not end.
 */
class WorkersTest {
  /** Where the out-of-memory test's array would go, so that the allocation is not elided. */
  private static volatile long[] sink;

  @Test
  void closeEndsTheThreadsAndLaterRunsAreRefused() throws Exception {
    Workers w = new Workers(3);
    Set<Thread> threads = threadsOf(w);
    assertEquals(2, threads.size());
    w.close();
    assertTrue(w.isClosed());
    assertNoneAlive(threads);
    assertThrows(IllegalStateException.class, () -> w.run(p -> { }));
    w.close(); // again: nothing
  }

  @Test
  void resizeKeepsAPoolOfTheSameSizeAndClosesTheOld() throws Exception {
    Workers two = Workers.resize(null, 2);
    assertEquals(2, two.parts());
    assertSame(two, Workers.resize(two, 2));
    assertThrows(IllegalArgumentException.class, () -> Workers.resize(two, 0));
    assertFalse(two.isClosed(), "a refused resize leaves the pool as it was");
    Set<Thread> old = threadsOf(two);
    Workers three = Workers.resize(two, 3);
    assertEquals(3, three.parts());
    assertTrue(two.isClosed());
    assertNoneAlive(old);
    assertNull(Workers.resize(three, 1));
    assertTrue(three.isClosed());
    assertNull(Workers.resize(null, 1));
  }

  /** Issue 15.13 on the pool itself: 2 threads, one run, back to 1, a thousand times. */
  @Test
  void aThousandResizesLeaveNoThreadAlive() throws Exception {
    Set<Thread> seen = ConcurrentHashMap.newKeySet();
    Workers w = null;
    for (int i = 0; i < 1000; i++) {
      w = Workers.resize(w, 2);
      seen.addAll(threadsOf(w));
      w = Workers.resize(w, 1);
    }
    assertNull(w);
    assertEquals(1000, seen.size(), "one worker thread per pool");
    assertNoneAlive(seen);
  }

  /**
   * Issue 15.13's discarded networks: pools nobody closed end once their owner is unreachable.
   * The tasks here capture a large array, as a network's tasks capture the network.
   */
  @Test
  void discardedPoolsEndAfterAGarbageCollection() throws Exception {
    Set<Thread> seen = ConcurrentHashMap.newKeySet();
    for (int i = 0; i < 200; i++) {
      runOnceAndDrop(seen);
    }
    assertEquals(200, seen.size());
    long alive = seen.size();
    while (alive > 0) {
      System.gc();
      Thread.sleep(20);
      alive = seen.stream().filter(Thread::isAlive).count();
    }
    assertEquals(0, alive);
  }

  private static void runOnceAndDrop(Set<Thread> seen) throws Exception {
    Workers w = new Workers(2);
    double[] owned = new double[10_000];
    seen.addAll(threadsOf(w, p -> owned[p]++));
  }

  @Test
  void anOutOfMemoryErrorOnAWorkerReachesTheCaller() {
    Workers w = new Workers(2);
    OutOfMemoryError e = assertThrows(OutOfMemoryError.class,
        () -> w.run(onAWorker(() -> sink = new long[Integer.MAX_VALUE - 8])));
    assertTrue(e.getMessage() != null);
    assertStillWorks(w);
  }

  @Test
  void aStackOverflowOnAWorkerReachesTheCaller() {
    Workers w = new Workers(2);
    assertThrows(StackOverflowError.class, () -> w.run(onAWorker(() -> recurse(0))));
    assertStillWorks(w);
  }

  @Test
  void anErrorOnTheCallerWaitsForTheWorkersBeforeItIsThrown() {
    Workers w = new Workers(2);
    Thread caller = Thread.currentThread();
    AtomicIntegerArray ran = new AtomicIntegerArray(w.pieces());
    AtomicBoolean first = new AtomicBoolean(true);
    CountDownLatch callerStarted = new CountDownLatch(1);
    AssertionError e = assertThrows(AssertionError.class, () -> w.run(p -> {
      ran.incrementAndGet(p);
      if (Thread.currentThread() != caller) {
        await(callerStarted); // so that the caller surely has a piece of its own
      } else if (first.getAndSet(false)) {
        callerStarted.countDown();
        throw new AssertionError("the caller's first piece");
      }
    }));
    assertEquals("the caller's first piece", e.getMessage());
    for (int p = 0; p < w.pieces(); p++) {
      assertEquals(1, ran.get(p), "every piece ran before the error was thrown");
    }
    assertStillWorks(w);
  }

  private static int recurse(int depth) {
    return depth == Integer.MAX_VALUE ? depth : recurse(depth + 1) + 1;
  }

  /**
   * A task whose pieces on the calling thread wait until a worker has taken one, so that the
   * worker runs {@code failure}; the wait is bounded so a broken pool fails instead of hanging.
   */
  private static IntConsumer onAWorker(Runnable failure) {
    Thread caller = Thread.currentThread();
    CountDownLatch workerStarted = new CountDownLatch(1);
    return p -> {
      if (Thread.currentThread() == caller) {
        await(workerStarted);
      } else {
        workerStarted.countDown();
        failure.run();
      }
    };
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void assertStillWorks(Workers w) {
    AtomicIntegerArray seen = new AtomicIntegerArray(w.pieces());
    w.run(seen::incrementAndGet);
    for (int p = 0; p < w.pieces(); p++) {
      assertEquals(1, seen.get(p), "piece " + p + " after the failure");
    }
  }

  private static Set<Thread> threadsOf(Workers w) throws Exception {
    return threadsOf(w, p -> { });
  }

  /**
   * The pool's worker threads, not the caller: every thread waits in its first piece until all
   * have one (pieces outnumber threads), then records itself.
   */
  private static Set<Thread> threadsOf(Workers w, IntConsumer work) throws Exception {
    Thread caller = Thread.currentThread();
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    CyclicBarrier all = new CyclicBarrier(w.parts());
    Set<Thread> waited = ConcurrentHashMap.newKeySet();
    w.run(p -> {
      Thread me = Thread.currentThread();
      if (waited.add(me)) {
        try {
          all.await();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
      if (me != caller) {
        threads.add(me);
      }
      work.accept(p);
    });
    return threads;
  }

  private static void assertNoneAlive(Set<Thread> threads) {
    List<String> alive = new ArrayList<>();
    for (Thread t : threads) {
      if (t.isAlive()) {
        alive.add(t.getName());
      }
    }
    assertTrue(alive.isEmpty(), alive.size() + " threads still alive: " + alive);
  }
}
