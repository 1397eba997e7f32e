package dev.unroll.data;

import dev.unroll.runtime.Rng;
import java.util.Arrays;

/**
 * Stratified train/validation/test splits from a seed: every class is divided in the same
 * proportions, so a rare class appears in every part, and the same seed gives the same split on
 * every JDK (the randomness is {@link Rng}).
 */
public final class Splits {
  private Splits() {}

  /**
   * Splits {@code data} so each class contributes {@code round(n_c * trainFraction)} samples to
   * training, {@code round(n_c * validationFraction)} to validation and the rest to test. Within
   * each part the samples are in a seeded random order (not grouped by class). Rows are shared
   * with {@code data}.
   *
   * @param trainFraction share of each class for training, in (0, 1]
   * @param validationFraction share for validation, in [0, 1 - trainFraction]; the test part gets
   *     what is left
   * @throws IllegalArgumentException when the fractions are out of range
   */
  public static Split stratified(
      Dataset data, double trainFraction, double validationFraction, long seed) {
    if (!(trainFraction > 0 && trainFraction <= 1)) {
      throw new IllegalArgumentException("train fraction must be in (0, 1], got " + trainFraction);
    }
    if (!(validationFraction >= 0 && trainFraction + validationFraction <= 1 + 1e-9)) {
      throw new IllegalArgumentException("validation fraction must be in [0, 1 - train fraction]"
          + ", got " + validationFraction + " with train fraction " + trainFraction);
    }
    Rng rng = new Rng(seed);
    int classes = data.numClasses();
    // Sample indices grouped by class, in dataset order, so the draw below depends only on the
    // seed and the labels.
    int[] counts = data.classCounts();
    int[][] byClass = new int[classes][];
    int[] fill = new int[classes];
    for (int c = 0; c < classes; c++) {
      byClass[c] = new int[counts[c]];
    }
    for (int i = 0; i < data.size(); i++) {
      int c = data.label(i);
      byClass[c][fill[c]++] = i;
    }
    int[] train = new int[data.size()];
    int[] validation = new int[data.size()];
    int[] test = new int[data.size()];
    int nTrain = 0;
    int nValidation = 0;
    int nTest = 0;
    for (int c = 0; c < classes; c++) {
      int[] members = byClass[c];
      Dataset.shuffle(members, members.length, rng);
      int toTrain = (int) Math.round(members.length * trainFraction);
      int toValidation =
          Math.min(members.length - toTrain, (int) Math.round(members.length * validationFraction));
      for (int k = 0; k < members.length; k++) {
        if (k < toTrain) {
          train[nTrain++] = members[k];
        } else if (k < toTrain + toValidation) {
          validation[nValidation++] = members[k];
        } else {
          test[nTest++] = members[k];
        }
      }
    }
    return new Split(
        part(data, train, nTrain, rng),
        part(data, validation, nValidation, rng),
        part(data, test, nTest, rng));
  }

  /** Training and test parts only: {@code stratified(data, trainFraction, 0, seed)}. */
  public static Split trainTest(Dataset data, double trainFraction, long seed) {
    return stratified(data, trainFraction, 0, seed);
  }

  private static Dataset part(Dataset data, int[] indices, int n, Rng rng) {
    int[] chosen = Arrays.copyOf(indices, n);
    Dataset.shuffle(chosen, n, rng);
    return data.subset(chosen);
  }
}
