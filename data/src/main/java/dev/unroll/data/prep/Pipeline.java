package dev.unroll.data.prep;

import java.util.List;

/**
 * Preprocessing steps in order, fitted together on training rows: each step is fitted on the
 * training data as the steps before it left it, so {@code center, pca} computes the PCA of the
 * centered data. The result, a {@link FittedPipeline}, applies the same arithmetic to every split
 * and can be saved for inference.
 */
public final class Pipeline {
  private final List<Step> steps;

  private Pipeline(List<Step> steps) {
    this.steps = steps;
  }

  /** The steps, applied in the order given. */
  public static Pipeline of(Step... steps) {
    return new Pipeline(List.of(steps));
  }

  /** The steps, applied in the order given. */
  public static Pipeline of(List<Step> steps) {
    return new Pipeline(List.copyOf(steps));
  }

  /** The unfitted steps. */
  public List<Step> steps() {
    return steps;
  }

  /**
   * Fits every step on {@code train} only (rows are samples). Pass the training split's rows and
   * never the validation or test rows: their statistics must not leak into preprocessing.
   *
   * @throws IllegalArgumentException when the data is empty or a step does not fit it
   */
  public FittedPipeline fit(float[][] train) {
    FittedStep[] fitted = new FittedStep[steps.size()];
    float[][] x = train;
    for (int i = 0; i < fitted.length; i++) {
      fitted[i] = steps.get(i).fit(x);
      if (i + 1 < fitted.length) {
        x = fitted[i].apply(x);
      }
    }
    return new FittedPipeline(List.of(fitted), train.length == 0 ? 0 : train[0].length);
  }

  @Override
  public String toString() {
    return "Pipeline" + steps;
  }
}
