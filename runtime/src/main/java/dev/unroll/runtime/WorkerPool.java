package dev.unroll.runtime;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * The threads and hand-over state behind {@link Workers}. The threads reference this object only,
 * and it references a task only while a run is in progress, so a network that is discarded
 * (with its {@code Workers}) is not kept alive by its pool.
 *
 * <p>Claiming: {@code ticket} holds the run's generation in its upper 32 bits and the next
 * unclaimed piece in its lower 32. A thread claims piece p of generation g by a compare-and-set
 * from (g, p) to (g, p + 1); ticket values never repeat, so a thread that read the ticket and the
 * task, then stalled past the end of that run, fails its compare-and-set instead of running an
 * old task's piece in a new run. The caller waits until {@code done} counts every piece: only for
 * pieces a worker actually claimed, never for a worker that has not woken up yet, which on a
 * core busy with another process can take a scheduler time slice.
 *
 * <p>When sharing loses time (a worker's core is busy with another process), {@link Sharing} has
 * the caller run stretches of runs alone.
 *
 * <p>Waiting: idle workers park at once (spinning would take the core from the neighbour whose
 * time slice they then have to wait for); the caller spins briefly for the last pieces, then
 * parks until the thread finishing the last piece unparks it.
 */
final class WorkerPool {
  /** Caller spins (each a {@link Thread#onSpinWait} of some tens of cycles) before it parks. */
  private static final int SPINS = 256;
  /** How long a waiting caller parks before it checks that the workers are alive. */
  private static final long LIVENESS_NANOS = 1_000_000;
  private static final int NONE = 0;
  private static final int RETRY = 1;
  private static final int RAN = 2;

  final int parts;
  final int pieces;
  private final Thread[] threads;
  private final AtomicLong ticket = new AtomicLong();
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  /** Whether to wake the workers at all; the caller's alone (see {@link Sharing}). */
  private final Sharing sharing = new Sharing();
  private volatile IntConsumer task;
  private volatile Thread caller;
  private volatile boolean closed;

  WorkerPool(int parts, int pieces) {
    this.parts = parts;
    this.pieces = pieces;
    // generation 0 with every piece taken: a worker that starts while the first run is being
    // published must find nothing to claim until that run's generation is set (with a ticket of
    // 0 it could take piece 0 twice, and the caller return while that second copy still ran)
    ticket.set(pieces);
    this.threads = new Thread[parts - 1];
    for (int p = 1; p < parts; p++) {
      Thread t = new Thread(this::work, "unroll-worker-" + p);
      t.setDaemon(true);
      threads[p - 1] = t;
    }
    for (Thread t : threads) {
      t.start();
    }
  }

  void run(IntConsumer task) {
    if (closed) {
      throw new IllegalStateException("the worker pool is closed");
    }
    if (parts == 1) {
      task.accept(0);
      return;
    }
    if (!sharing.shareNext()) {
      runAlone(task);
    } else {
      runShared(task);
    }
    Throwable f = failure.getAndSet(null);
    if (f instanceof RuntimeException e) {
      throw e;
    }
    if (f instanceof Error e) {
      throw e;
    }
    if (f != null) {
      // a checked exception thrown through the IntConsumer by a sneaky throw
      throw new IllegalStateException("a piece of a split product failed", f);
    }
  }

  private void runShared(IntConsumer task) {
    long start = System.nanoTime();
    this.task = task;
    this.caller = Thread.currentThread();
    done.set(0);
    // the volatile write of a new generation publishes task and caller to the workers
    ticket.set(((ticket.get() >>> 32) + 1) << 32);
    for (Thread t : threads) {
      LockSupport.unpark(t);
    }
    long woken = System.nanoTime();
    int own = 0;
    long claimed;
    try {
      // the caller works too: on a busy machine it may do every piece itself
      for (int r = claimOne(); r != NONE; r = claimOne()) {
        own += r == RAN ? 1 : 0;
      }
      claimed = System.nanoTime();
      awaitPieces();
    } finally {
      this.task = null;
      this.caller = null;
    }
    sharing.record(claimed - woken, own, pieces, woken - start + System.nanoTime() - claimed);
  }

  /** Every piece on the calling thread, failures kept as in a shared run. */
  private void runAlone(IntConsumer task) {
    for (int p = 0; p < pieces; p++) {
      try {
        task.accept(p);
      } catch (Throwable e) {
        failure.compareAndSet(null, e);
      }
    }
  }

  /**
   * Claims and runs one piece of the current run: {@link #RAN}, {@link #RETRY} when another
   * thread took it first, {@link #NONE} when none is left. The task is a local of this frame
   * only, so a parked worker holds no task.
   */
  private int claimOne() {
    long t = ticket.get();
    if ((int) t >= pieces) {
      return NONE;
    }
    IntConsumer current = task;
    if (current == null) {
      return NONE;
    }
    if (!ticket.compareAndSet(t, t + 1)) {
      return RETRY;
    }
    try {
      current.accept((int) t);
    } catch (Throwable e) {
      // OutOfMemoryError and StackOverflowError too: the caller must hear of them, not hang
      failure.compareAndSet(null, e);
    } finally {
      if (done.incrementAndGet() == pieces) {
        Thread c = caller;
        if (c != null) {
          LockSupport.unpark(c);
        }
      }
    }
    return RAN;
  }

  private void awaitPieces() {
    int spins = 0;
    while (done.get() < pieces) {
      if (++spins < SPINS) {
        Thread.onSpinWait();
        continue;
      }
      LockSupport.parkNanos(this, LIVENESS_NANOS);
      for (Thread t : threads) {
        if (!t.isAlive() && done.get() < pieces) {
          shutdown();
          throw new IllegalStateException(t.getName() + " ended during a run with pieces left;"
              + " the worker pool is closed");
        }
      }
    }
  }

  private void work() {
    while (!closed) {
      if (claimOne() == NONE) {
        LockSupport.park(this);
      }
    }
  }

  boolean isClosed() {
    return closed;
  }

  /** Flags the pool closed and wakes its threads, which then end; does not wait for them. */
  void shutdown() {
    closed = true;
    for (Thread t : threads) {
      LockSupport.unpark(t);
    }
  }

  /** Waits until every worker thread has ended (call after {@link #shutdown}). */
  void awaitEnd() {
    boolean interrupted = false;
    for (Thread t : threads) {
      while (t.isAlive()) {
        try {
          t.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
