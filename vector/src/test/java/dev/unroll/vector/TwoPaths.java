package dev.unroll.vector;

/**
 * Each kernel through its vector path or its scalar fallback, called directly: the public
 * kernels pick one by whether the warm-up thread has seen the vector paths compiled, and the
 * tests check both whatever it has decided.
 */
final class TwoPaths {
  private TwoPaths() {}

  static void product(boolean vectors, float[][] a, float[][] b, float[][] c, int n, int k, int j0,
      int j1) {
    if (vectors) {
      FloatKernels.vectorProduct(a, b, c, n, k, j0, j1);
    } else {
      FloatFallback.product(a, b, c, n, k, j0, j1);
    }
  }

  static void productTransposed(boolean vectors, float[][] a, float[][] bt, float[][] c, int n,
      int k, int j0, int j1) {
    if (vectors) {
      FloatKernels.vectorProductTransposed(a, bt, c, n, k, j0, j1);
    } else {
      FloatFallback.productTransposed(a, bt, c, n, k, j0, j1);
    }
  }

  static void productFlat(boolean vectors, float[][] a, float[][] b, float[] flat, float[][] c,
      int n, int k, int j0, int j1) {
    if (vectors) {
      FloatKernels.vectorProductFlat(a, b, flat, c, n, k, j0, j1);
    } else {
      FloatFallback.product(a, b, c, n, k, j0, j1);
    }
  }

  static void weightGradient(boolean vectors, float[][] x, float[][] d, float[][] w, float[][] g,
      float reg, int n, int k, int j0, int j1) {
    if (vectors) {
      FloatKernels.vectorWeightGradient(x, d, w, g, reg, n, k, j0, j1);
    } else {
      FloatFallback.weightGradient(x, d, w, g, reg, n, k, j0, j1);
    }
  }

  static void laneSums(boolean vectors, float[] acc, int count, float[] out) {
    if (vectors) {
      FloatKernels.vectorLaneSums(acc, count, out);
    } else {
      FloatFallback.laneSums(acc, count, out);
    }
  }

  static double softmaxRelativeTransposed(boolean vectors, float[][] st, int[] labels, float[][] dt,
      int n, float[][] e) {
    return vectors ? FloatKernels.vectorSoftmaxRelativeTransposed(st, labels, dt, n, e)
        : FloatFallback.softmaxRelativeTransposed(st, labels, dt, n, e);
  }

  static void product(boolean vectors, double[][] a, double[][] b, double[][] c, int n, int k,
      int j0, int j1) {
    if (vectors) {
      DoubleKernels.vectorProduct(a, b, c, n, k, j0, j1);
    } else {
      DoubleFallback.product(a, b, c, n, k, j0, j1);
    }
  }

  static void productTransposed(boolean vectors, double[][] a, double[][] bt, double[][] c, int n,
      int k, int j0, int j1) {
    if (vectors) {
      DoubleKernels.vectorProductTransposed(a, bt, c, n, k, j0, j1);
    } else {
      DoubleFallback.productTransposed(a, bt, c, n, k, j0, j1);
    }
  }

  static void productFlat(boolean vectors, double[][] a, double[][] b, double[] flat, double[][] c,
      int n, int k, int j0, int j1) {
    if (vectors) {
      DoubleKernels.vectorProductFlat(a, b, flat, c, n, k, j0, j1);
    } else {
      DoubleFallback.product(a, b, c, n, k, j0, j1);
    }
  }

  static void weightGradient(boolean vectors, double[][] x, double[][] d, double[][] w,
      double[][] g, double reg, int n, int k, int j0, int j1) {
    if (vectors) {
      DoubleKernels.vectorWeightGradient(x, d, w, g, reg, n, k, j0, j1);
    } else {
      DoubleFallback.weightGradient(x, d, w, g, reg, n, k, j0, j1);
    }
  }

  static void laneSums(boolean vectors, double[] acc, int count, double[] out) {
    if (vectors) {
      DoubleKernels.vectorLaneSums(acc, count, out);
    } else {
      DoubleFallback.laneSums(acc, count, out);
    }
  }

  static double softmaxRelativeTransposed(boolean vectors, double[][] st, int[] labels,
      double[][] dt, int n, double[][] e) {
    return vectors ? DoubleKernels.vectorSoftmaxRelativeTransposed(st, labels, dt, n, e)
        : DoubleFallback.softmaxRelativeTransposed(st, labels, dt, n, e);
  }
}
