package dev.unroll.data.prep;

import java.util.function.Function;

/**
 * The lecture's preprocessing steps, unfitted. Combine them with {@link Pipeline#of}:
 *
 * <pre>{@code
 * FittedPipeline prep = Pipeline.of(Steps.center(), Steps.pca(100)).fit(split.train().x());
 * Dataset train = prep.apply(split.train());
 * Dataset validation = prep.apply(split.validation());   // the training statistics, unchanged
 * }</pre>
 */
public final class Steps {
  private Steps() {}

  /** A step made of a description and a fitting function. */
  private record Named(String description, Function<float[][], FittedStep> fitter)
      implements Step {
    @Override
    public FittedStep fit(float[][] train) {
      return fitter.apply(train);
    }

    @Override
    public String toString() {
      return description;
    }
  }

  /** Subtract the per-feature training mean (the "mean image"). */
  public static Step center() {
    return new Named("center", MeanCentering::fit);
  }

  /**
   * Subtract one training mean per channel of channel-major C x H x W rows (3 numbers for RGB).
   */
  public static Step centerPerChannel(int channels) {
    return new Named("center per channel (" + channels + ")",
        x -> MeanCentering.fitPerChannel(x, channels));
  }

  /** Subtract the per-feature mean and divide by the per-feature standard deviation. */
  public static Step standardize() {
    return new Named("standardize", Standardization::fit);
  }

  /** Standardize with one mean and one deviation per channel of C x H x W rows. */
  public static Step standardizePerChannel(int channels) {
    return new Named("standardize per channel (" + channels + ")",
        x -> Standardization.fitPerChannel(x, channels));
  }

  /** PCA keeping the {@code k} components of largest variance (decorrelates, reduces to k). */
  public static Step pca(int k) {
    requirePositive(k);
    return new Named("pca " + k, x -> Pca.fit(x, k, 1, false, 0));
  }

  /** PCA keeping the fewest components that explain at least {@code fraction} of the variance. */
  public static Step pcaVariance(double fraction) {
    requireFraction(fraction);
    return new Named("pca " + fraction + " of variance", x -> Pca.fit(x, 0, fraction, false, 0));
  }

  /** PCA to {@code k} components, whitened with the lecture's eps 1e-5. */
  public static Step whiten(int k) {
    return whiten(k, Pca.DEFAULT_EPS);
  }

  /** PCA to {@code k} components, each divided by {@code sqrt(eigenvalue + eps)}. */
  public static Step whiten(int k, double eps) {
    requirePositive(k);
    return new Named("whiten " + k + " eps " + eps, x -> Pca.fit(x, k, 1, true, eps));
  }

  /** Whitening of the fewest components that explain {@code fraction} of the variance. */
  public static Step whitenVariance(double fraction, double eps) {
    requireFraction(fraction);
    return new Named("whiten " + fraction + " of variance eps " + eps,
        x -> Pca.fit(x, 0, fraction, true, eps));
  }

  private static void requirePositive(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("PCA must keep at least 1 component, got " + k);
    }
  }

  private static void requireFraction(double fraction) {
    if (!(fraction > 0 && fraction <= 1)) {
      throw new IllegalArgumentException("explained variance fraction must be in (0, 1], got "
          + fraction);
    }
  }
}
