package dev.unroll.runtime;

import dev.unroll.spec.Precision;

/**
 * A named 2-D array of a generated network, stored as row arrays (one {@code float[]} or {@code
 * double[]} per row, the layout C2 vectorizes), with its gradient where it has one. Exactly one of
 * the float or double pairs is non-null, by {@link #precision()}.
 */
public final class Tensor {
  /** What a tensor holds; tools use it to decide what to regularize, monitor or save. */
  public enum Role {
    /** A weight matrix, fan_in rows by fan_out columns; the only role L2 applies to. */
    WEIGHT,
    /** A bias row. */
    BIAS,
    /** Batch-norm scale. */
    GAMMA,
    /** Batch-norm shift. */
    BETA,
    /** PReLU's learned negative slope, one per unit. */
    ALPHA,
    /** Batch-norm running mean. */
    RUNNING_MEAN,
    /** Batch-norm running variance. */
    RUNNING_VAR,
    /** A layer's output for the last batch. */
    ACTIVATION
  }

  private final String name;
  private final Role role;
  private final int layer;
  private final float[][] f;
  private final float[][] gf;
  private final double[][] d;
  private final double[][] gd;

  private Tensor(String name, Role role, int layer, float[][] f, float[][] gf, double[][] d,
      double[][] gd) {
    this.name = name;
    this.role = role;
    this.layer = layer;
    this.f = f;
    this.gf = gf;
    this.d = d;
    this.gd = gd;
  }

  /** A float tensor; {@code grad} may be null. */
  public static Tensor of(String name, Role role, int layer, float[][] value, float[][] grad) {
    return new Tensor(name, role, layer, value, grad, null, null);
  }

  /** A double tensor; {@code grad} may be null. */
  public static Tensor of(String name, Role role, int layer, double[][] value, double[][] grad) {
    return new Tensor(name, role, layer, null, null, value, grad);
  }

  /** Name such as {@code layer1.W}. */
  public String name() {
    return name;
  }

  /** What the tensor holds. */
  public Role role() {
    return role;
  }

  /** 1-based layer index. */
  public int layer() {
    return layer;
  }

  /** Element type. */
  public Precision precision() {
    return f != null ? Precision.FLOAT : Precision.DOUBLE;
  }

  /** Number of rows. */
  public int rows() {
    return f != null ? f.length : d.length;
  }

  /** Number of columns. */
  public int cols() {
    return f != null ? f[0].length : d[0].length;
  }

  /** rows * cols. */
  public int size() {
    return rows() * cols();
  }

  /** Whether a gradient array exists. */
  public boolean hasGrad() {
    return gf != null || gd != null;
  }

  /** The float rows (null for a double tensor); writes go to the network. */
  public float[][] floats() {
    return f;
  }

  /** The float gradient rows, or null. */
  public float[][] floatGrads() {
    return gf;
  }

  /** The double rows (null for a float tensor); writes go to the network. */
  public double[][] doubles() {
    return d;
  }

  /** The double gradient rows, or null. */
  public double[][] doubleGrads() {
    return gd;
  }

  /** Element at row {@code r}, column {@code c}. */
  public double get(int r, int c) {
    return f != null ? f[r][c] : d[r][c];
  }

  /** Sets element at row {@code r}, column {@code c}. */
  public void set(int r, int c, double v) {
    if (f != null) {
      f[r][c] = (float) v;
    } else {
      d[r][c] = v;
    }
  }

  /** Gradient at row {@code r}, column {@code c}. */
  public double grad(int r, int c) {
    if (!hasGrad()) {
      throw new IllegalStateException(name + " has no gradient");
    }
    return gf != null ? gf[r][c] : gd[r][c];
  }

  /** Element {@code i} in row-major order. */
  public double get(int i) {
    return get(i / cols(), i % cols());
  }

  /** Sets element {@code i} in row-major order. */
  public void set(int i, double v) {
    set(i / cols(), i % cols(), v);
  }

  /** Gradient of element {@code i} in row-major order. */
  public double grad(int i) {
    return grad(i / cols(), i % cols());
  }

  /** The values in row-major order, as doubles. */
  public double[] toArray() {
    double[] out = new double[size()];
    int cols = cols();
    for (int r = 0; r < rows(); r++) {
      for (int c = 0; c < cols; c++) {
        out[r * cols + c] = get(r, c);
      }
    }
    return out;
  }

  /** Sets the values from row-major doubles. */
  public void setAll(double[] values) {
    if (values.length != size()) {
      throw new IllegalArgumentException(
          name + " has " + size() + " values (" + rows() + " x " + cols() + "), got "
              + values.length);
    }
    int cols = cols();
    for (int r = 0; r < rows(); r++) {
      for (int c = 0; c < cols; c++) {
        set(r, c, values[r * cols + c]);
      }
    }
  }

  @Override
  public String toString() {
    return name + " [" + rows() + " x " + cols() + ", " + role + "]";
  }
}
