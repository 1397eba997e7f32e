package dev.unroll.train.check;

import java.util.List;

/**
 * The verdicts of {@link SanityChecks#runAll}, in the lecture's order, with the learning-rate sweep
 * that produced the last one.
 *
 * @param verdicts one per check
 * @param sweep the learning-rate sweep's rows (null when it was not run)
 */
public record SanityReport(List<Verdict> verdicts, LearningRateSweep sweep) {
  /** Compact constructor: keeps an immutable copy. */
  public SanityReport {
    verdicts = List.copyOf(verdicts);
  }

  /** Whether every check passed. */
  public boolean allPassed() {
    return verdicts.stream().allMatch(Verdict::passed);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("sanity checks:\n");
    for (Verdict v : verdicts) {
      sb.append("  ").append(v).append('\n');
    }
    return sb.toString();
  }
}
