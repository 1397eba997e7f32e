package dev.unroll.search;

/**
 * Where a search reports trials starting and ending. Calls come from the search threads, so an
 * implementation must be thread-safe. {@link #NONE} is silent (tests); {@link
 * ConsoleSearchProgress} draws a bar per stage with the trials running and the best so far.
 */
public interface SearchProgress {
  /** Reports nothing. */
  SearchProgress NONE = new SearchProgress() {};

  /**
   * Stage {@code stage} of {@code stages} begins with {@code trials} trials, {@code alreadyDone}
   * of them read from the results file and not run again.
   */
  default void stageStarted(int stage, int stages, Stage spec, int trials, int alreadyDone) {}

  /** A trial begins on some search thread. */
  default void trialStarted(Trial trial) {}

  /** A trial ended (and is in the results file). */
  default void trialFinished(TrialResult result) {}

  /** The stage's trials have all ended. */
  default void stageFinished(int stage) {}

  /** A line for the user, such as a skipped results-file line. */
  default void message(String text) {}
}
