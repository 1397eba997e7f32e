package dev.unroll.runtime;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A small fixed pool that runs one task split into {@code parts} pieces: piece 0 on the calling
 * thread, the others on daemon threads started once. Generated networks give it their large
 * matrix products split by output columns, so every output element is still computed by exactly
 * one thread in the same order: results are bit-identical to a single-threaded run.
 *
 * <p>{@link #run} allocates nothing: tasks are objects the caller made once, and hand-over is a
 * volatile generation counter with park/unpark. Not for concurrent use by several callers.
 */
public final class Workers {
  private final int parts;
  private final Thread[] threads;
  private final AtomicInteger pending = new AtomicInteger();
  private volatile IntConsumer task;
  private volatile long generation;
  private volatile Thread caller;
  private volatile RuntimeException failure;

  /** A pool for {@code parts} pieces ({@code parts - 1} threads). */
  public Workers(int parts) {
    if (parts < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + parts);
    }
    this.parts = parts;
    this.threads = new Thread[parts - 1];
    for (int p = 1; p < parts; p++) {
      int part = p;
      Thread t = new Thread(() -> loop(part), "unroll-worker-" + p);
      t.setDaemon(true);
      threads[p - 1] = t;
      t.start();
    }
  }

  /** Number of pieces each task is split into. */
  public int parts() {
    return parts;
  }

  /** Runs {@code task.accept(p)} for every piece p, returning when all are done. */
  public void run(IntConsumer task) {
    if (parts == 1) {
      task.accept(0);
      return;
    }
    this.task = task;
    this.caller = Thread.currentThread();
    this.failure = null;
    pending.set(parts - 1);
    generation++;
    for (Thread t : threads) {
      LockSupport.unpark(t);
    }
    RuntimeException own = null;
    try {
      task.accept(0);
    } catch (RuntimeException e) {
      own = e;
    }
    int spins = 0;
    while (pending.get() > 0) {
      if (++spins > 1000) {
        LockSupport.parkNanos(this, 20_000);
      } else {
        Thread.onSpinWait();
      }
    }
    RuntimeException e = own != null ? own : failure;
    if (e != null) {
      throw e;
    }
  }

  /** Piece {@code a} of {@code total} split into {@link #parts()}, aligned to 16 elements. */
  public int bound(int a, int total) {
    if (a >= parts) {
      return total;
    }
    int raw = (int) ((long) total * a / parts);
    return Math.min(total, (raw + 15) & ~15);
  }

  private void loop(int part) {
    long seen = 0;
    while (true) {
      long g = generation;
      if (g == seen) {
        LockSupport.park(this);
        continue;
      }
      seen = g;
      try {
        task.accept(part);
      } catch (RuntimeException e) {
        failure = e;
      } finally {
        if (pending.decrementAndGet() == 0) {
          LockSupport.unpark(caller);
        }
      }
    }
  }
}
