package dev.unroll.search;

import java.io.IOException;
import java.util.List;

/**
 * Runs a stage's trials somewhere other than the search's own thread pool, such as on a Spark
 * cluster ({@code unroll-spark}). The {@link Search} keeps everything else: the stages and their
 * narrowing, the results file, the progress display and the result.
 *
 * <p>An executor must hand back exactly the trials it was given, each built from its {@link
 * Trial#seed()} so that a retried or duplicated copy gives the same result; the search keeps the
 * first result per {@link TrialKey} and drops later ones.
 */
public interface TrialExecutor {
  /**
   * Runs {@code trials} (one stage's, those not already in the results file) and reports each
   * through {@code events} as it ends. Returns when every trial has a result.
   *
   * @throws IOException when {@code events} fails to record a result (the results file)
   */
  void run(List<Trial> trials, Events events) throws IOException;

  /** What an executor reports; the search serializes the calls. */
  interface Events {
    /** A trial began (optional: an executor that cannot tell need not call it). */
    void started(Trial trial);

    /** A trial ended; its line is appended to the results file before this returns. */
    void finished(TrialResult result) throws IOException;
  }
}
