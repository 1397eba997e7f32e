package dev.unroll.vector;

/**
 * The float kernels in scalar Java, which {@link FloatKernels} runs until its vector kernels are
 * compiled: the interpreter and C1 run each Vector API operation as an object, at a hundredth
 * of the speed, while these loops are fast from their first C1 compile (and C2 vectorizes the
 * axpy loops itself). The products use the same fused multiply-adds in the same order as the
 * vector kernels, so they give the same bits; the exponentials and sums may differ in the last
 * place. {@code DoubleFallback} is generated from this file as {@code DoubleKernels} is.
 */
final class FloatFallback {
  private static final int V = FloatKernels.species().length();
  /** This thread's transposed copy of a strip of {@code bt}, grown to the largest seen. */
  private static final ThreadLocal<float[][]> SCRATCH =
      ThreadLocal.withInitial(() -> new float[1][0]);

  private FloatFallback() {}

  /** {@link FloatKernels#laneSums}: each vector's lanes summed in order. */
  static void laneSums(float[] acc, int count, float[] out) {
    for (int k = 0; k < count; k++) {
      float s = 0;
      for (int l = k * V; l < k * V + V; l++) {
        s += acc[l];
      }
      out[k] = s;
    }
  }

  /** {@link FloatKernels#product}: an axpy per row of b, {@code c += a[i][m] * b[m]}. */
  static void product(float[][] a, float[][] b, float[][] c, int n, int k, int j0, int j1) {
    for (int i = 0; i < n; i++) {
      float[] ai = a[i];
      float[] ci = c[i];
      for (int m = 0; m < k; m++) {
        float am = ai[m];
        float[] bm = b[m];
        for (int j = j0; j < j1; j++) {
          ci[j] = Math.fma(am, bm[j], ci[j]);
        }
      }
    }
  }

  /**
   * {@link FloatKernels#productTransposed}: columns [j0, j1) of bt's transpose copied into a
   * scratch matrix first, so the product runs as axpys (dot products down bt's rows would be
   * serial chains C2 keeps scalar).
   */
  static void productTransposed(float[][] a, float[][] bt, float[][] c, int n, int k, int j0,
      int j1) {
    int width = j1 - j0;
    float[][] holder = SCRATCH.get();
    if (holder[0].length < k * width) {
      holder[0] = new float[k * width];
    }
    float[] b = holder[0];
    for (int j = 0; j < width; j++) {
      float[] row = bt[j0 + j];
      for (int m = 0, p = j; m < k; m++, p += width) {
        b[p] = row[m];
      }
    }
    for (int i = 0; i < n; i++) {
      float[] ai = a[i];
      float[] ci = c[i];
      for (int m = 0, p = 0; m < k; m++, p += width) {
        float am = ai[m];
        for (int j = 0; j < width; j++) {
          ci[j0 + j] = Math.fma(am, b[p + j], ci[j0 + j]);
        }
      }
    }
  }

  /** {@link FloatKernels#weightGradient}: {@code g[m] = reg w[m]}, then an axpy per sample. */
  static void weightGradient(float[][] x, float[][] d, float[][] w, float[][] g, float reg,
      int n, int k, int j0, int j1) {
    for (int m = 0; m < k; m++) {
      float[] gm = g[m];
      float[] wm = w[m];
      for (int j = j0; j < j1; j++) {
        gm[j] = wm[j] * reg;
      }
      for (int i = 0; i < n; i++) {
        float xm = x[i][m];
        float[] di = d[i];
        for (int j = j0; j < j1; j++) {
          gm[j] = Math.fma(xm, di[j], gm[j]);
        }
      }
    }
  }

  /** {@link FloatKernels#elu} per element. */
  static void elu(float[][] z, float[][] h, int n, float alpha) {
    for (int i = 0; i < n; i++) {
      float[] zi = z[i];
      float[] hi = h[i];
      for (int j = 0; j < zi.length; j++) {
        hi[j] = zi[j] > 0 ? zi[j] : alpha * (float) Math.expm1(zi[j]);
      }
    }
  }

  /** {@link FloatKernels#sigmoid} per element. */
  static void sigmoid(float[][] z, float[][] h, int n) {
    for (int i = 0; i < n; i++) {
      float[] zi = z[i];
      float[] hi = h[i];
      for (int j = 0; j < zi.length; j++) {
        hi[j] = (float) (1.0 / (1.0 + Math.exp(-zi[j])));
      }
    }
  }

  /** {@link FloatKernels#tanh} per element. */
  static void tanh(float[][] z, float[][] h, int n) {
    for (int i = 0; i < n; i++) {
      float[] zi = z[i];
      float[] hi = h[i];
      for (int j = 0; j < zi.length; j++) {
        hi[j] = (float) Math.tanh(zi[j]);
      }
    }
  }

  /**
   * {@link FloatKernels#softmaxColumns} sample by sample: {@code e_c = e^(s_c - max)}, {@code
   * d[i][c] = e_c / (n sum_c e_c) - [c == y] / n}, {@code L_i = log(sum_c e_c) + max - s_y}.
   */
  static double softmaxColumns(float[][] st, int[] labels, float[][] d, int n, float[][] e) {
    int classes = st.length;
    double total = 0;
    float invN = 1.0f / n;
    for (int i = 0; i < n; i++) {
      float max = st[0][i];
      for (int c = 1; c < classes; c++) {
        max = Math.max(max, st[c][i]);
      }
      float sum = 0;
      for (int c = 0; c < classes; c++) {
        e[c][i] = (float) Math.exp(st[c][i] - max);
        sum += e[c][i];
      }
      float scale = 1 / (sum * n);
      int y = labels[i];
      float[] di = d[i];
      for (int c = 0; c < classes; c++) {
        di[c] = e[c][i] * scale;
      }
      di[y] -= invN;
      total += (float) Math.log(sum) + max - st[y][i];
    }
    return total;
  }

  /**
   * {@link FloatKernels#softmaxRelativeTransposed} sample by sample, each shifted by {@code
   * max(m - UNSHIFTED, 0)} as there; the gradient's lanes in [n, padded(n)) zeroed.
   */
  static double softmaxRelativeTransposed(float[][] st, int[] labels, float[][] dt, int n,
      float[][] e) {
    int classes = st.length;
    int last = classes - 1;
    double total = 0;
    float invN = 1.0f / n;
    for (int i = 0; i < n; i++) {
      float max = st[0][i];
      for (int c = 1; c < last; c++) {
        max = Math.max(max, st[c][i]);
      }
      float shift = Math.max(max - FloatKernels.UNSHIFTED, 0.0f);
      float sum = 0;
      for (int c = 0; c < classes; c++) {
        // the last class's relative score is zero: its row of st need not be read
        e[c][i] = (float) Math.exp((c == last ? 0 : st[c][i]) - shift);
        sum += e[c][i];
      }
      float scale = 1 / (sum * n);
      for (int c = 0; c < classes; c++) {
        dt[c][i] = e[c][i] * scale;
      }
      int y = labels[i];
      dt[y][i] -= invN;
      total += (float) Math.log(sum) + shift - (y == last ? 0 : st[y][i]);
    }
    for (int c = 0; c < classes; c++) {
      java.util.Arrays.fill(dt[c], n, FloatKernels.padded(n), 0.0f);
    }
    return total;
  }
}
