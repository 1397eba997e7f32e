package dev.unroll.runtime;

import java.lang.ref.Cleaner;
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
 * <p>{@link #run} allocates nothing: tasks are objects the caller made once. The calling thread
 * starts on the pieces at once and waits only for pieces a worker has claimed, never for a worker
 * to wake up (see {@link WorkerPool}). Not for concurrent use by several callers.
 *
 * <p>Ending: {@link #close()} stops the threads and waits for them. A pool nobody closed ends when
 * it becomes unreachable: its threads hold only the {@link WorkerPool} (a task only while it
 * runs), never this object or the network whose tasks it ran, so a discarded network and its
 * {@code Workers} can be collected and a {@link Cleaner} then stops the threads. {@link #resize}
 * is the thread-count change a network makes: same size kept, old pool closed.
 *
 * <p>Failures: a {@link Throwable} thrown by a piece on any thread, an {@link Error} such as
 * {@link OutOfMemoryError} or {@link StackOverflowError} included, ends {@link #run} with that
 * throwable once every claimed piece is done, and the pool stays usable. A worker thread that
 * ends anyway ends the run with an {@link IllegalStateException} and closes the pool.
 */
public final class Workers implements AutoCloseable {
  /** Pieces per thread: enough to even out a core shared with another process, few enough that
   * a piece of a 256-column layer is still a whole 64-column strip of the kernels. */
  public static final int PIECES_PER_THREAD = 4;
  /** Piece bounds are multiples of this many elements: the vector kernels' 4-vector strips. */
  private static final int ALIGN = 64;
  /** One daemon thread for all pools: it only flags pools whose owner was collected. */
  private static final Cleaner CLEANER = Cleaner.create();

  private final WorkerPool pool;
  private final Cleaner.Cleanable cleanable;

  /** A pool of {@code parts} threads ({@code parts - 1} started here). */
  public Workers(int parts) {
    if (parts < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + parts);
    }
    this.pool = new WorkerPool(parts, parts == 1 ? 1 : parts * PIECES_PER_THREAD);
    // the action holds the pool only: a lambda or method reference on `this` would keep this
    // object reachable from the Cleaner and the pool would never end
    this.cleanable = CLEANER.register(this, pool::shutdown);
  }

  /**
   * The pool a network should use for {@code threads} threads, given the one it has ({@code
   * current}, null for one thread): null for one thread, {@code current} itself when it already
   * has that many, otherwise a new pool, {@code current} being closed first.
   *
   * @throws IllegalArgumentException when {@code threads < 1}; {@code current} is then untouched
   */
  public static Workers resize(Workers current, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    if (current != null && current.parts() == threads) {
      return current;
    }
    if (current != null) {
      current.close();
    }
    return threads == 1 ? null : new Workers(threads);
  }

  /** Number of threads, the calling one included. */
  public int parts() {
    return pool.parts;
  }

  /** Number of pieces each task is split into. */
  public int pieces() {
    return pool.pieces;
  }

  /**
   * Runs {@code task.accept(p)} for every piece p in [0, {@link #pieces()}), each exactly once on
   * some thread, returning when all are done.
   *
   * @throws IllegalStateException when the pool is closed, or a worker thread ended
   */
  public void run(IntConsumer task) {
    pool.run(task);
  }

  /**
   * Start of piece {@code a} (its end is the start of piece a + 1) when [0, total) is split into
   * {@link #pieces()}, bounds rounded up to multiples of 64 elements; pieces may be empty.
   */
  public int bound(int a, int total) {
    int pieces = pool.pieces;
    if (a >= pieces) {
      return total;
    }
    int raw = (int) ((long) total * a / pieces);
    return Math.min(total, (raw + ALIGN - 1) / ALIGN * ALIGN);
  }

  /** Whether {@link #close()} was called (or the pool broke). */
  public boolean isClosed() {
    return pool.isClosed();
  }

  /**
   * Stops the worker threads and waits until they have ended; later {@link #run}s throw. Calling
   * it again does nothing. Not to be called while a {@link #run} is in progress.
   */
  @Override
  public void close() {
    cleanable.clean();
    pool.awaitEnd();
  }
}
