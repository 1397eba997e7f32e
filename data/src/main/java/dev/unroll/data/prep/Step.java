package dev.unroll.data.prep;

/**
 * A preprocessing recipe before it has seen data, such as "zero-center" or "PCA to 50
 * components". {@link #fit} computes its statistics from training rows and returns the fitted
 * step, which is applied unchanged to every split. Make steps with {@link Steps}; chain them with
 * {@link Pipeline}.
 */
public interface Step {
  /**
   * Computes the statistics from {@code train} (rows are samples) in double precision.
   *
   * @throws IllegalArgumentException when {@code train} is empty, rows differ in length, or the
   *     step does not fit the data (a channel count that does not divide the features, more PCA
   *     components than features)
   */
  FittedStep fit(float[][] train);
}
