package dev.unroll.data;

import dev.unroll.runtime.Rng;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Samples in memory as the generated networks take them: one {@code float[]} row of features per
 * sample ({@code Model.forward(float[][] x, int n)}) and one integer label in {@code [0,
 * numClasses())} per sample, with the class names when the source had them.
 *
 * <p>A dataset is immutable in shape and its views share rows: {@link #subset}, {@link #shuffled}
 * and the splits of {@link Splits} reorder references to the same {@code float[]} rows without
 * copying them, so treat rows as read-only. Preprocessing never writes into them; it returns new
 * rows through {@link #withFeatures}.
 *
 * <p>Images keep their shape ({@link #shape()}: channels, height, width), as the loaders of
 * MNIST and CIFAR-10 set it; a row is then channel after channel, each channel row after row,
 * the input order of a conv network ({@code @Network(shape = ...)}). Views and new features of
 * the same width keep it.
 */
public final class Dataset {
  private final float[][] x;
  private final int[] y;
  private final int features;
  private final int numClasses;
  private final List<String> classNames;
  private final int[] shape;

  private Dataset(float[][] x, int[] y, int numClasses, List<String> classNames, int[] shape) {
    this.x = x;
    this.y = y;
    this.features = x.length == 0 ? 0 : x[0].length;
    this.numClasses = numClasses;
    this.classNames = classNames;
    this.shape = shape;
  }

  /**
   * A dataset without class names; the number of classes is the largest label plus one.
   *
   * @throws IllegalArgumentException when the counts differ, rows differ in length, or a label is
   *     negative
   */
  public static Dataset of(float[][] x, int[] y) {
    int max = -1;
    for (int label : y) {
      max = Math.max(max, label);
    }
    return create(x, y, max + 1, List.of());
  }

  /**
   * A dataset without class names with {@code numClasses} classes, some of which may have no
   * sample (a declared count).
   *
   * @throws IllegalArgumentException when a label is outside {@code [0, numClasses)}, or as
   *     {@link #of(float[][], int[])}
   */
  public static Dataset of(float[][] x, int[] y, int numClasses) {
    return create(x, y, numClasses, List.of());
  }

  /**
   * A dataset with class names; label {@code c} is {@code classNames.get(c)}.
   *
   * @throws IllegalArgumentException when a label is outside {@code [0, classNames.size())}, or as
   *     {@link #of(float[][], int[])}
   */
  public static Dataset of(float[][] x, int[] y, List<String> classNames) {
    return create(x, y, classNames.size(), List.copyOf(classNames));
  }

  private static Dataset create(float[][] x, int[] y, int numClasses, List<String> names) {
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(y, "y");
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "features have " + x.length + " rows but there are " + y.length + " labels");
    }
    int width = x.length == 0 ? 0 : x[0].length;
    for (int i = 0; i < x.length; i++) {
      if (x[i] == null || x[i].length != width) {
        throw new IllegalArgumentException("row " + i + " has "
            + (x[i] == null ? "no array" : x[i].length + " features") + ", row 0 has " + width);
      }
      if (y[i] < 0 || y[i] >= numClasses) {
        throw new IllegalArgumentException("label of row " + i + " is " + y[i]
            + ", outside [0, " + numClasses + ")");
      }
    }
    return new Dataset(x, y, numClasses, names, NO_SHAPE);
  }

  private static final int[] NO_SHAPE = new int[0];

  /**
   * The same samples as images of {@code channels x height x width}.
   *
   * @throws IllegalArgumentException when a size is not positive or their product is not the
   *     number of features
   */
  public Dataset withShape(int channels, int height, int width) {
    if (channels <= 0 || height <= 0 || width <= 0
        || (long) channels * height * width != features) {
      throw new IllegalArgumentException("shape " + channels + "x" + height + "x" + width
          + " does not fit rows of " + features + " features");
    }
    return new Dataset(x, y, numClasses, classNames, new int[] {channels, height, width});
  }

  /** {@code {channels, height, width}} of image samples, or an empty array for other data. */
  public int[] shape() {
    return shape.clone();
  }

  /**
   * This dataset, after checking that every feature is finite.
   *
   * @throws IllegalArgumentException naming the row and column of the first NaN or infinite
   *     value
   */
  public Dataset requireFinite() {
    Finite.check(x, "features");
    return this;
  }

  /** Number of samples. */
  public int size() {
    return x.length;
  }

  /** Number of features per sample (the network's {@code inputs()}). */
  public int features() {
    return features;
  }

  /** Number of classes: the class names' count, or the largest label plus one. */
  public int numClasses() {
    return numClasses;
  }

  /** Class names indexed by label, or an empty list when the source had none. */
  public List<String> classNames() {
    return classNames;
  }

  /** The name of class {@code c}, or its number as text when there are no names. */
  public String className(int c) {
    return classNames.isEmpty() ? Integer.toString(c) : classNames.get(c);
  }

  /** The feature rows themselves (not a copy): pass them to {@code Model.forward}. */
  public float[][] x() {
    return x;
  }

  /** The labels themselves (not a copy). */
  public int[] y() {
    return y;
  }

  /** Features of sample {@code i} (the row itself). */
  public float[] row(int i) {
    return x[i];
  }

  /** Label of sample {@code i}. */
  public int label(int i) {
    return y[i];
  }

  /** How many samples each class has, indexed by label. */
  public int[] classCounts() {
    int[] counts = new int[numClasses];
    for (int label : y) {
      counts[label]++;
    }
    return counts;
  }

  /** The samples at {@code indices}, in that order, sharing rows with this dataset. */
  public Dataset subset(int[] indices) {
    float[][] sx = new float[indices.length][];
    int[] sy = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      sx[i] = x[indices[i]];
      sy[i] = y[indices[i]];
    }
    return new Dataset(sx, sy, numClasses, classNames, shape);
  }

  /** The first {@code n} samples (or all when there are fewer), sharing rows. */
  public Dataset head(int n) {
    int m = Math.min(n, size());
    return new Dataset(Arrays.copyOf(x, m), Arrays.copyOf(y, m), numClasses, classNames,
        shape);
  }

  /** The samples in an order drawn from {@code seed}; the same seed gives the same order. */
  public Dataset shuffled(long seed) {
    return subset(permutation(size(), new Rng(seed)));
  }

  /**
   * New features for the same samples, labels and class names, for example the output of a
   * fitted preprocessing step.
   *
   * @throws IllegalArgumentException when the row count differs
   */
  public Dataset withFeatures(float[][] newX) {
    if (newX.length != x.length) {
      throw new IllegalArgumentException(
          "new features have " + newX.length + " rows, the dataset has " + x.length);
    }
    Dataset d = create(newX, y, numClasses, classNames);
    return shape.length == 3 && d.features == features
        ? new Dataset(d.x, d.y, numClasses, classNames, shape) : d;
  }

  /** The identity permutation of {@code n} shuffled by Fisher-Yates with {@code rng}. */
  static int[] permutation(int n, Rng rng) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    shuffle(order, n, rng);
    return order;
  }

  /** Fisher-Yates over the first {@code n} entries, in place: swap i with a uniform j <= i. */
  static void shuffle(int[] a, int n, Rng rng) {
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  @Override
  public String toString() {
    return "Dataset[" + size() + " samples x " + features + " features"
        + (shape.length == 3 ? " (" + shape[0] + "x" + shape[1] + "x" + shape[2] + ")" : "")
        + ", " + numClasses
        + " classes" + (classNames.isEmpty() ? "" : " " + classNames) + "]";
  }
}
