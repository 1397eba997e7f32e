package dev.unroll.data.prep;

import dev.unroll.data.io.NamedArray;
import java.util.List;
import java.util.Map;

/**
 * Zero-centering: {@code x[j] - mean[g(j)]}. Per feature ({@code g(j) = j}) the statistic is the
 * "mean image" AlexNet subtracts; per channel of C x H x W rows ({@code g(j) = j / (H*W)}) it is
 * C numbers, the 3 RGB means VGG subtracts.
 *
 * <p>Statistics: {@code mean} (F64, one per feature or per channel). Settings: {@code features},
 * and {@code channels} when per channel.
 */
public final class MeanCentering implements FittedStep {
  /** Kind name in files. */
  public static final String KIND = "center";

  private final int features;
  private final boolean perChannel;
  private final double[] mean;
  private final int groupSize;

  /**
   * A centering with known means.
   *
   * @param features input features per row
   * @param perChannel whether {@code mean} has one value per channel rather than per feature
   * @param mean the values to subtract; held, not copied
   */
  public MeanCentering(int features, boolean perChannel, double[] mean) {
    if (!perChannel && mean.length != features) {
      throw new IllegalArgumentException(
          "per-feature centering of " + features + " features needs " + features
              + " means, got " + mean.length);
    }
    this.features = features;
    this.perChannel = perChannel;
    this.mean = mean;
    this.groupSize = Moments.groupSize(features, mean.length);
  }

  /** Fits per-feature means (the mean image). */
  static MeanCentering fit(float[][] train) {
    int d = Moments.width(train);
    return new MeanCentering(d, false, Moments.mean(train, d));
  }

  /** Fits one mean per channel of channel-major rows. */
  static MeanCentering fitPerChannel(float[][] train, int channels) {
    int d = Moments.width(train);
    return new MeanCentering(d, true, Moments.mean(train, channels));
  }

  /** The subtracted means (the array itself). */
  public double[] mean() {
    return mean;
  }

  /** Whether there is one mean per channel. */
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
      out[j] = (float) (in[j] - mean[j / groupSize]);
    }
  }

  @Override
  public List<NamedArray> statistics() {
    return List.of(NamedArray.vector("mean", mean));
  }

  @Override
  public Map<String, String> settings() {
    return Checks.settings(features, perChannel ? mean.length : 0);
  }

  static MeanCentering restore(Map<String, String> settings, Map<String, NamedArray> stats) {
    int features = Checks.intSetting(settings, "features");
    return new MeanCentering(features, settings.containsKey("channels"),
        Checks.stat(stats, "mean"));
  }
}
