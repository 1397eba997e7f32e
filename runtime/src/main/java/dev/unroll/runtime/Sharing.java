package dev.unroll.runtime;

/**
 * Decides, run by run, whether a {@link WorkerPool} hands pieces to its workers or the caller runs
 * them all: the pool is never to be slower than one thread. On a quiet machine sharing always
 * pays. When a worker's core is busy with another process, a worker that is preempted while it
 * holds a piece makes the caller wait a scheduler time slice (milliseconds) for a piece it could
 * have done in a fraction of that, and a step on two threads can end up slower than on one.
 *
 * <p>Each shared run is scored by the time it gained: what the caller would have spent on the
 * pieces others did (its own average time per piece times their number) minus the time it waited
 * for them (and spent waking them). Every {@link #WINDOW} shared runs, a negative sum switches the
 * pool to the caller alone for a stretch of runs, {@link #MIN_SOLO} at first and doubling while
 * sharing keeps losing, up to {@link #MAX_SOLO}; then sharing is tried again. Results do not
 * depend on it: every piece computes the same elements whichever thread runs it.
 */
final class Sharing {
  /** Shared runs scored together: a step of a large network has some tens of runs. */
  static final int WINDOW = 32;
  /** Runs the caller does alone after a losing window, at first. */
  static final int MIN_SOLO = 32;
  /** Longest stretch alone, so that sharing is tried again within a few hundred steps. */
  static final int MAX_SOLO = 4096;

  private long balance;
  private int scored;
  private int soloLeft;
  private int soloLength = MIN_SOLO;

  /** Whether this run should wake the workers; counts down a stretch of solo runs. */
  boolean shareNext() {
    if (soloLeft > 0) {
      soloLeft--;
      return false;
    }
    return true;
  }

  /**
   * Scores a shared run: the caller ran {@code own} of {@code pieces} pieces in {@code busyNanos}
   * and spent {@code overheadNanos} waking the workers and waiting for their pieces.
   */
  void record(long busyNanos, int own, int pieces, long overheadNanos) {
    // with no piece of its own the caller has no per-piece time to compare: count only the wait
    long saved = own == 0 ? 0 : busyNanos / own * (pieces - own);
    balance += saved - overheadNanos;
    if (++scored == WINDOW) {
      if (balance < 0) {
        soloLeft = soloLength;
        soloLength = Math.min(2 * soloLength, MAX_SOLO);
      } else {
        soloLength = MIN_SOLO;
      }
      balance = 0;
      scored = 0;
    }
  }
}
