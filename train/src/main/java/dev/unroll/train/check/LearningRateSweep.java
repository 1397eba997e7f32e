package dev.unroll.train.check;

import java.util.List;

/**
 * The rows of a learning-rate sweep: each rate tried, the loss before and after a few steps, and
 * the lecture's reading of it.
 *
 * @param trials one per learning rate, ascending
 * @param low lowest rate that worked (NaN when none did)
 * @param high highest rate that worked (NaN when none did)
 */
public record LearningRateSweep(List<Trial> trials, double low, double high) {
  /** How one learning rate behaved. */
  public enum Outcome {
    /** The loss fell by less than the threshold: the rate is too low. */
    TOO_LOW,
    /** The loss fell clearly and stayed finite. */
    GOOD,
    /** The loss became NaN or infinite, or ended above where it started: too high. */
    TOO_HIGH
  }

  /**
   * One learning rate.
   *
   * @param learningRate the rate
   * @param startLoss loss before training
   * @param endLoss loss after the steps (NaN or infinite when it blew up)
   * @param outcome the reading
   */
  public record Trial(double learningRate, double startLoss, double endLoss, Outcome outcome) {
    @Override
    public String toString() {
      return String.format("lr %.0e: %.4f -> %.4g %s", learningRate, startLoss, endLoss,
          outcome.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
    }
  }

  /** Compact constructor: keeps an immutable copy. */
  public LearningRateSweep {
    trials = List.copyOf(trials);
  }
}
