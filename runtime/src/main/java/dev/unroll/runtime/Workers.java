package dev.unroll.runtime;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A small fixed pool of {@code parts} threads (the calling thread and daemon threads started
 * once) that runs one task split into {@link #pieces()} pieces, {@link #PIECES_PER_THREAD} per
 * thread: each thread claims the next unclaimed piece until none is left, so a thread slowed by
 * a neighbour's load on its core does fewer pieces instead of holding up the step. Generated
 * networks give it their large matrix products split by output columns, so every output element
 * is still computed by exactly one thread in the same order, whichever thread that is: results
 * are bit-identical to a single-threaded run.
 *
 * <p>{@link #run} allocates nothing: tasks are objects the caller made once, and hand-over is a
 * volatile generation counter with park/unpark. Not for concurrent use by several callers.
 */
public final class Workers {
  /** Pieces per thread: enough to even out a core shared with another process, few enough that
   * a piece of a 256-column layer is still a whole 64-column strip of the kernels. */
  public static final int PIECES_PER_THREAD = 4;
  /** Piece bounds are multiples of this many elements: the vector kernels' 4-vector strips. */
  private static final int ALIGN = 64;

  private final int parts;
  private final int pieces;
  private final Thread[] threads;
  private final AtomicInteger pending = new AtomicInteger();
  private final AtomicInteger next = new AtomicInteger();
  private volatile IntConsumer task;
  private volatile long generation;
  private volatile Thread caller;
  private volatile RuntimeException failure;

  /** A pool of {@code parts} threads ({@code parts - 1} started here). */
  public Workers(int parts) {
    if (parts < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + parts);
    }
    this.parts = parts;
    this.pieces = parts == 1 ? 1 : parts * PIECES_PER_THREAD;
    this.threads = new Thread[parts - 1];
    for (int p = 1; p < parts; p++) {
      Thread t = new Thread(this::loop, "unroll-worker-" + p);
      t.setDaemon(true);
      threads[p - 1] = t;
      t.start();
    }
  }

  /** Number of threads, the calling one included. */
  public int parts() {
    return parts;
  }

  /** Number of pieces each task is split into. */
  public int pieces() {
    return pieces;
  }

  /**
   * Runs {@code task.accept(p)} for every piece p in [0, {@link #pieces()}), each exactly once on
   * some thread, returning when all are done.
   */
  public void run(IntConsumer task) {
    if (parts == 1) {
      task.accept(0);
      return;
    }
    this.task = task;
    this.caller = Thread.currentThread();
    this.failure = null;
    next.set(0);
    pending.set(parts - 1);
    generation++;
    for (Thread t : threads) {
      LockSupport.unpark(t);
    }
    RuntimeException own = null;
    try {
      claim(task);
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

  /**
   * Start of piece {@code a} (its end is the start of piece a + 1) when [0, total) is split into
   * {@link #pieces()}, bounds rounded up to multiples of 64 elements; pieces may be empty.
   */
  public int bound(int a, int total) {
    if (a >= pieces) {
      return total;
    }
    int raw = (int) ((long) total * a / pieces);
    return Math.min(total, (raw + ALIGN - 1) / ALIGN * ALIGN);
  }

  /** Runs pieces until none is left unclaimed. */
  private void claim(IntConsumer task) {
    for (int p = next.getAndIncrement(); p < pieces; p = next.getAndIncrement()) {
      task.accept(p);
    }
  }

  private void loop() {
    long seen = 0;
    while (true) {
      long g = generation;
      if (g == seen) {
        LockSupport.park(this);
        continue;
      }
      seen = g;
      try {
        claim(task);
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
