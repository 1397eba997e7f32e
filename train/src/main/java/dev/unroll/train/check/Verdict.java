package dev.unroll.train.check;

/**
 * The outcome of one sanity check: whether it passed, what it saw (with the numbers) and what to
 * do when it failed.
 *
 * @param check the check's name, e.g. {@code initial loss}
 * @param passed whether the network behaved as the lecture says a healthy one does
 * @param saw what was measured, with the expected value
 * @param advice what to do about a failure; empty when the check passed
 */
public record Verdict(String check, boolean passed, String saw, String advice) {
  @Override
  public String toString() {
    return (passed ? "PASS " : "FAIL ") + check + ": " + saw
        + (advice.isEmpty() ? "" : "\n     what to do: " + advice);
  }
}
