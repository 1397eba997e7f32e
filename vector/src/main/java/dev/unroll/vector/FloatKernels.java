package dev.unroll.vector;

import jdk.incubator.vector.FloatVector;
//#float-only
import jdk.incubator.vector.IntVector;
//#end
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Register-blocked matrix products on row arrays with the Vector API, for float networks.
 *
 * <p>The output is done in strips of 4 vectors of columns. For each strip, the streamed matrix's
 * part (k rows x 4 vectors) is first packed into one contiguous panel, which then stays in L2
 * while every group of 4 output rows passes over it: a tile of 4 rows x 4 vectors lives in 16
 * accumulators (of AVX-512's 32 registers), and each step loads 4 panel vectors, broadcasts 4
 * scalars and issues 16 fused multiply-adds. Rows after the last group of 4 and columns after
 * the last whole strip are done one row at a time, whole vectors then scalars. The panel is a
 * per-thread buffer that grows to the largest product seen and is then reused, so a warmed-up
 * network allocates nothing.
 *
 * <p>The 64-bit kernels, {@code DoubleKernels}, are generated from the 32-bit ones at build time
 * by the module's {@code build/GenerateDoubleKernels.java}, which swaps the element type's words
 * and drops the lines marked as only for 32 bits. The Vector API has no type parameter over the
 * element type that keeps its intrinsics, and a hand-kept twin drifts.
 */
public final class FloatKernels {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int V = S.length();
  //#float-only
  /** Int lanes as many as {@link #S}'s: the labels beside a vector of scores. */
  private static final VectorSpecies<Integer> LABELS = S.withLanes(int.class);
  //#end
  /**
   * The largest relative score {@link #softmaxRelativeTransposed} exponentiates unshifted, half
   * the type's largest binary exponent: e^x is below 2^(1.45 x), so such terms summed over the
   * classes and the batch stay far below the type's largest value.
   */
  static final float UNSHIFTED = (Float.MAX_EXPONENT + 1) / 2;
  /** 512-bit vectors: x86 and SVE then have 32 vector registers, room for 16 accumulators. */
  private static final boolean WIDE = S.vectorBitSize() >= 512;
  private static final VectorSpecies<Float> HALF = halfSpecies();
  /** The butterfly of {@link #laneSums} on 16 lanes: block masks and block swaps of 8, 4, 2, 1. */
  private static final VectorMask<Float> M8 = V == 16 ? blocks(8) : null;
  private static final VectorMask<Float> M4 = V == 16 ? blocks(4) : null;
  private static final VectorMask<Float> M2 = V == 16 ? blocks(2) : null;
  private static final VectorMask<Float> M1 = V == 16 ? blocks(1) : null;
  private static final VectorShuffle<Float> X8 = V == 16 ? swaps(8) : null;
  private static final VectorShuffle<Float> X4 = V == 16 ? swaps(4) : null;
  private static final VectorShuffle<Float> X2 = V == 16 ? swaps(2) : null;
  private static final VectorShuffle<Float> X1 = V == 16 ? swaps(1) : null;
  /** Lane l of the butterfly's result holds the sum of vector bitReverse(l): back in order. */
  private static final VectorShuffle<Float> UNREVERSE = V == 16 ? unreverse() : null;
  private static final ThreadLocal<float[][]> PANEL =
      ThreadLocal.withInitial(() -> new float[1][0]);

  /**
   * The public kernels, one bit each, in {@link #ready}, {@link #wanted} and the order of
   * {@link WarmUpRound#parts}.
   */
  private static final int LANE_SUMS = 1 << 0;
  private static final int PRODUCT = 1 << 1;
  private static final int PRODUCT_TRANSPOSED = 1 << 2;
  private static final int WEIGHT_GRADIENT = 1 << 3;
  private static final int PRODUCT_FLAT = 1 << 4;
  private static final int ELU = 1 << 5;
  private static final int SIGMOID = 1 << 6;
  private static final int TANH = 1 << 7;
  private static final int SOFTMAX_COLUMNS = 1 << 8;
  private static final int SOFTMAX_RELATIVE_TRANSPOSED = 1 << 9;

  /**
   * The kernels that run in vectors: a bit set by {@link VectorWarmUp} once C2 has compiled the
   * kernel's vector paths (its part of {@link WarmUpRound} allocates nothing); until then the
   * kernel runs {@link FloatFallback}, since a vector kernel that is not yet compiled runs boxed,
   * a hundred times slower than scalar code.
   */
  private static volatile int ready;

  /**
   * The kernels called so far: only these are warmed up, so a network's JVM spends no time
   * compiling kernels it never calls. Written without a lock: a lost bit is set again by the
   * next call.
   */
  private static volatile int wanted;

  static {
    if (VectorWarmUp.fallbackOff()) {
      ready = -1;
    } else {
      WarmUpRound round = new WarmUpRound();
      VectorWarmUp.start("FloatKernels", round.parts(), () -> wanted,
          kernel -> ready |= kernel);
    }
  }

  private static void want(int kernel) {
    if ((wanted & kernel) == 0) {
      wanted |= kernel;
    }
  }

  private FloatKernels() {}

  /**
   * One call of every vector path on small arrays, made once so that a compiled round allocates
   * nothing: 9 rows (the 4-row tiles, the 8-row passes of the narrow tails and the rows left after
   * each), 9 inputs, a 4-vector strip, a vector and a scalar column; the one-row kernels' column
   * blocks of 16 and 8 vectors (flat), 4 and 1, and scalars; the relative softmax with small
   * scores and with one above {@link #UNSHIFTED}. A kernel's part runs all its paths, so that C2
   * compiles no branch of it as never taken.
   */
  private static final class WarmUpRound {
    private static final int COLS = 4 * V + V + 1;
    private static final int FLAT_COLS = 16 * V + 8 * V + 4 * V + V + 1;
    private final float[][] a = new float[9][9];
    private final float[][] b = new float[9][COLS];
    private final float[][] bt = new float[COLS][9];
    private final float[][] c = new float[9][COLS];
    private final float[][] g = new float[9][COLS];
    private final float[][] bFlat = new float[9][FLAT_COLS];
    private final float[] flat = new float[flatSize(9, FLAT_COLS)];
    private final float[][] cFlat = new float[1][FLAT_COLS];
    private final float[][] scores = new float[3][2 * V];
    private final int[] labels = new int[2 * V];
    private final float[][] gradient = new float[2 * V][3];
    private final float[][] scratch = new float[5][2 * V];
    private final float[][] transposed = new float[3][2 * V];
    private final float[] sums = new float[17 * V];
    private final float[] out = new float[padded(17)];

    WarmUpRound() {
      flatten(bFlat, flat);
      scores[0][V + 1] = 2 * UNSHIFTED;
    }

    /** Each kernel's part of the round, in the order of the kernels' bits. */
    Runnable[] parts() {
      return new Runnable[] {
        () -> vectorLaneSums(sums, 17, out),
        () -> {
          vectorProduct(a, b, c, 9, 9, 0, COLS);
          vectorProduct(a, b, c, 1, 9, 0, COLS);
        },
        () -> {
          vectorProductTransposed(a, bt, c, 9, 9, 0, COLS);
          vectorProductTransposed(a, bt, c, 1, 9, 0, COLS);
        },
        () -> vectorWeightGradient(a, c, b, g, 1, 9, 9, 0, COLS),
        () -> vectorProductFlat(a, bFlat, flat, cFlat, 1, 9, 0, FLAT_COLS),
        () -> vectorElu(c, g, 5, 1),
        () -> vectorSigmoid(c, g, 5),
        () -> vectorTanh(c, g, 5),
        () -> vectorSoftmaxColumns(scores, labels, gradient, V + 1, scratch),
        () -> {
          vectorSoftmaxRelativeTransposed(scores, labels, transposed, 2 * V, scratch);
          vectorSoftmaxRelativeTransposed(scores, labels, transposed, V + 1, scratch);
        }
      };
    }
  }

  private static VectorMask<Float> blocks(int h) {
    boolean[] odd = new boolean[V];
    for (int l = 0; l < V; l++) {
      odd[l] = (l / h) % 2 == 1;
    }
    return VectorMask.fromArray(S, odd, 0);
  }

  private static VectorShuffle<Float> swaps(int h) {
    int[] to = new int[V];
    for (int l = 0; l < V; l++) {
      to[l] = l ^ h;
    }
    return VectorShuffle.fromArray(S, to, 0);
  }

  private static VectorShuffle<Float> unreverse() {
    int[] to = new int[V];
    for (int l = 0; l < V; l++) {
      to[l] = Integer.reverse(l) >>> 28;
    }
    return VectorShuffle.fromArray(S, to, 0);
  }

  /**
   * {@code out[k] = sum of the lanes of acc[k V .. k V + V)} for k in [0, count): the sums over
   * the batch that columnar backward passes leave in vectors. On 16 lanes, each group of 16
   * vectors is summed by a butterfly (at each stage two vectors become one: the even blocks of
   * one plus their swapped odd blocks, and the same for the other), 15 steps of four operations
   * for 16 sums, where one sum alone takes a chain of 15 additions; other vectors and the rest
   * add their halves first ({@code reduceLanes} on floats is an in-order chain). {@code out} is
   * at least {@link #padded}{@code (count)} long.
   */
  public static void laneSums(float[] acc, int count, float[] out) {
    if ((ready & LANE_SUMS) != 0) {
      vectorLaneSums(acc, count, out);
    } else {
      want(LANE_SUMS);
      FloatFallback.laneSums(acc, count, out);
    }
  }

  /** {@link #laneSums} in vectors, once they are compiled (see {@link #ready}). */
  static void vectorLaneSums(float[] acc, int count, float[] out) {
    int k = 0;
    for (; V == 16 && k + 16 <= count; k += 16) {
      int o = k * V;
      FloatVector x0 = FloatVector.fromArray(S, acc, o + 0 * V);
      FloatVector y0 = FloatVector.fromArray(S, acc, o + 1 * V);
      FloatVector b0 = x0.blend(y0, M8).add(y0.blend(x0, M8).rearrange(X8));
      FloatVector x1 = FloatVector.fromArray(S, acc, o + 2 * V);
      FloatVector y1 = FloatVector.fromArray(S, acc, o + 3 * V);
      FloatVector b1 = x1.blend(y1, M8).add(y1.blend(x1, M8).rearrange(X8));
      FloatVector x2 = FloatVector.fromArray(S, acc, o + 4 * V);
      FloatVector y2 = FloatVector.fromArray(S, acc, o + 5 * V);
      FloatVector b2 = x2.blend(y2, M8).add(y2.blend(x2, M8).rearrange(X8));
      FloatVector x3 = FloatVector.fromArray(S, acc, o + 6 * V);
      FloatVector y3 = FloatVector.fromArray(S, acc, o + 7 * V);
      FloatVector b3 = x3.blend(y3, M8).add(y3.blend(x3, M8).rearrange(X8));
      FloatVector x4 = FloatVector.fromArray(S, acc, o + 8 * V);
      FloatVector y4 = FloatVector.fromArray(S, acc, o + 9 * V);
      FloatVector b4 = x4.blend(y4, M8).add(y4.blend(x4, M8).rearrange(X8));
      FloatVector x5 = FloatVector.fromArray(S, acc, o + 10 * V);
      FloatVector y5 = FloatVector.fromArray(S, acc, o + 11 * V);
      FloatVector b5 = x5.blend(y5, M8).add(y5.blend(x5, M8).rearrange(X8));
      FloatVector x6 = FloatVector.fromArray(S, acc, o + 12 * V);
      FloatVector y6 = FloatVector.fromArray(S, acc, o + 13 * V);
      FloatVector b6 = x6.blend(y6, M8).add(y6.blend(x6, M8).rearrange(X8));
      FloatVector x7 = FloatVector.fromArray(S, acc, o + 14 * V);
      FloatVector y7 = FloatVector.fromArray(S, acc, o + 15 * V);
      FloatVector b7 = x7.blend(y7, M8).add(y7.blend(x7, M8).rearrange(X8));
      FloatVector c0 = b0.blend(b1, M4).add(b1.blend(b0, M4).rearrange(X4));
      FloatVector c1 = b2.blend(b3, M4).add(b3.blend(b2, M4).rearrange(X4));
      FloatVector c2 = b4.blend(b5, M4).add(b5.blend(b4, M4).rearrange(X4));
      FloatVector c3 = b6.blend(b7, M4).add(b7.blend(b6, M4).rearrange(X4));
      FloatVector d0 = c0.blend(c1, M2).add(c1.blend(c0, M2).rearrange(X2));
      FloatVector d1 = c2.blend(c3, M2).add(c3.blend(c2, M2).rearrange(X2));
      d0.blend(d1, M1).add(d1.blend(d0, M1).rearrange(X1)).rearrange(UNREVERSE).intoArray(out, k);
    }
    for (; k < count; k++) {
      FloatVector v = FloatVector.fromArray(S, acc, k * V);
      FloatVector half = v.reinterpretShape(HALF, 0).reinterpretAsFloats()
          .add(v.reinterpretShape(HALF, 1).reinterpretAsFloats());
      out[k] = half.reduceLanes(VectorOperators.ADD);
    }
  }

  /**
   * Whether every kernel called so far runs in vectors yet: false until the warm-up thread has
   * seen their vector paths compiled, and for good where the JVM never compiles them (it then
   * said so on stderr). Generated code with vector loops of its own can run its
   * scalar twin until this is true: before C2 compiles them, those loops run boxed too.
   */
  public static boolean vectorsReady() {
    int called = wanted;
    return called != 0 && (ready & called) == called;
  }

  /** The species generated code with columnar loops uses: the machine's preferred one. */
  public static VectorSpecies<Float> species() {
    return S;
  }

  /**
   * Half of {@link #species()}, to sum a vector's lanes by adding its halves first ({@code
   * reduceLanes(ADD)} adds lane after lane, a chain as long as the vector). Every platform C2
   * vectorizes on has vectors of 128 bits or more.
   */
  private static VectorSpecies<Float> halfSpecies() {
    int bits = Math.max(64, S.vectorBitSize() / 2);
    return VectorSpecies.of(float.class, VectorShape.forBitSize(bits));
  }

  /**
   * {@code n} rounded up to whole vectors: the length of arrays that columnar loops run over in
   * whole vectors, the lanes past the batch held at zero.
   */
  public static int padded(int n) {
    return (n + V - 1) / V * V;
  }

  /**
   * {@code c[i][j] += sum_m a[i][m] * b[m][j]} for i in [0, n), m in [0, k), j in [j0, j1): the
   * forward product (a = x, b = W, c holding the bias or zeros); the input gradient is {@link
   * #productTransposed}. Always accumulating keeps one path into every accumulator: a vector merged
   * from two paths (a load or a zero) is one C2 may fail to keep in a register and box instead.
   */
  public static void product(float[][] a, float[][] b, float[][] c, int n, int k, int j0,
      int j1) {
    if ((ready & PRODUCT) != 0) {
      vectorProduct(a, b, c, n, k, j0, j1);
    } else {
      want(PRODUCT);
      FloatFallback.product(a, b, c, n, k, j0, j1);
    }
  }

  /** {@link #product} in vectors, once they are compiled (see {@link #ready}). */
  static void vectorProduct(float[][] a, float[][] b, float[][] c, int n, int k, int j0,
      int j1) {
    if (n < 4) {
      // no group of 4 rows to share a packed panel: each row on its own, 4 vectors of columns
      // per pass (evaluation streams flat weights instead: productFlat)
      for (int i = 0; i < n; i++) {
        row(a[i], b, c[i], k, j0, j1);
      }
      return;
    }
    float[] panel = panel(k, 4);
    int j = j0;
    for (; j + 4 * V <= j1; j += 4 * V) {
      pack(b, k, j, 4, panel);
      strip(a, c, n, k, j, panel);
    }
    if (j < j1) {
      productTail(a, b, false, c, n, k, j, j1);
    }
  }

  /**
   * {@code c[i][j] += sum_m a[i][m] * bt[j][m]} for i in [0, n), m in [0, k), j in [j0, j1):
   * {@link #product} with the second factor given transposed, for the input gradient {@code dz
   * W^T} read from W's rows. Each strip's panel is packed from 4 V rows of bt, a cache line of
   * each at a time, so no transposed copy of W is made: a full transpose of a 1024 x 1024 layer's
   * weights, cold after the forward pass, took 3.5 ms of W4's 35 ms step.
   */
  public static void productTransposed(float[][] a, float[][] bt, float[][] c, int n, int k,
      int j0, int j1) {
    if ((ready & PRODUCT_TRANSPOSED) != 0) {
      vectorProductTransposed(a, bt, c, n, k, j0, j1);
    } else {
      want(PRODUCT_TRANSPOSED);
      FloatFallback.productTransposed(a, bt, c, n, k, j0, j1);
    }
  }

  /** {@link #productTransposed} in vectors, once they are compiled (see {@link #ready}). */
  static void vectorProductTransposed(float[][] a, float[][] bt, float[][] c, int n, int k,
      int j0, int j1) {
    float[] panel = panel(k, 4);
    int j = j0;
    for (; j + 4 * V <= j1; j += 4 * V) {
      packTransposed(bt, k, j, 4 * V, 4 * V, panel);
      strip(a, c, n, k, j, panel);
    }
    if (j < j1) {
      productTail(a, bt, true, c, n, k, j, j1);
    }
  }

  /**
   * Columns [j, j + 4 V) of the product from their packed panel: a tile of 4 rows x 4 vectors
   * lives in 16 accumulators, each step loads 4 panel vectors, broadcasts 4 scalars and issues
   * 16 fused multiply-adds; the rows after the last group of 4 one at a time.
   */
  private static void strip(float[][] a, float[][] c, int n, int k, int j, float[] panel) {
    int i = 0;
    for (; i + 3 < n; i += 4) {
      float[] a0 = a[i];
      float[] a1 = a[i + 1];
      float[] a2 = a[i + 2];
      float[] a3 = a[i + 3];
      float[] c0 = c[i];
      float[] c1 = c[i + 1];
      float[] c2 = c[i + 2];
      float[] c3 = c[i + 3];
      FloatVector s00 = FloatVector.fromArray(S, c0, j);
      FloatVector s01 = FloatVector.fromArray(S, c0, j + V);
      FloatVector s02 = FloatVector.fromArray(S, c0, j + 2 * V);
      FloatVector s03 = FloatVector.fromArray(S, c0, j + 3 * V);
      FloatVector s10 = FloatVector.fromArray(S, c1, j);
      FloatVector s11 = FloatVector.fromArray(S, c1, j + V);
      FloatVector s12 = FloatVector.fromArray(S, c1, j + 2 * V);
      FloatVector s13 = FloatVector.fromArray(S, c1, j + 3 * V);
      FloatVector s20 = FloatVector.fromArray(S, c2, j);
      FloatVector s21 = FloatVector.fromArray(S, c2, j + V);
      FloatVector s22 = FloatVector.fromArray(S, c2, j + 2 * V);
      FloatVector s23 = FloatVector.fromArray(S, c2, j + 3 * V);
      FloatVector s30 = FloatVector.fromArray(S, c3, j);
      FloatVector s31 = FloatVector.fromArray(S, c3, j + V);
      FloatVector s32 = FloatVector.fromArray(S, c3, j + 2 * V);
      FloatVector s33 = FloatVector.fromArray(S, c3, j + 3 * V);
      for (int m = 0, p = 0; m < k; m++, p += 4 * V) {
        FloatVector b0 = FloatVector.fromArray(S, panel, p);
        FloatVector b1 = FloatVector.fromArray(S, panel, p + V);
        FloatVector b2 = FloatVector.fromArray(S, panel, p + 2 * V);
        FloatVector b3 = FloatVector.fromArray(S, panel, p + 3 * V);
        FloatVector x = FloatVector.broadcast(S, a0[m]);
        s00 = b0.fma(x, s00);
        s01 = b1.fma(x, s01);
        s02 = b2.fma(x, s02);
        s03 = b3.fma(x, s03);
        x = FloatVector.broadcast(S, a1[m]);
        s10 = b0.fma(x, s10);
        s11 = b1.fma(x, s11);
        s12 = b2.fma(x, s12);
        s13 = b3.fma(x, s13);
        x = FloatVector.broadcast(S, a2[m]);
        s20 = b0.fma(x, s20);
        s21 = b1.fma(x, s21);
        s22 = b2.fma(x, s22);
        s23 = b3.fma(x, s23);
        x = FloatVector.broadcast(S, a3[m]);
        s30 = b0.fma(x, s30);
        s31 = b1.fma(x, s31);
        s32 = b2.fma(x, s32);
        s33 = b3.fma(x, s33);
      }
      s00.intoArray(c0, j);
      s01.intoArray(c0, j + V);
      s02.intoArray(c0, j + 2 * V);
      s03.intoArray(c0, j + 3 * V);
      s10.intoArray(c1, j);
      s11.intoArray(c1, j + V);
      s12.intoArray(c1, j + 2 * V);
      s13.intoArray(c1, j + 3 * V);
      s20.intoArray(c2, j);
      s21.intoArray(c2, j + V);
      s22.intoArray(c2, j + 2 * V);
      s23.intoArray(c2, j + 3 * V);
      s30.intoArray(c3, j);
      s31.intoArray(c3, j + V);
      s32.intoArray(c3, j + 2 * V);
      s33.intoArray(c3, j + 3 * V);
    }
    for (; i < n; i++) {
      // the rows after the last group of 4, one at a time on the same panel
      float[] ai = a[i];
      float[] ci = c[i];
      FloatVector s0 = FloatVector.fromArray(S, ci, j);
      FloatVector s1 = FloatVector.fromArray(S, ci, j + V);
      FloatVector s2 = FloatVector.fromArray(S, ci, j + 2 * V);
      FloatVector s3 = FloatVector.fromArray(S, ci, j + 3 * V);
      for (int m = 0, p = 0; m < k; m++, p += 4 * V) {
        FloatVector x = FloatVector.broadcast(S, ai[m]);
        s0 = FloatVector.fromArray(S, panel, p).fma(x, s0);
        s1 = FloatVector.fromArray(S, panel, p + V).fma(x, s1);
        s2 = FloatVector.fromArray(S, panel, p + 2 * V).fma(x, s2);
        s3 = FloatVector.fromArray(S, panel, p + 3 * V).fma(x, s3);
      }
      s0.intoArray(ci, j);
      s1.intoArray(ci, j + V);
      s2.intoArray(ci, j + 2 * V);
      s3.intoArray(ci, j + 3 * V);
    }
  }

  /**
   * {@code g[m][j] = reg * w[m][j] + sum_i x[i][m] * d[i][j]} for m in [0, k), i in [0, n), j in
   * [j0, j1): the weight gradient with its L2 term. The same scheme with d's strip packed and the
   * scalars read down columns m..m+3 of x.
   */
  public static void weightGradient(float[][] x, float[][] d, float[][] w, float[][] g,
      float reg, int n, int k, int j0, int j1) {
    if ((ready & WEIGHT_GRADIENT) != 0) {
      vectorWeightGradient(x, d, w, g, reg, n, k, j0, j1);
    } else {
      want(WEIGHT_GRADIENT);
      FloatFallback.weightGradient(x, d, w, g, reg, n, k, j0, j1);
    }
  }

  /** {@link #weightGradient} in vectors, once they are compiled (see {@link #ready}). */
  static void vectorWeightGradient(float[][] x, float[][] d, float[][] w, float[][] g,
      float reg, int n, int k, int j0, int j1) {
    float[] panel = panel(n, 4);
    int j = j0;
    for (; j + 4 * V <= j1; j += 4 * V) {
      pack(d, n, j, 4, panel);
      int m = 0;
      for (; m + 3 < k; m += 4) {
        FloatVector s00 = FloatVector.fromArray(S, w[m], j).mul(reg);
        FloatVector s01 = FloatVector.fromArray(S, w[m], j + V).mul(reg);
        FloatVector s02 = FloatVector.fromArray(S, w[m], j + 2 * V).mul(reg);
        FloatVector s03 = FloatVector.fromArray(S, w[m], j + 3 * V).mul(reg);
        FloatVector s10 = FloatVector.fromArray(S, w[m + 1], j).mul(reg);
        FloatVector s11 = FloatVector.fromArray(S, w[m + 1], j + V).mul(reg);
        FloatVector s12 = FloatVector.fromArray(S, w[m + 1], j + 2 * V).mul(reg);
        FloatVector s13 = FloatVector.fromArray(S, w[m + 1], j + 3 * V).mul(reg);
        FloatVector s20 = FloatVector.fromArray(S, w[m + 2], j).mul(reg);
        FloatVector s21 = FloatVector.fromArray(S, w[m + 2], j + V).mul(reg);
        FloatVector s22 = FloatVector.fromArray(S, w[m + 2], j + 2 * V).mul(reg);
        FloatVector s23 = FloatVector.fromArray(S, w[m + 2], j + 3 * V).mul(reg);
        FloatVector s30 = FloatVector.fromArray(S, w[m + 3], j).mul(reg);
        FloatVector s31 = FloatVector.fromArray(S, w[m + 3], j + V).mul(reg);
        FloatVector s32 = FloatVector.fromArray(S, w[m + 3], j + 2 * V).mul(reg);
        FloatVector s33 = FloatVector.fromArray(S, w[m + 3], j + 3 * V).mul(reg);
        for (int i = 0, p = 0; i < n; i++, p += 4 * V) {
          float[] xi = x[i];
          FloatVector d0 = FloatVector.fromArray(S, panel, p);
          FloatVector d1 = FloatVector.fromArray(S, panel, p + V);
          FloatVector d2 = FloatVector.fromArray(S, panel, p + 2 * V);
          FloatVector d3 = FloatVector.fromArray(S, panel, p + 3 * V);
          FloatVector v = FloatVector.broadcast(S, xi[m]);
          s00 = d0.fma(v, s00);
          s01 = d1.fma(v, s01);
          s02 = d2.fma(v, s02);
          s03 = d3.fma(v, s03);
          v = FloatVector.broadcast(S, xi[m + 1]);
          s10 = d0.fma(v, s10);
          s11 = d1.fma(v, s11);
          s12 = d2.fma(v, s12);
          s13 = d3.fma(v, s13);
          v = FloatVector.broadcast(S, xi[m + 2]);
          s20 = d0.fma(v, s20);
          s21 = d1.fma(v, s21);
          s22 = d2.fma(v, s22);
          s23 = d3.fma(v, s23);
          v = FloatVector.broadcast(S, xi[m + 3]);
          s30 = d0.fma(v, s30);
          s31 = d1.fma(v, s31);
          s32 = d2.fma(v, s32);
          s33 = d3.fma(v, s33);
        }
        float[] g0 = g[m];
        s00.intoArray(g0, j);
        s01.intoArray(g0, j + V);
        s02.intoArray(g0, j + 2 * V);
        s03.intoArray(g0, j + 3 * V);
        float[] g1 = g[m + 1];
        s10.intoArray(g1, j);
        s11.intoArray(g1, j + V);
        s12.intoArray(g1, j + 2 * V);
        s13.intoArray(g1, j + 3 * V);
        float[] g2 = g[m + 2];
        s20.intoArray(g2, j);
        s21.intoArray(g2, j + V);
        s22.intoArray(g2, j + 2 * V);
        s23.intoArray(g2, j + 3 * V);
        float[] g3 = g[m + 3];
        s30.intoArray(g3, j);
        s31.intoArray(g3, j + V);
        s32.intoArray(g3, j + 2 * V);
        s33.intoArray(g3, j + 3 * V);
      }
      for (; m < k; m++) {
        gradientRow(x, d, w[m], g[m], reg, n, m, j, j + 4 * V);
      }
    }
    if (j < j1) {
      gradientTail(x, d, w, g, reg, n, k, j, j1);
    }
  }

  /**
   * Columns [j, j1) of {@link #product} (b as given) or {@link #productTransposed} (b
   * transposed) when they are fewer than a 4-vector strip (a narrow head, or what is left after
   * the strips): a vector of columns at a time, b's columns packed with zero lanes past j1, 8
   * rows per pass (then one) with a[i][m] broadcast, each sum over m in order. c's rows end at
   * j1, so their part goes through scratch vectors at the end of the panel. (Scalar, these
   * columns took 1.3 of W4's 35 ms.)
   */
  private static void productTail(float[][] a, float[][] b, boolean transposed, float[][] c,
      int n, int k, int j, int j1) {
    float[] panel = panel(k + 8, 1);
    int scratch = k * V;
    for (; j < j1; j += V) {
      int width = Math.min(V, j1 - j);
      if (transposed) {
        packTransposed(b, k, j, width, V, panel);
      } else {
        packTail(b, 0, k, j, width, 1.0f, panel, 0);
      }
      int i = 0;
      for (; i + 7 < n; i += 8) {
        packTail(c, i, 8, j, width, 1.0f, panel, scratch);
        float[] a0 = a[i + 0];
        float[] a1 = a[i + 1];
        float[] a2 = a[i + 2];
        float[] a3 = a[i + 3];
        float[] a4 = a[i + 4];
        float[] a5 = a[i + 5];
        float[] a6 = a[i + 6];
        float[] a7 = a[i + 7];
        FloatVector s0 = FloatVector.fromArray(S, panel, scratch + 0 * V);
        FloatVector s1 = FloatVector.fromArray(S, panel, scratch + 1 * V);
        FloatVector s2 = FloatVector.fromArray(S, panel, scratch + 2 * V);
        FloatVector s3 = FloatVector.fromArray(S, panel, scratch + 3 * V);
        FloatVector s4 = FloatVector.fromArray(S, panel, scratch + 4 * V);
        FloatVector s5 = FloatVector.fromArray(S, panel, scratch + 5 * V);
        FloatVector s6 = FloatVector.fromArray(S, panel, scratch + 6 * V);
        FloatVector s7 = FloatVector.fromArray(S, panel, scratch + 7 * V);
        for (int m = 0, p = 0; m < k; m++, p += V) {
          FloatVector bm = FloatVector.fromArray(S, panel, p);
          s0 = bm.fma(FloatVector.broadcast(S, a0[m]), s0);
          s1 = bm.fma(FloatVector.broadcast(S, a1[m]), s1);
          s2 = bm.fma(FloatVector.broadcast(S, a2[m]), s2);
          s3 = bm.fma(FloatVector.broadcast(S, a3[m]), s3);
          s4 = bm.fma(FloatVector.broadcast(S, a4[m]), s4);
          s5 = bm.fma(FloatVector.broadcast(S, a5[m]), s5);
          s6 = bm.fma(FloatVector.broadcast(S, a6[m]), s6);
          s7 = bm.fma(FloatVector.broadcast(S, a7[m]), s7);
        }
        s0.intoArray(panel, scratch + 0 * V);
        s1.intoArray(panel, scratch + 1 * V);
        s2.intoArray(panel, scratch + 2 * V);
        s3.intoArray(panel, scratch + 3 * V);
        s4.intoArray(panel, scratch + 4 * V);
        s5.intoArray(panel, scratch + 5 * V);
        s6.intoArray(panel, scratch + 6 * V);
        s7.intoArray(panel, scratch + 7 * V);
        unpackTail(panel, scratch, c, i, 8, j, width);
      }
      for (; i < n; i++) {
        packTail(c, i, 1, j, width, 1.0f, panel, scratch);
        float[] ai = a[i];
        FloatVector s = FloatVector.fromArray(S, panel, scratch);
        for (int m = 0, p = 0; m < k; m++, p += V) {
          s = FloatVector.fromArray(S, panel, p).fma(FloatVector.broadcast(S, ai[m]), s);
        }
        s.intoArray(panel, scratch);
        unpackTail(panel, scratch, c, i, 1, j, width);
      }
    }
  }

  /**
   * Columns [j, j1) of {@link #weightGradient} when they are fewer than a 4-vector strip: d's
   * columns packed with zero lanes, 8 gradient rows per pass (then one), x[i][m..m+7]
   * broadcast; the rows' parts go through scratch vectors as in {@link #productTail}.
   */
  private static void gradientTail(float[][] x, float[][] d, float[][] w, float[][] g,
      float reg, int n, int k, int j, int j1) {
    float[] panel = panel(n + 8, 1);
    int scratch = n * V;
    for (; j < j1; j += V) {
      int width = Math.min(V, j1 - j);
      packTail(d, 0, n, j, width, 1.0f, panel, 0);
      int m = 0;
      for (; m + 7 < k; m += 8) {
        packTail(w, m, 8, j, width, reg, panel, scratch);
        FloatVector s0 = FloatVector.fromArray(S, panel, scratch + 0 * V);
        FloatVector s1 = FloatVector.fromArray(S, panel, scratch + 1 * V);
        FloatVector s2 = FloatVector.fromArray(S, panel, scratch + 2 * V);
        FloatVector s3 = FloatVector.fromArray(S, panel, scratch + 3 * V);
        FloatVector s4 = FloatVector.fromArray(S, panel, scratch + 4 * V);
        FloatVector s5 = FloatVector.fromArray(S, panel, scratch + 5 * V);
        FloatVector s6 = FloatVector.fromArray(S, panel, scratch + 6 * V);
        FloatVector s7 = FloatVector.fromArray(S, panel, scratch + 7 * V);
        for (int i = 0, p = 0; i < n; i++, p += V) {
          float[] xi = x[i];
          FloatVector dv = FloatVector.fromArray(S, panel, p);
          s0 = dv.fma(FloatVector.broadcast(S, xi[m + 0]), s0);
          s1 = dv.fma(FloatVector.broadcast(S, xi[m + 1]), s1);
          s2 = dv.fma(FloatVector.broadcast(S, xi[m + 2]), s2);
          s3 = dv.fma(FloatVector.broadcast(S, xi[m + 3]), s3);
          s4 = dv.fma(FloatVector.broadcast(S, xi[m + 4]), s4);
          s5 = dv.fma(FloatVector.broadcast(S, xi[m + 5]), s5);
          s6 = dv.fma(FloatVector.broadcast(S, xi[m + 6]), s6);
          s7 = dv.fma(FloatVector.broadcast(S, xi[m + 7]), s7);
        }
        s0.intoArray(panel, scratch + 0 * V);
        s1.intoArray(panel, scratch + 1 * V);
        s2.intoArray(panel, scratch + 2 * V);
        s3.intoArray(panel, scratch + 3 * V);
        s4.intoArray(panel, scratch + 4 * V);
        s5.intoArray(panel, scratch + 5 * V);
        s6.intoArray(panel, scratch + 6 * V);
        s7.intoArray(panel, scratch + 7 * V);
        unpackTail(panel, scratch, g, m, 8, j, width);
      }
      for (; m < k; m++) {
        packTail(w, m, 1, j, width, reg, panel, scratch);
        FloatVector s = FloatVector.fromArray(S, panel, scratch);
        for (int i = 0, p = 0; i < n; i++, p += V) {
          s = FloatVector.fromArray(S, panel, p).fma(FloatVector.broadcast(S, x[i][m]), s);
        }
        s.intoArray(panel, scratch);
        unpackTail(panel, scratch, g, m, 1, j, width);
      }
    }
  }

  /**
   * {@code scale} times columns [j, j + width) of rows [r, r + count) of b into vectors of the
   * panel from {@code at}, a vector a row, zero past width (scale 1 copies exactly; {@code
   * reg} gives the weight gradient's L2 term).
   */
  private static void packTail(float[][] b, int r, int count, int j, int width, float scale,
      float[] panel, int at) {
    for (int q = 0, p = at; q < count; q++, p += V) {
      float[] row = b[r + q];
      for (int t = 0; t < width; t++) {
        panel[p + t] = scale * row[j + t];
      }
      java.util.Arrays.fill(panel, p + width, p + V, 0.0f);
    }
  }

  /**
   * The first width lanes of count vectors of the panel from {@code at} into columns [j, j +
   * width) of rows [r, r + count).
   */
  private static void unpackTail(float[] panel, int at, float[][] c, int r, int count, int j,
      int width) {
    for (int q = 0, p = at; q < count; q++, p += V) {
      System.arraycopy(panel, p, c[r + q], j, width);
    }
  }

  /**
   * {@code panel[m * stride + t] = bt[j + t][m]} for t in [0, width), m in [0, k), zero for t
   * in [width, stride): the columns [j, j + width) of bt's transpose, packed. 16 values of each
   * bt row at a time, so every line read is used whole while the panel rows it fills stay in L1.
   */
  private static void packTransposed(float[][] bt, int k, int j, int width, int stride,
      float[] panel) {
    for (int mb = 0; mb < k; mb += 16) {
      int me = Math.min(mb + 16, k);
      for (int t = 0; t < width; t++) {
        float[] row = bt[j + t];
        for (int m = mb, p = mb * stride + t; m < me; m++, p += stride) {
          panel[p] = row[m];
        }
      }
    }
    if (width < stride) {
      for (int m = 0, p = 0; m < k; m++, p += stride) {
        java.util.Arrays.fill(panel, p + width, p + stride, 0.0f);
      }
    }
  }

  /** This thread's panel, grown to hold {@code rows} x {@code vectors} vectors. */
  private static float[] panel(int rows, int vectors) {
    float[][] holder = PANEL.get();
    if (holder[0].length < rows * vectors * V) {
      holder[0] = new float[rows * vectors * V];
    }
    return holder[0];
  }

  /**
   * Copies columns [j, j + vectors V) of rows [0, rows) of {@code b} into {@code panel}, row after
   * row.
   */
  private static void pack(float[][] b, int rows, int j, int vectors, float[] panel) {
    int width = vectors * V;
    for (int m = 0, p = 0; m < rows; m++, p += width) {
      float[] bm = b[m];
      for (int v = 0; v < width; v += V) {
        FloatVector.fromArray(S, bm, j + v).intoArray(panel, p + v);
      }
    }
  }

  /**
   * {@link #product} for batches of 1 to 3 rows in evaluation: the weights also laid out flat,
   * row after row ({@code flat[m * cols + j] = b[m][j]}, see {@link #flatten}), so that the
   * 16- and 8-vector blocks read them as one contiguous stream (batch-1 inference is bound by
   * streaming the weights: 98 GB/s flat against 77 from row arrays, measured on 784 x 256);
   * the narrower blocks read {@code b}.
   */
  public static void productFlat(float[][] a, float[][] b, float[] flat, float[][] c, int n,
      int k, int j0, int j1) {
    if ((ready & PRODUCT_FLAT) != 0) {
      vectorProductFlat(a, b, flat, c, n, k, j0, j1);
    } else {
      want(PRODUCT_FLAT);
      FloatFallback.product(a, b, c, n, k, j0, j1);
    }
  }

  /** {@link #productFlat} in vectors, once they are compiled (see {@link #ready}). */
  static void vectorProductFlat(float[][] a, float[][] b, float[] flat, float[][] c, int n,
      int k, int j0, int j1) {
    int ld = b[0].length;
    int rest = ld % V;
    // the columns after the last whole vector from their padded copy, when this range has them
    boolean padded = rest != 0 && j1 == ld && j0 <= ld - rest
        && flat.length >= flatSize(k, ld);
    int hi = padded ? ld - rest : j1;
    for (int i = 0; i < n; i++) {
      int j = rowFlat(a[i], flat, ld, c[i], k, j0, hi);
      row(a[i], b, c[i], k, j, hi);
      if (padded) {
        // one vector, its lanes past the last column zero in the weights: c's row ends at ld,
        // so the vector goes through a scratch one; a sum over m in order, as productTail's
        float[] scratch = panel(1, 1);
        System.arraycopy(c[i], hi, scratch, 0, rest);
        java.util.Arrays.fill(scratch, rest, V, 0.0f);
        float[] ai = a[i];
        FloatVector s = FloatVector.fromArray(S, scratch, 0);
        for (int m = 0, p = k * ld; m < k; m++, p += V) {
          s = FloatVector.fromArray(S, flat, p).fma(FloatVector.broadcast(S, ai[m]), s);
        }
        s.intoArray(scratch, 0);
        System.arraycopy(scratch, 0, c[i], hi, rest);
      }
    }
  }

  /**
   * Length of the flat copy of a k x cols weight matrix: its rows, then, when cols is not a
   * whole number of vectors, the last partial vector of each row padded with zeros (a 10-class
   * head read as one vector per row instead of ten scalars).
   */
  public static int flatSize(int k, int cols) {
    return cols % V == 0 ? k * cols : k * cols + k * V;
  }

  /**
   * {@code flat[m * cols + j] = b[m][j]}: the weights row after row in one array; then, if
   * {@code flat} has room for it ({@link #flatSize}), each row's last partial vector padded.
   */
  public static void flatten(float[][] b, float[] flat) {
    int k = b.length;
    int cols = b[0].length;
    for (int m = 0; m < k; m++) {
      System.arraycopy(b[m], 0, flat, m * cols, cols);
    }
    int rest = cols % V;
    if (rest != 0 && flat.length >= flatSize(k, cols)) {
      for (int m = 0, p = k * cols; m < k; m++, p += V) {
        System.arraycopy(b[m], cols - rest, flat, p, rest);
        java.util.Arrays.fill(flat, p + rest, p + V, 0.0f);
      }
    }
  }

  /**
   * Columns of one output row from flat weights (row stride {@code ld}), 16 vectors per pass
   * where there are 32 vector registers, then 8: each pass reads its part of every weight row in
   * one sequential run, with independent accumulators (one chain of dependent FMAs would wait
   * on FMA latency). Returns the first column left, for {@link #row}.
   */
  private static int rowFlat(float[] a, float[] b, int ld, float[] c, int k, int j, int hi) {
    for (; WIDE && j + 16 * V <= hi; j += 16 * V) {
      FloatVector s0 = FloatVector.fromArray(S, c, j + 0 * V);
      FloatVector s1 = FloatVector.fromArray(S, c, j + 1 * V);
      FloatVector s2 = FloatVector.fromArray(S, c, j + 2 * V);
      FloatVector s3 = FloatVector.fromArray(S, c, j + 3 * V);
      FloatVector s4 = FloatVector.fromArray(S, c, j + 4 * V);
      FloatVector s5 = FloatVector.fromArray(S, c, j + 5 * V);
      FloatVector s6 = FloatVector.fromArray(S, c, j + 6 * V);
      FloatVector s7 = FloatVector.fromArray(S, c, j + 7 * V);
      FloatVector s8 = FloatVector.fromArray(S, c, j + 8 * V);
      FloatVector s9 = FloatVector.fromArray(S, c, j + 9 * V);
      FloatVector s10 = FloatVector.fromArray(S, c, j + 10 * V);
      FloatVector s11 = FloatVector.fromArray(S, c, j + 11 * V);
      FloatVector s12 = FloatVector.fromArray(S, c, j + 12 * V);
      FloatVector s13 = FloatVector.fromArray(S, c, j + 13 * V);
      FloatVector s14 = FloatVector.fromArray(S, c, j + 14 * V);
      FloatVector s15 = FloatVector.fromArray(S, c, j + 15 * V);
      for (int m = 0, p = j; m < k; m++, p += ld) {
        FloatVector x = FloatVector.broadcast(S, a[m]);
        s0 = FloatVector.fromArray(S, b, p + 0 * V).fma(x, s0);
        s1 = FloatVector.fromArray(S, b, p + 1 * V).fma(x, s1);
        s2 = FloatVector.fromArray(S, b, p + 2 * V).fma(x, s2);
        s3 = FloatVector.fromArray(S, b, p + 3 * V).fma(x, s3);
        s4 = FloatVector.fromArray(S, b, p + 4 * V).fma(x, s4);
        s5 = FloatVector.fromArray(S, b, p + 5 * V).fma(x, s5);
        s6 = FloatVector.fromArray(S, b, p + 6 * V).fma(x, s6);
        s7 = FloatVector.fromArray(S, b, p + 7 * V).fma(x, s7);
        s8 = FloatVector.fromArray(S, b, p + 8 * V).fma(x, s8);
        s9 = FloatVector.fromArray(S, b, p + 9 * V).fma(x, s9);
        s10 = FloatVector.fromArray(S, b, p + 10 * V).fma(x, s10);
        s11 = FloatVector.fromArray(S, b, p + 11 * V).fma(x, s11);
        s12 = FloatVector.fromArray(S, b, p + 12 * V).fma(x, s12);
        s13 = FloatVector.fromArray(S, b, p + 13 * V).fma(x, s13);
        s14 = FloatVector.fromArray(S, b, p + 14 * V).fma(x, s14);
        s15 = FloatVector.fromArray(S, b, p + 15 * V).fma(x, s15);
      }
      s0.intoArray(c, j + 0 * V);
      s1.intoArray(c, j + 1 * V);
      s2.intoArray(c, j + 2 * V);
      s3.intoArray(c, j + 3 * V);
      s4.intoArray(c, j + 4 * V);
      s5.intoArray(c, j + 5 * V);
      s6.intoArray(c, j + 6 * V);
      s7.intoArray(c, j + 7 * V);
      s8.intoArray(c, j + 8 * V);
      s9.intoArray(c, j + 9 * V);
      s10.intoArray(c, j + 10 * V);
      s11.intoArray(c, j + 11 * V);
      s12.intoArray(c, j + 12 * V);
      s13.intoArray(c, j + 13 * V);
      s14.intoArray(c, j + 14 * V);
      s15.intoArray(c, j + 15 * V);
    }
    for (; j + 8 * V <= hi; j += 8 * V) {
      FloatVector s0 = FloatVector.fromArray(S, c, j + 0 * V);
      FloatVector s1 = FloatVector.fromArray(S, c, j + 1 * V);
      FloatVector s2 = FloatVector.fromArray(S, c, j + 2 * V);
      FloatVector s3 = FloatVector.fromArray(S, c, j + 3 * V);
      FloatVector s4 = FloatVector.fromArray(S, c, j + 4 * V);
      FloatVector s5 = FloatVector.fromArray(S, c, j + 5 * V);
      FloatVector s6 = FloatVector.fromArray(S, c, j + 6 * V);
      FloatVector s7 = FloatVector.fromArray(S, c, j + 7 * V);
      for (int m = 0, p = j; m < k; m++, p += ld) {
        FloatVector x = FloatVector.broadcast(S, a[m]);
        s0 = FloatVector.fromArray(S, b, p + 0 * V).fma(x, s0);
        s1 = FloatVector.fromArray(S, b, p + 1 * V).fma(x, s1);
        s2 = FloatVector.fromArray(S, b, p + 2 * V).fma(x, s2);
        s3 = FloatVector.fromArray(S, b, p + 3 * V).fma(x, s3);
        s4 = FloatVector.fromArray(S, b, p + 4 * V).fma(x, s4);
        s5 = FloatVector.fromArray(S, b, p + 5 * V).fma(x, s5);
        s6 = FloatVector.fromArray(S, b, p + 6 * V).fma(x, s6);
        s7 = FloatVector.fromArray(S, b, p + 7 * V).fma(x, s7);
      }
      s0.intoArray(c, j + 0 * V);
      s1.intoArray(c, j + 1 * V);
      s2.intoArray(c, j + 2 * V);
      s3.intoArray(c, j + 3 * V);
      s4.intoArray(c, j + 4 * V);
      s5.intoArray(c, j + 5 * V);
      s6.intoArray(c, j + 6 * V);
      s7.intoArray(c, j + 7 * V);
    }
    return j;
  }

  /**
   * Columns [j, hi) of one output row: 4 vectors per pass, then one, then scalars. No masks: on
   * JDK 17 masked loads and stores are not always intrinsified, and a vector that is not is
   * allocated.
   */
  private static void row(float[] a, float[][] b, float[] c, int k, int j, int hi) {
    for (; j + 4 * V <= hi; j += 4 * V) {
      FloatVector s0 = FloatVector.fromArray(S, c, j);
      FloatVector s1 = FloatVector.fromArray(S, c, j + V);
      FloatVector s2 = FloatVector.fromArray(S, c, j + 2 * V);
      FloatVector s3 = FloatVector.fromArray(S, c, j + 3 * V);
      for (int m = 0; m < k; m++) {
        float[] bm = b[m];
        FloatVector x = FloatVector.broadcast(S, a[m]);
        s0 = FloatVector.fromArray(S, bm, j).fma(x, s0);
        s1 = FloatVector.fromArray(S, bm, j + V).fma(x, s1);
        s2 = FloatVector.fromArray(S, bm, j + 2 * V).fma(x, s2);
        s3 = FloatVector.fromArray(S, bm, j + 3 * V).fma(x, s3);
      }
      s0.intoArray(c, j);
      s1.intoArray(c, j + V);
      s2.intoArray(c, j + 2 * V);
      s3.intoArray(c, j + 3 * V);
    }
    for (; j + V <= hi; j += V) {
      FloatVector s = FloatVector.fromArray(S, c, j);
      for (int m = 0; m < k; m++) {
        s = FloatVector.fromArray(S, b[m], j).fma(FloatVector.broadcast(S, a[m]), s);
      }
      s.intoArray(c, j);
    }
    if (j < hi) {
      // the last columns (fewer than a vector), weight row by weight row: independent sums per
      // column instead of one dependent chain per column
      for (int m = 0; m < k; m++) {
        float am = a[m];
        float[] bm = b[m];
        for (int jj = j; jj < hi; jj++) {
          c[jj] = Math.fma(am, bm[jj], c[jj]);
        }
      }
    }
  }

  /** Columns [j, hi) of one gradient row m, its L2 term included: whole vectors, then scalars. */
  private static void gradientRow(float[][] x, float[][] d, float[] w, float[] g, float reg,
      int n, int m, int j, int hi) {
    for (; j + V <= hi; j += V) {
      FloatVector s = FloatVector.fromArray(S, w, j).mul(reg);
      for (int i = 0; i < n; i++) {
        s = FloatVector.fromArray(S, d[i], j).fma(FloatVector.broadcast(S, x[i][m]), s);
      }
      s.intoArray(g, j);
    }
    if (j < hi) {
      // the last columns (fewer than a vector), sample by sample: independent sums per column
      // instead of one dependent chain of n multiply-adds per column
      for (int jj = j; jj < hi; jj++) {
        g[jj] = reg * w[jj];
      }
      for (int i = 0; i < n; i++) {
        float xm = x[i][m];
        float[] di = d[i];
        for (int jj = j; jj < hi; jj++) {
          g[jj] = Math.fma(xm, di[jj], g[jj]);
        }
      }
    }
  }

  /** h = z for z > 0, alpha (e^z - 1) otherwise (ELU), on the first n rows, vectorized exp. */
  public static void elu(float[][] z, float[][] h, int n, float alpha) {
    if ((ready & ELU) != 0) {
      vectorElu(z, h, n, alpha);
    } else {
      want(ELU);
      FloatFallback.elu(z, h, n, alpha);
    }
  }

  /** {@link #elu} in vectors, once they are compiled (see {@link #ready}). */
  static void vectorElu(float[][] z, float[][] h, int n, float alpha) {
    for (int i = 0; i < n; i++) {
      float[] zi = z[i];
      float[] hi = h[i];
      int j = 0;
      for (; j + V <= zi.length; j += V) {
        FloatVector v = FloatVector.fromArray(S, zi, j);
        FloatVector neg = v.lanewise(VectorOperators.EXPM1).mul(alpha);
        v.blend(neg, v.compare(VectorOperators.LE, 0)).intoArray(hi, j);
      }
      for (; j < zi.length; j++) {
        hi[j] = zi[j] > 0 ? zi[j] : alpha * (float) Math.expm1(zi[j]);
      }
    }
  }

  /** h = 1 / (1 + e^-z) on the first n rows, vectorized exp. */
  public static void sigmoid(float[][] z, float[][] h, int n) {
    if ((ready & SIGMOID) != 0) {
      vectorSigmoid(z, h, n);
    } else {
      want(SIGMOID);
      FloatFallback.sigmoid(z, h, n);
    }
  }

  /** {@link #sigmoid} in vectors, once they are compiled (see {@link #ready}). */
  static void vectorSigmoid(float[][] z, float[][] h, int n) {
    FloatVector one = FloatVector.broadcast(S, 1.0f);
    for (int i = 0; i < n; i++) {
      float[] zi = z[i];
      float[] hi = h[i];
      int j = 0;
      for (; j + V <= zi.length; j += V) {
        one.div(FloatVector.fromArray(S, zi, j).neg().lanewise(VectorOperators.EXP).add(1))
            .intoArray(hi, j);
      }
      for (; j < zi.length; j++) {
        hi[j] = (float) (1.0 / (1.0 + Math.exp(-zi[j])));
      }
    }
  }

  /** h = tanh(z) on the first n rows, vectorized. */
  public static void tanh(float[][] z, float[][] h, int n) {
    if ((ready & TANH) != 0) {
      vectorTanh(z, h, n);
    } else {
      want(TANH);
      FloatFallback.tanh(z, h, n);
    }
  }

  /** {@link #tanh} in vectors, once they are compiled (see {@link #ready}). */
  static void vectorTanh(float[][] z, float[][] h, int n) {
    for (int i = 0; i < n; i++) {
      float[] zi = z[i];
      float[] hi = h[i];
      int j = 0;
      for (; j + V <= zi.length; j += V) {
        FloatVector.fromArray(S, zi, j).lanewise(VectorOperators.TANH).intoArray(hi, j);
      }
      for (; j < zi.length; j++) {
        hi[j] = (float) Math.tanh(zi[j]);
      }
    }
  }

  /**
   * Softmax cross-entropy of n samples whose scores are given transposed, {@code st[c][i]} (a
   * few-class head computes them that way): per block of samples the max, {@code e_c = e^(s_c -
   * max)}, their sum and its log are vector operations, where the row layout would need one
   * scalar exp per score. Writes {@code d[i][c] = (p_c - [c == y]) / n} and returns {@code sum_i
   * L_i} with {@code L_i = log(sum_c e_c) - (s_y - max)}. {@code e} is scratch of at least
   * classes + 2 rows of n.
   */
  public static double softmaxColumns(float[][] st, int[] labels, float[][] d, int n,
      float[][] e) {
    if ((ready & SOFTMAX_COLUMNS) != 0) {
      return vectorSoftmaxColumns(st, labels, d, n, e);
    }
    want(SOFTMAX_COLUMNS);
    return FloatFallback.softmaxColumns(st, labels, d, n, e);
  }

  /** {@link #softmaxColumns} in vectors, once they are compiled (see {@link #ready}). */
  static double vectorSoftmaxColumns(float[][] st, int[] labels, float[][] d, int n,
      float[][] e) {
    int classes = st.length;
    exponentials(st, n, n, e);
    float[] logSum = e[classes];
    float[] scale = e[classes + 1];
    double total = 0;
    float invN = 1.0f / n;
    for (int i = 0; i < n; i++) {
      int y = labels[i];
      float[] di = d[i];
      float si = scale[i];
      for (int c = 0; c < classes; c++) {
        di[c] = e[c][i] * si;
      }
      di[y] -= invN;
      total += logSum[i] - st[y][i];
    }
    return total;
  }

  /**
   * Softmax cross-entropy of n samples from their scores relative to the last class, transposed:
   * {@code st[c][i] = s_c - s_(C-1)}, so the last row is zero (the columnar step computes them
   * that way). Writes {@code dt[c][i] = (p_c - [c == y_i]) / n} in whole vectors up to {@link
   * #padded}{@code (n)}, the lanes past n zero so that sums over the padded batch see only the
   * samples, and returns {@code sum_i L_i}. Softmax needs no shift by the max while a sample's
   * relative scores are at most {@value #UNSHIFTED} (each {@code e^(s_c)} and their sum stay
   * finite), so each sample is shifted only by {@code max(m - }{@value #UNSHIFTED}{@code , 0)},
   * m its largest score: zero, and the last class's {@code e^(0 - 0)} exactly 1, in training as
   * usual. In 32 bits, the labels' one-hot rows are integer bit masks. {@code st}, {@code dt} and
   * the rows of {@code e} are at least {@code padded(n)} long, {@code e} has {@code classes + 1}
   * rows; the scores past n must be finite.
   */
  public static double softmaxRelativeTransposed(float[][] st, int[] labels, float[][] dt,
      int n, float[][] e) {
    if ((ready & SOFTMAX_RELATIVE_TRANSPOSED) != 0) {
      return vectorSoftmaxRelativeTransposed(st, labels, dt, n, e);
    }
    want(SOFTMAX_RELATIVE_TRANSPOSED);
    return FloatFallback.softmaxRelativeTransposed(st, labels, dt, n, e);
  }

  /** {@link #softmaxRelativeTransposed} in vectors, once they are compiled (see {@link #ready}). */
  static double vectorSoftmaxRelativeTransposed(float[][] st, int[] labels, float[][] dt,
      int n, float[][] e) {
    int classes = st.length;
    int last = classes - 1;
    int np = padded(n);
    // per sample, log(sum_c e^(s_c)) and then L_i; summed after the loop
    float[] loss = e[classes];
    float invN = 1.0f / n;
    FloatVector one = FloatVector.broadcast(S, 1.0f);
    float samples = n;
    FloatVector perSample = FloatVector.broadcast(S, samples);
    //#float-only
    IntVector invNBits = FloatVector.broadcast(S, invN).viewAsIntegralLanes();
    //#end
    for (int i = 0; i < np; i += V) {
      FloatVector max = FloatVector.fromArray(S, st[0], i);
      for (int c = 1; c < last; c++) {
        max = max.max(FloatVector.fromArray(S, st[c], i));
      }
      // shifted only by what exceeds UNSHIFTED: no branch, whose first use late in training
      // would cost a recompilation; e^(0 - shift) is exactly 1 while the scores are small
      FloatVector shift = max.sub(UNSHIFTED).max(0.0f);
      FloatVector sum = shift.neg().lanewise(VectorOperators.EXP);
      sum.intoArray(e[last], i);
      for (int c = 0; c < last; c++) {
        FloatVector ec = FloatVector.fromArray(S, st[c], i).sub(shift)
            .lanewise(VectorOperators.EXP);
        ec.intoArray(e[c], i);
        sum = sum.add(ec);
      }
      sum.lanewise(VectorOperators.LOG).add(shift).intoArray(loss, i);
      FloatVector scale = one.div(sum.mul(perSample));
      //#float-only
      if (i + V <= n) {
        // a whole vector of samples: the labels' one-hot rows as bit masks (y - c is zero
        // exactly where y = c, and (d | -d) >> 31 is -1 elsewhere), so that -1/n and the
        // label's score are picked with integer operations instead of one scalar per sample
        // (doubles would need the int labels widened to long lanes: they keep the scalar pass)
        IntVector y = IntVector.fromArray(LABELS, labels, i);
        IntVector picked = IntVector.zero(LABELS);
        for (int c = 0; c < classes; c++) {
          IntVector d = y.sub(c);
          IntVector hot = d.or(d.neg()).lanewise(VectorOperators.ASHR, 31).not();
          FloatVector.fromArray(S, e[c], i).mul(scale)
              .sub(invNBits.and(hot).viewAsFloatingLanes()).intoArray(dt[c], i);
          picked = picked.or(FloatVector.fromArray(S, st[c], i).viewAsIntegralLanes().and(hot));
        }
        FloatVector.fromArray(S, loss, i).sub(picked.viewAsFloatingLanes()).intoArray(loss, i);
        continue;
      }
      //#end
      for (int c = 0; c < classes; c++) {
        FloatVector.fromArray(S, e[c], i).mul(scale).intoArray(dt[c], i);
      }
      for (int k = i; k < Math.min(i + V, n); k++) {
        int y = labels[k];
        dt[y][k] -= invN;
        loss[k] -= st[y][k];
      }
    }
    for (int c = 0; c < classes; c++) {
      java.util.Arrays.fill(dt[c], n, np, 0.0f);
    }
    FloatVector total = FloatVector.zero(S);
    int i = 0;
    for (; i + V <= n; i += V) {
      total = total.add(FloatVector.fromArray(S, loss, i));
    }
    double sum = total.reduceLanes(VectorOperators.ADD);
    for (; i < n; i++) {
      sum += loss[i];
    }
    return sum;
  }

  /**
   * {@code e[c][i] = e^(s_c - max)}, {@code e[classes][i] = log(sum_c e_c) + max} and {@code
   * e[classes + 1][i] = 1 / (n sum_c e_c)} for i in [0, hi): whole vectors up to {@code hi}, then
   * scalars.
   */
  private static void exponentials(float[][] st, int n, int hi, float[][] e) {
    int classes = st.length;
    float[] logSum = e[classes];
    float[] scale = e[classes + 1];
    float perSample = n;
    int i = 0;
    for (; i + V <= hi; i += V) {
      FloatVector max = FloatVector.fromArray(S, st[0], i);
      for (int c = 1; c < classes; c++) {
        max = max.max(FloatVector.fromArray(S, st[c], i));
      }
      FloatVector sum = FloatVector.zero(S);
      for (int c = 0; c < classes; c++) {
        FloatVector ec = FloatVector.fromArray(S, st[c], i).sub(max)
            .lanewise(VectorOperators.EXP);
        ec.intoArray(e[c], i);
        sum = sum.add(ec);
      }
      // log(sum) + max, so that L_i = logSum[i] - s_y
      sum.lanewise(VectorOperators.LOG).add(max).intoArray(logSum, i);
      FloatVector.broadcast(S, 1).div(sum.mul(perSample)).intoArray(scale, i);
    }
    for (; i < hi; i++) {
      float max = st[0][i];
      for (int c = 1; c < classes; c++) {
        max = Math.max(max, st[c][i]);
      }
      float sum = 0;
      for (int c = 0; c < classes; c++) {
        float ec = (float) Math.exp(st[c][i] - max);
        e[c][i] = ec;
        sum += ec;
      }
      logSum[i] = (float) Math.log(sum) + max;
      scale[i] = 1 / (sum * perSample);
    }
  }
}
