package dev.unroll.data.prep;

import dev.unroll.data.Dataset;
import dev.unroll.data.io.NamedArray;
import java.util.List;
import java.util.Map;

/**
 * A preprocessing step with its statistics fixed by {@link Step#fit}: the same arithmetic on
 * every row, whichever split it comes from. Its statistics are named arrays ({@link
 * #statistics()}) and its options strings ({@link #settings()}), which is all {@link
 * FittedPipeline#save} needs to restore it bit for bit.
 */
public interface FittedStep {
  /** The step's kind as stored in files, such as {@code center} or {@code pca}. */
  String kind();

  /** Features per input row. */
  int inputSize();

  /** Features per output row (fewer than the input for PCA keeping k components). */
  int outputSize();

  /**
   * Transforms one row into {@code out}, computing in double and rounding once to float.
   *
   * @throws IllegalArgumentException when {@code in} does not have {@link #inputSize()} values or
   *     {@code out} not {@link #outputSize()}
   */
  void apply(float[] in, float[] out);

  /** Transforms every row into new arrays; {@code x} is not changed. */
  default float[][] apply(float[][] x) {
    float[][] out = new float[x.length][outputSize()];
    for (int i = 0; i < x.length; i++) {
      apply(x[i], out[i]);
    }
    return out;
  }

  /** The dataset with transformed features and the same labels. */
  default Dataset apply(Dataset data) {
    return data.withFeatures(apply(data.x()));
  }

  /** The fitted statistics, each F64, named as in the class comment of each step. */
  List<NamedArray> statistics();

  /** Options that are not statistics (channel count, epsilon, whether to whiten), as text. */
  Map<String, String> settings();
}
