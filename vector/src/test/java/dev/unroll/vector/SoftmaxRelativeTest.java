package dev.unroll.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code softmaxRelativeTransposed} against the textbook formula in double, shifted by each
 * sample's max: on blocks of samples whose relative scores are small (no shift, the last class's
 * e^0 exactly 1) and on blocks holding one score above {@code UNSHIFTED}, where an unshifted exp
 * would overflow float (that sample is shifted); the padding lanes of the gradient are zero and
 * a NaN score makes the loss NaN.
 */
class SoftmaxRelativeTest {
  /** The score of one sample that sends its block down the shifted path, per precision. */
  private static final double FLOAT_LARGE = 2 * FloatKernels.UNSHIFTED;
  private static final double DOUBLE_LARGE = 2 * DoubleKernels.UNSHIFTED;

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 8})
  void floatMatchesTheShiftedFormula(int classes) {
    floatMatchesTheShiftedFormula(classes, true);
    floatMatchesTheShiftedFormula(classes, false);
  }

  private static void floatMatchesTheShiftedFormula(int classes, boolean vectors) {
    int lanes = FloatKernels.species().length();
    int n = 3 * lanes + 5;
    double[][] s = scores(classes, n, classes, FLOAT_LARGE, lanes);
    int[] y = labels(classes, n);
    int np = FloatKernels.padded(n);
    float[][] st = new float[classes][np];
    for (int c = 0; c < classes; c++) {
      for (int i = 0; i < n; i++) {
        st[c][i] = (float) s[c][i];
      }
    }
    float[][] dt = filled(classes, np, 7);
    double total = TwoPaths.softmaxRelativeTransposed(vectors, st, y, dt, n,
        new float[classes + 2][np]);
    double[][] want = new double[classes][n];
    double wantTotal = reference(st, y, n, want);
    assertEquals(wantTotal, total, 1e-5 * Math.abs(wantTotal), "loss");
    for (int c = 0; c < classes; c++) {
      for (int i = 0; i < np; i++) {
        double w = i < n ? want[c][i] : 0;
        assertEquals(w, dt[c][i], 1e-6 / n, "gradient of class " + c + ", sample " + i);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 8})
  void doubleMatchesTheShiftedFormula(int classes) {
    doubleMatchesTheShiftedFormula(classes, true);
    doubleMatchesTheShiftedFormula(classes, false);
  }

  private static void doubleMatchesTheShiftedFormula(int classes, boolean vectors) {
    int lanes = DoubleKernels.species().length();
    int n = 3 * lanes + 3;
    double[][] s = scores(classes, n, classes, DOUBLE_LARGE, lanes);
    int[] y = labels(classes, n);
    int np = DoubleKernels.padded(n);
    double[][] st = new double[classes][np];
    for (int c = 0; c < classes; c++) {
      System.arraycopy(s[c], 0, st[c], 0, n);
    }
    double[][] dt = new double[classes][np];
    for (double[] row : dt) {
      java.util.Arrays.fill(row, 7);
    }
    double total = TwoPaths.softmaxRelativeTransposed(vectors, st, y, dt, n,
        new double[classes + 2][np]);
    double[][] want = new double[classes][n];
    double wantTotal = reference(st, y, n, want);
    assertEquals(wantTotal, total, 1e-12 * Math.abs(wantTotal), "loss");
    for (int c = 0; c < classes; c++) {
      for (int i = 0; i < np; i++) {
        double w = i < n ? want[c][i] : 0;
        assertEquals(w, dt[c][i], 1e-14, "gradient of class " + c + ", sample " + i);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aNaNScoreMakesTheLossNaN(boolean large) {
    aNaNScoreMakesTheLossNaN(large, true);
    aNaNScoreMakesTheLossNaN(large, false);
  }

  private static void aNaNScoreMakesTheLossNaN(boolean large, boolean vectors) {
    int lanes = FloatKernels.species().length();
    int n = 2 * lanes;
    float[][] st = new float[3][n];
    st[0][lanes + 1] = Float.NaN;
    if (large) {
      st[1][lanes + 2] = (float) FLOAT_LARGE;
    }
    float[][] dt = new float[3][n];
    double total = TwoPaths.softmaxRelativeTransposed(vectors, st, new int[n], dt, n,
        new float[5][n]);
    assertTrue(Double.isNaN(total), "loss " + total);
  }

  /**
   * Relative scores in [-4, 4), the last row zero; in the second block one score of {@code
   * large} and in the third one of {@code -large}.
   */
  private static double[][] scores(int classes, int n, long seed, double large, int lanes) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] s = new double[classes][n];
    for (int c = 0; c < classes - 1; c++) {
      for (int i = 0; i < n; i++) {
        s[c][i] = rng.nextDouble(-4, 4);
      }
    }
    s[0][lanes + 3] = large;
    s[classes - 2][2 * lanes + 1] = -large;
    return s;
  }

  private static int[] labels(int classes, int n) {
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = (i * 7 + 3) % classes;
    }
    // the sample with the large score is labelled with another class: a large loss
    y[FloatKernels.species().length() + 3] = classes - 1;
    return y;
  }

  private static float[][] filled(int rows, int cols, float value) {
    float[][] a = new float[rows][cols];
    for (float[] row : a) {
      java.util.Arrays.fill(row, value);
    }
    return a;
  }

  private static double reference(float[][] st, int[] y, int n, double[][] grad) {
    double[][] s = new double[st.length][n];
    for (int c = 0; c < st.length; c++) {
      for (int i = 0; i < n; i++) {
        s[c][i] = st[c][i];
      }
    }
    return reference(s, y, n, grad);
  }

  /** sum_i (log sum_c e^(s_c - m) + m - s_y) and (p_c - [c == y]) / n, m the sample's max. */
  private static double reference(double[][] s, int[] y, int n, double[][] grad) {
    int classes = s.length;
    double total = 0;
    for (int i = 0; i < n; i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < classes; c++) {
        max = Math.max(max, s[c][i]);
      }
      double sum = 0;
      for (int c = 0; c < classes; c++) {
        sum += Math.exp(s[c][i] - max);
      }
      for (int c = 0; c < classes; c++) {
        grad[c][i] = (Math.exp(s[c][i] - max) / sum - (c == y[i] ? 1 : 0)) / n;
      }
      total += Math.log(sum) + max - s[y[i]][i];
    }
    return total;
  }
}
