package dev.unroll.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The matrix kernels (product, the product with its second factor transposed, the flat
 * one-row product of evaluation, the weight gradient) against plain loops in double, on shapes
 * that reach every path: rows in
 * groups of 4 and 8 and the rows left over, whole 4-vector strips, and narrow column ranges
 * (a few columns, a vector and a bit, just under a strip) that take the tail kernels; column
 * ranges that start past 0, as the threads' pieces do. Each through the vector path and the
 * scalar fallback, which must give the products bit for bit: the kernels switch from one to the
 * other during a run.
 */
class ProductTest {
  @ParameterizedTest(name = "n={0} k={1} cols [{2}, {3})")
  @CsvSource({"37, 21, 0, 10", "9, 40, 0, 70", "4, 5, 0, 1", "8, 16, 64, 145", "3, 13, 0, 70",
      "1, 7, 0, 33", "16, 33, 0, 128", "12, 9, 64, 127"})
  void floatKernelsMatchPlainLoops(int n, int k, int j0, int j1) {
    floatKernelsMatchPlainLoops(n, k, j0, j1, true);
    floatKernelsMatchPlainLoops(n, k, j0, j1, false);
  }

  private static void floatKernelsMatchPlainLoops(int n, int k, int j0, int j1,
      boolean vectors) {
    SplittableRandom rng = new SplittableRandom(n * 131 + k);
    int cols = j0 == 0 ? j1 : j1 + 3; // rows ending at j1, as a narrow head's do, or past it
    float[][] a = floats(rng, n, k);
    float[][] b = floats(rng, k, cols);
    float[][] c = floats(rng, n, cols);
    float[][] c0 = copy(c);
    TwoPaths.product(vectors, a, b, c, n, k, j0, j1);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < cols; j++) {
        double want = c0[i][j];
        if (j >= j0 && j < j1) {
          for (int m = 0; m < k; m++) {
            want += (double) a[i][m] * b[m][j];
          }
        }
        assertEquals(want, c[i][j], 1e-5 * k, "product [" + i + "][" + j + "]");
      }
    }
    // the same product with b given transposed
    float[][] bt = new float[cols][k];
    for (int m = 0; m < k; m++) {
      for (int j = 0; j < cols; j++) {
        bt[j][m] = b[m][j];
      }
    }
    float[][] ct = copy(c0);
    TwoPaths.productTransposed(vectors, a, bt, ct, n, k, j0, j1);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < cols; j++) {
        assertEquals(c[i][j], ct[i][j], 1e-5 * k, "product of bt [" + i + "][" + j + "]");
      }
    }
    // evaluation of up to 3 rows from the flat copy, its padded tail included
    float[] flat = new float[FloatKernels.flatSize(k, cols)];
    FloatKernels.flatten(b, flat);
    float[][] cf = copy(c0);
    int few = Math.min(n, 3);
    TwoPaths.productFlat(vectors, a, b, flat, cf, few, k, j0, j1);
    for (int i = 0; i < few; i++) {
      for (int j = 0; j < cols; j++) {
        assertEquals(c[i][j], cf[i][j], 1e-5 * k, "flat product [" + i + "][" + j + "]");
      }
    }
    float[][] d = floats(rng, n, cols);
    float[][] g = floats(rng, k, cols);
    float[][] g0 = copy(g);
    float reg = 0.25f;
    TwoPaths.weightGradient(vectors, a, d, b, g, reg, n, k, j0, j1);
    for (int m = 0; m < k; m++) {
      for (int j = 0; j < cols; j++) {
        double want = g0[m][j];
        if (j >= j0 && j < j1) {
          want = reg * b[m][j];
          for (int i = 0; i < n; i++) {
            want += (double) a[i][m] * d[i][j];
          }
        }
        assertEquals(want, g[m][j], 1e-5 * n, "weight gradient [" + m + "][" + j + "]");
      }
    }
  }

  @ParameterizedTest(name = "n={0} k={1} cols [{2}, {3})")
  @CsvSource({"37, 21, 0, 10", "9, 40, 0, 70", "4, 5, 0, 1", "8, 16, 64, 145", "3, 13, 0, 33"})
  void doubleKernelsMatchPlainLoops(int n, int k, int j0, int j1) {
    doubleKernelsMatchPlainLoops(n, k, j0, j1, true);
    doubleKernelsMatchPlainLoops(n, k, j0, j1, false);
  }

  private static void doubleKernelsMatchPlainLoops(int n, int k, int j0, int j1,
      boolean vectors) {
    SplittableRandom rng = new SplittableRandom(n * 131 + k);
    int cols = j0 == 0 ? j1 : j1 + 3; // rows ending at j1, as a narrow head's do, or past it
    double[][] a = doubles(rng, n, k);
    double[][] b = doubles(rng, k, cols);
    double[][] c = doubles(rng, n, cols);
    double[][] c0 = copy(c);
    TwoPaths.product(vectors, a, b, c, n, k, j0, j1);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < cols; j++) {
        double want = c0[i][j];
        if (j >= j0 && j < j1) {
          for (int m = 0; m < k; m++) {
            want += a[i][m] * b[m][j];
          }
        }
        assertEquals(want, c[i][j], 1e-13 * k, "product [" + i + "][" + j + "]");
      }
    }
    double[][] bt = new double[cols][k];
    for (int m = 0; m < k; m++) {
      for (int j = 0; j < cols; j++) {
        bt[j][m] = b[m][j];
      }
    }
    double[][] ct = copy(c0);
    TwoPaths.productTransposed(vectors, a, bt, ct, n, k, j0, j1);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < cols; j++) {
        assertEquals(c[i][j], ct[i][j], 1e-13 * k, "product of bt [" + i + "][" + j + "]");
      }
    }
    // evaluation of up to 3 rows from the flat copy, its padded tail included
    double[] flat = new double[DoubleKernels.flatSize(k, cols)];
    DoubleKernels.flatten(b, flat);
    double[][] cf = copy(c0);
    int few = Math.min(n, 3);
    TwoPaths.productFlat(vectors, a, b, flat, cf, few, k, j0, j1);
    for (int i = 0; i < few; i++) {
      for (int j = 0; j < cols; j++) {
        assertEquals(c[i][j], cf[i][j], 1e-13 * k, "flat product [" + i + "][" + j + "]");
      }
    }
    double[][] d = doubles(rng, n, cols);
    double[][] g = doubles(rng, k, cols);
    double[][] g0 = copy(g);
    double reg = 0.25;
    TwoPaths.weightGradient(vectors, a, d, b, g, reg, n, k, j0, j1);
    for (int m = 0; m < k; m++) {
      for (int j = 0; j < cols; j++) {
        double want = g0[m][j];
        if (j >= j0 && j < j1) {
          want = reg * b[m][j];
          for (int i = 0; i < n; i++) {
            want += a[i][m] * d[i][j];
          }
        }
        assertEquals(want, g[m][j], 1e-13 * n, "weight gradient [" + m + "][" + j + "]");
      }
    }
  }

  @ParameterizedTest(name = "n={0} k={1} cols [{2}, {3})")
  @CsvSource({"37, 21, 0, 10", "9, 40, 0, 70", "1, 7, 0, 33", "12, 9, 64, 127"})
  void fallbackGivesTheVectorProductsBitForBit(int n, int k, int j0, int j1) {
    SplittableRandom rng = new SplittableRandom(n * 17 + k);
    int cols = j1 + 3;
    float[][] a = floats(rng, n, k);
    float[][] b = floats(rng, k, cols);
    float[][] bt = floats(rng, cols, k);
    float[][] d = floats(rng, n, cols);
    float[][] c = floats(rng, n, cols);
    float[] flat = new float[FloatKernels.flatSize(k, cols)];
    FloatKernels.flatten(b, flat);
    float[][][] byPath = new float[2][][];
    for (int path = 0; path < 2; path++) {
      boolean vectors = path == 0;
      float[][] out = copy(c);
      TwoPaths.product(vectors, a, b, out, n, k, j0, j1);
      TwoPaths.productTransposed(vectors, a, bt, out, n, k, j0, j1);
      TwoPaths.productFlat(vectors, a, b, flat, out, Math.min(n, 3), k, j0, j1);
      float[][] g = copy(b);
      TwoPaths.weightGradient(vectors, a, d, b, g, 0.25f, n, k, j0, j1);
      byPath[path] = concat(out, g);
    }
    for (int r = 0; r < byPath[0].length; r++) {
      assertArrayEquals(byPath[0][r], byPath[1][r], "row " + r);
    }
  }

  private static float[][] concat(float[][] a, float[][] b) {
    float[][] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private static float[][] floats(SplittableRandom rng, int rows, int cols) {
    float[][] a = new float[rows][cols];
    for (float[] row : a) {
      for (int j = 0; j < cols; j++) {
        row[j] = (float) rng.nextDouble(-1, 1);
      }
    }
    return a;
  }

  private static double[][] doubles(SplittableRandom rng, int rows, int cols) {
    double[][] a = new double[rows][cols];
    for (double[] row : a) {
      for (int j = 0; j < cols; j++) {
        row[j] = rng.nextDouble(-1, 1);
      }
    }
    return a;
  }

  private static float[][] copy(float[][] a) {
    float[][] b = new float[a.length][];
    for (int i = 0; i < a.length; i++) {
      b[i] = a[i].clone();
    }
    return b;
  }

  private static double[][] copy(double[][] a) {
    double[][] b = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      b[i] = a[i].clone();
    }
    return b;
  }
}
