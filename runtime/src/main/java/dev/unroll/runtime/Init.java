package dev.unroll.runtime;

/**
 * Weight filling called by generated constructors. Values are drawn in double and rounded once,
 * row by row, so a float and a double network of one spec and seed start from the same numbers.
 * Generated code passes the scale it computed at compile time (e.g. 1/sqrt(fan_in) for Xavier).
 */
public final class Init {
  private Init() {}

  /** w = std * N(0, 1). */
  public static void normal(float[][] w, Rng rng, double std) {
    for (float[] row : w) {
      for (int j = 0; j < row.length; j++) {
        row[j] = (float) (std * rng.gaussian());
      }
    }
  }

  /** w = std * N(0, 1). */
  public static void normal(double[][] w, Rng rng, double std) {
    for (double[] row : w) {
      for (int j = 0; j < row.length; j++) {
        row[j] = std * rng.gaussian();
      }
    }
  }

  /** w = U(-limit, limit). */
  public static void uniform(float[][] w, Rng rng, double limit) {
    for (float[] row : w) {
      for (int j = 0; j < row.length; j++) {
        row[j] = (float) rng.uniform(-limit, limit);
      }
    }
  }

  /** w = U(-limit, limit). */
  public static void uniform(double[][] w, Rng rng, double limit) {
    for (double[] row : w) {
      for (int j = 0; j < row.length; j++) {
        row[j] = rng.uniform(-limit, limit);
      }
    }
  }

  /** Every element set to {@code value}. */
  public static void fill(float[][] w, double value) {
    for (float[] row : w) {
      java.util.Arrays.fill(row, (float) value);
    }
  }

  /** Every element set to {@code value}. */
  public static void fill(double[][] w, double value) {
    for (double[] row : w) {
      java.util.Arrays.fill(row, value);
    }
  }

  /** Copies every row of {@code from} into {@code to} (same shape). */
  public static void copy(float[][] from, float[][] to) {
    for (int i = 0; i < from.length; i++) {
      System.arraycopy(from[i], 0, to[i], 0, from[i].length);
    }
  }

  /** Copies every row of {@code from} into {@code to} (same shape). */
  public static void copy(double[][] from, double[][] to) {
    for (int i = 0; i < from.length; i++) {
      System.arraycopy(from[i], 0, to[i], 0, from[i].length);
    }
  }
}
