package dev.unroll.data.io;

import java.util.Arrays;
import java.util.Objects;

/**
 * A named tensor: a flat row-major {@code float[]} or {@code double[]} with its shape, the unit a
 * safetensors file stores. A scalar has shape {@code []} and one element.
 *
 * <p>The array is held, not copied; do not change it while a file is being written from it.
 * Factories that take row arrays ({@link #ofRows(String, float[][])}) copy them into one flat
 * array.
 */
public final class NamedArray {
  private final String name;
  private final Dtype dtype;
  private final int[] shape;
  private final float[] floats;
  private final double[] doubles;

  private NamedArray(String name, Dtype dtype, int[] shape, float[] floats, double[] doubles) {
    this.name = Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a tensor name must not be empty");
    }
    this.dtype = dtype;
    this.shape = shape.clone();
    this.floats = floats;
    this.doubles = doubles;
    long count = elementCount(this.shape);
    int length = floats != null ? floats.length : doubles.length;
    if (count != length) {
      throw new IllegalArgumentException("tensor '" + name + "': shape " + Arrays.toString(shape)
          + " has " + count + " elements but the array has " + length);
    }
  }

  /** An F32 tensor of the given shape over {@code data} (row-major). */
  public static NamedArray of(String name, float[] data, int... shape) {
    return new NamedArray(name, Dtype.F32, shape, Objects.requireNonNull(data, "data"), null);
  }

  /** An F64 tensor of the given shape over {@code data} (row-major). */
  public static NamedArray of(String name, double[] data, int... shape) {
    return new NamedArray(name, Dtype.F64, shape, null, Objects.requireNonNull(data, "data"));
  }

  /** A 1-D F32 tensor. */
  public static NamedArray vector(String name, float[] data) {
    return of(name, data, data.length);
  }

  /** A 1-D F64 tensor. */
  public static NamedArray vector(String name, double[] data) {
    return of(name, data, data.length);
  }

  /** A 2-D F32 tensor copied from equal-length rows. */
  public static NamedArray ofRows(String name, float[][] rows) {
    int cols = rows.length == 0 ? 0 : rows[0].length;
    float[] flat = new float[rows.length * cols];
    for (int i = 0; i < rows.length; i++) {
      checkRow(name, rows[i].length, cols, i);
      System.arraycopy(rows[i], 0, flat, i * cols, cols);
    }
    return of(name, flat, rows.length, cols);
  }

  /** A 2-D F64 tensor copied from equal-length rows. */
  public static NamedArray ofRows(String name, double[][] rows) {
    int cols = rows.length == 0 ? 0 : rows[0].length;
    double[] flat = new double[rows.length * cols];
    for (int i = 0; i < rows.length; i++) {
      checkRow(name, rows[i].length, cols, i);
      System.arraycopy(rows[i], 0, flat, i * cols, cols);
    }
    return of(name, flat, rows.length, cols);
  }

  private static void checkRow(String name, int length, int cols, int i) {
    if (length != cols) {
      throw new IllegalArgumentException(
          "tensor '" + name + "': row " + i + " has " + length + " values, row 0 has " + cols);
    }
  }

  /** Product of the dimensions; 1 for a scalar. */
  static long elementCount(int[] shape) {
    long count = 1;
    for (int d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
      }
      count *= d;
    }
    return count;
  }

  /** The tensor's name, unique within a file. */
  public String name() {
    return name;
  }

  /** The element type. */
  public Dtype dtype() {
    return dtype;
  }

  /** The dimensions (a copy). */
  public int[] shape() {
    return shape.clone();
  }

  /** Number of elements. */
  public int size() {
    return floats != null ? floats.length : doubles.length;
  }

  /** Number of bytes the data takes in a file. */
  public long byteSize() {
    return (long) size() * dtype.bytes();
  }

  /**
   * The F32 data itself.
   *
   * @throws IllegalStateException when the tensor is F64
   */
  public float[] floats() {
    if (floats == null) {
      throw new IllegalStateException("tensor '" + name + "' is " + dtype + ", not F32");
    }
    return floats;
  }

  /**
   * The F64 data itself.
   *
   * @throws IllegalStateException when the tensor is F32
   */
  public double[] doubles() {
    if (doubles == null) {
      throw new IllegalStateException("tensor '" + name + "' is " + dtype + ", not F64");
    }
    return doubles;
  }

  /** The data as a new {@code double[]}, widening F32 values exactly. */
  public double[] toDoubles() {
    if (doubles != null) {
      return doubles.clone();
    }
    double[] out = new double[floats.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = floats[i];
    }
    return out;
  }

  /**
   * A 2-D tensor as new row arrays.
   *
   * @throws IllegalStateException when the tensor is not 2-D F32
   */
  public float[][] toFloatRows() {
    int[] rc = rowsCols();
    float[] data = floats();
    float[][] rows = new float[rc[0]][];
    for (int i = 0; i < rc[0]; i++) {
      rows[i] = Arrays.copyOfRange(data, i * rc[1], (i + 1) * rc[1]);
    }
    return rows;
  }

  /**
   * A 2-D tensor as new row arrays.
   *
   * @throws IllegalStateException when the tensor is not 2-D F64
   */
  public double[][] toDoubleRows() {
    int[] rc = rowsCols();
    double[] data = doubles();
    double[][] rows = new double[rc[0]][];
    for (int i = 0; i < rc[0]; i++) {
      rows[i] = Arrays.copyOfRange(data, i * rc[1], (i + 1) * rc[1]);
    }
    return rows;
  }

  private int[] rowsCols() {
    if (shape.length != 2) {
      throw new IllegalStateException(
          "tensor '" + name + "' has shape " + Arrays.toString(shape) + ", not 2-D");
    }
    return shape;
  }

  /** Same name, type, shape and bit-identical elements. */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof NamedArray)) {
      return false;
    }
    NamedArray other = (NamedArray) o;
    return name.equals(other.name)
        && dtype == other.dtype
        && Arrays.equals(shape, other.shape)
        && Arrays.equals(floats, other.floats)
        && Arrays.equals(doubles, other.doubles);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, dtype, Arrays.hashCode(shape), Arrays.hashCode(floats),
        Arrays.hashCode(doubles));
  }

  @Override
  public String toString() {
    return name + " " + dtype + Arrays.toString(shape);
  }
}
