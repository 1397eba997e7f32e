package dev.unroll.search;

/** How a trial ended. */
public enum TrialStatus {
  /** Trained every epoch of its stage. */
  COMPLETED,
  /** The trainer's patience ran out: validation accuracy stopped improving. */
  EARLY_STOPPED,
  /**
   * Stopped early by the trainer's guard: the loss passed 3x its starting value (or became NaN).
   * Not a candidate for the best config.
   */
  DIVERGED,
  /** The network factory or the trial function threw; the error is in the message. */
  FAILED
}
