package dev.unroll.data.prep;

import dev.unroll.data.io.NamedArray;
import java.util.List;
import java.util.Map;

/**
 * Standardization: {@code (x[j] - mean[g(j)]) / std[g(j)]}, so each feature (or each channel of
 * C x H x W rows) has zero mean and unit variance on the training data. {@code std} is the
 * population standard deviation {@code sqrt(sum (x - mean)^2 / n)}; a constant feature (std 0)
 * is only centered, divided by 1.
 *
 * <p>Statistics: {@code mean} and {@code std} (F64, one per feature or per channel). Settings:
 * {@code features}, and {@code channels} when per channel.
 */
public final class Standardization implements FittedStep {
  /** Kind name in files. */
  public static final String KIND = "standardize";

  private final int features;
  private final boolean perChannel;
  private final double[] mean;
  private final double[] std;
  private final int groupSize;

  /**
   * A standardization with known statistics.
   *
   * @param features input features per row
   * @param perChannel whether the statistics are per channel rather than per feature
   * @param mean the values to subtract; held, not copied
   * @param std the standard deviations (0 means divide by 1); held, not copied
   */
  public Standardization(int features, boolean perChannel, double[] mean, double[] std) {
    if (mean.length != std.length || (!perChannel && mean.length != features)) {
      throw new IllegalArgumentException("standardization of " + features + " features got "
          + mean.length + " means and " + std.length + " deviations");
    }
    this.features = features;
    this.perChannel = perChannel;
    this.mean = mean;
    this.std = std;
    this.groupSize = Moments.groupSize(features, mean.length);
  }

  /** Fits per-feature statistics. */
  static Standardization fit(float[][] train) {
    int d = Moments.width(train);
    double[] mean = Moments.mean(train, d);
    return new Standardization(d, false, mean, Moments.std(train, mean));
  }

  /** Fits per-channel statistics of channel-major rows, over samples x H x W values each. */
  static Standardization fitPerChannel(float[][] train, int channels) {
    int d = Moments.width(train);
    double[] mean = Moments.mean(train, channels);
    return new Standardization(d, true, mean, Moments.std(train, mean));
  }

  /** The subtracted means (the array itself). */
  public double[] mean() {
    return mean;
  }

  /** The population standard deviations (the array itself). */
  public double[] std() {
    return std;
  }

  /** Whether the statistics are per channel. */
  public boolean perChannel() {
    return perChannel;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public int inputSize() {
    return features;
  }

  @Override
  public int outputSize() {
    return features;
  }

  @Override
  public void apply(float[] in, float[] out) {
    Checks.row(this, in, out);
    for (int j = 0; j < features; j++) {
      int g = j / groupSize;
      double s = std[g] > 0 ? std[g] : 1;
      out[j] = (float) ((in[j] - mean[g]) / s);
    }
  }

  @Override
  public List<NamedArray> statistics() {
    return List.of(NamedArray.vector("mean", mean), NamedArray.vector("std", std));
  }

  @Override
  public Map<String, String> settings() {
    return Checks.settings(features, perChannel ? mean.length : 0);
  }

  static Standardization restore(Map<String, String> settings, Map<String, NamedArray> stats) {
    return new Standardization(Checks.intSetting(settings, "features"),
        settings.containsKey("channels"), Checks.stat(stats, "mean"),
        Checks.stat(stats, "std"));
  }
}
