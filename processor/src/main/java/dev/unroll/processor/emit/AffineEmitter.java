package dev.unroll.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.unroll.processor.plan.LayerPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * The fully connected map {@code z = x W + b} (W is fan_in x cols, one row per input) and its
 * backward pass {@code dW = x^T dz + l2 W}, {@code db = sum_i dz}, {@code dx = dz W^T}. Loops run
 * over whole rows with one index, so C2 vectorizes them; small dimensions are written out. Layers
 * the planner marks parallel put each product in a method over a column range that {@link
 * Parallel} splits across threads; the others keep literal bounds inline.
 */
final class AffineEmitter {
  /** Column tile of the weight-gradient loop: a tile of dz for a whole batch stays in L2. */
  static final int TILE = 256;
  private static final ClassName OPS = ClassName.get("dev.unroll.runtime", "Ops");

  private AffineEmitter() {}

  static CodeBlock forward(LayerPlan p, Num t) {
    CodeBlock.Builder c = CodeBlock.builder();
    int in = p.fanIn();
    int cols = p.cols();
    String bias = p.productHasBias() ? "bias" : null;
    if (p.parallel()) {
      return c.add(Parallel.dispatch(p.affine(), cols)).build();
    }
    declareOperands(c, p, t);
    if (p.unrollInputs()) {
      for (int m = 0; m < in; m++) {
        c.addStatement("$L[] row$L = $L[$L]", t.t(), m, p.productWeights(), m);
      }
      boolean relu = p.direct() && p.hasOwnActivation();
      if (relu) {
        c.add("// h = max(x W + b, 0) in the same pass: z is never stored\n");
      }
      c.beginControlFlow("for (int i = 0; i < n; i++)");
      c.addStatement("$L[] x = $L[i]", t.t(), p.in());
      c.addStatement("$L[] z = $L[i]", t.t(), relu ? p.h() : p.z());
      for (int m = 0; m < in; m++) {
        c.addStatement("$L x$L = x[$L]", t.t(), m, m);
      }
      if (p.unrollCols()) {
        for (int j = 0; j < cols; j++) {
          c.addStatement("z[$L] = $L", j, sum(bias, in, Integer.toString(j), t));
        }
      } else {
        c.beginControlFlow("for (int j = 0; j < $L; j++)", cols);
        String value = sum(bias, in, "j", t);
        c.addStatement("z[j] = $L", relu ? "Math.max(" + value + ", " + t.lit(0) + ")" : value);
        c.endControlFlow();
      }
      c.endControlFlow();
      if (p.ht() != null) {
        c.add(transposedOutput(p, t, relu));
      }
    } else if (p.unrollCols() && p.inT() != null) {
      c.add(fewColumnsTransposed(p, t, bias));
    } else if (p.unrollCols()) {
      c.beginControlFlow("for (int i = 0; i < n; i++)");
      c.addStatement("$L[] x = $L[i]", t.t(), p.in());
      for (int j = 0; j < cols; j++) {
        c.addStatement("$L s$L = $L", t.t(), j, bias == null ? t.lit(0) : "bias[" + j + "]");
      }
      c.beginControlFlow("for (int m = 0; m < $L; m++)", in);
      c.addStatement("$L xm = x[m]", t.t());
      c.addStatement("$L[] row = $L[m]", t.t(), p.productWeights());
      for (int j = 0; j < cols; j++) {
        c.addStatement("s$L += xm * row[$L]", j, j);
      }
      c.endControlFlow();
      c.addStatement("$L[] z = $L[i]", t.t(), p.z());
      for (int j = 0; j < cols; j++) {
        c.addStatement("z[$L] = s$L", j, j);
      }
      c.endControlFlow();
    } else {
      c.add(forwardBody(p, t, "0", Integer.toString(cols)));
    }
    return c.build();
  }

  /**
   * The output again, transposed ({@code ht[j][i]}), for a next layer with few columns: each row
   * of {@code ht} is an axpy over the batch with the weights as scalars, which C2 vectorizes, so
   * this costs one more pass instead of a scalar transpose.
   */
  private static CodeBlock transposedOutput(LayerPlan p, Num t, boolean relu) {
    CodeBlock.Builder c = CodeBlock.builder();
    int in = p.fanIn();
    c.add("// the output transposed, for the next layer: ht[j] = $L over the batch\n",
        relu ? "max(b[j] + sum_m w[m][j] x[.][m], 0)" : "b[j] + sum_m w[m][j] x[.][m]");
    transposeInput(c, p, t);
    c.beginControlFlow("for (int j = 0; j < $L; j++)", p.cols());
    c.addStatement("$L[] o = $L[j]", t.t(), p.ht());
    List<String> terms = new ArrayList<>();
    if (p.productHasBias()) {
      c.addStatement("$L bj = bias[j]", t.t());
      terms.add("bj");
    }
    for (int m = 0; m < in; m++) {
      c.addStatement("$L v$L = row$L[j]", t.t(), m, m);
      terms.add("v" + m + " * t" + m + "[i]");
    }
    String sum = String.join(" + ", terms);
    c.beginControlFlow("for (int i = 0; i < n; i++)");
    c.addStatement("o[i] = $L", relu ? "Math.max(" + sum + ", " + t.lit(0) + ")" : sum);
    c.endControlFlow();
    c.endControlFlow();
    return c.build();
  }

  /** Locals {@code t0..} for the rows of {@code xt}, filled with the input transposed. */
  static void transposeInput(CodeBlock.Builder c, LayerPlan p, Num t) {
    for (int m = 0; m < p.fanIn(); m++) {
      c.addStatement("$L[] t$L = $L[$L]", t.t(), m, p.xt(), m);
    }
    c.beginControlFlow("for (int i = 0; i < n; i++)");
    c.addStatement("$L[] x = $L[i]", t.t(), p.in());
    for (int m = 0; m < p.fanIn(); m++) {
      c.addStatement("t$L[i] = x[$L]", m, m);
    }
    c.endControlFlow();
  }

  /**
   * Few columns over a wide fan-in, from the transposed input: {@code zt[c] += w[m][c] * xt[m]}
   * are axpys over the batch (vectorized, all columns in one pass), where the row layout would
   * need one dot product per column and sample, whose sums C2 keeps scalar and serial.
   */
  private static CodeBlock fewColumnsTransposed(LayerPlan p, Num t, String bias) {
    CodeBlock.Builder c = CodeBlock.builder();
    int cols = p.cols();
    c.add("// few columns: zt[c] = b[c] + sum_m w[m][c] * xt[m], axpys over the batch\n");
    for (int j = 0; j < cols; j++) {
      c.addStatement("$L[] zc$L = $L[$L]", t.t(), j, p.zt(), j);
      c.addStatement("java.util.Arrays.fill(zc$L, 0, n, $L)", j,
          bias == null ? t.lit(0) : "bias[" + j + "]");
    }
    c.beginControlFlow("for (int m = 0; m < $L; m++)", p.fanIn());
    c.addStatement("$L[] xt = $L[m]", t.t(), p.inT());
    c.addStatement("$L[] row = $L[m]", t.t(), p.productWeights());
    for (int j = 0; j < cols; j++) {
      c.addStatement("$L a$L = row[$L]", t.t(), j, j);
    }
    c.beginControlFlow("for (int i = 0; i < n; i++)");
    c.addStatement("$L xi = xt[i]", t.t());
    for (int j = 0; j < cols; j++) {
      c.addStatement("zc$1L[i] += a$1L * xi", j);
    }
    c.endControlFlow();
    c.endControlFlow();
    c.beginControlFlow("for (int i = 0; i < n; i++)");
    c.addStatement("$L[] z = $L[i]", t.t(), p.z());
    for (int j = 0; j < cols; j++) {
      c.addStatement("z[$1L] = zc$1L[i]", j);
    }
    c.endControlFlow();
    return c.build();
  }

  /**
   * Declares {@code bias} (when the product adds one) and, for batch norm, {@code weights}: the
   * layer's W with a zero bias in training, batch norm folded into W' and b' in evaluation, so
   * that evaluation is one product and the activation.
   */
  static void declareOperands(CodeBlock.Builder c, LayerPlan p, Num t) {
    if (p.wf() != null) {
      c.add("// batch norm: W and no bias in training, in evaluation W' = W gamma / sqrt(var + eps)"
          + "\n// and b' = beta - mean gamma / sqrt(var + eps) (see fold())\n");
      c.addStatement("$L[][] weights = training ? $L : $L", t.t(), p.w(), p.wf());
      c.addStatement("$L[] bias = training ? $L[0] : $L[0]", t.t(), p.noBias(), p.bf());
    } else if (p.b() != null) {
      c.addStatement("$L[] bias = $L[0]", t.t(), p.b());
    }
  }

  /** Columns [lo, hi) of z = x W + b, four weight rows per pass. */
  static CodeBlock forwardBody(LayerPlan p, Num t, String lo, String hi) {
    CodeBlock.Builder c = CodeBlock.builder();
    if (p.parallel()) {
      declareOperands(c, p, t);
    }
    if (p.vector()) {
      c.beginControlFlow("for (int i = 0; i < n; i++)");
      if (p.productHasBias()) {
        c.addStatement("System.arraycopy(bias, $1L, $2L[i], $1L, $3L - $1L)", lo, p.z(), hi);
      } else {
        c.addStatement("java.util.Arrays.fill($L[i], $L, $L, $L)", p.z(), lo, hi, t.lit(0));
      }
      c.endControlFlow();
      if (p.wp() != null) {
        c.add("// evaluating 1 to 3 samples: the weights streamed from their flat copy (fold())\n");
        c.beginControlFlow("if (!training && n < 4)");
        c.addStatement("$T.productFlat($L, $L, $L, $L, n, $L, $L, $L)", t.kernels(), p.in(),
            p.productWeights(), p.wp(), p.z(), p.fanIn(), lo, hi);
        c.nextControlFlow("else");
      }
      c.add("// register-blocked Vector API product (4 rows x 4 vectors per tile)\n");
      c.addStatement("$T.product($L, $L, $L, n, $L, $L, $L)", t.kernels(), p.in(),
          p.productWeights(), p.z(), p.fanIn(), lo, hi);
      if (p.wp() != null) {
        c.endControlFlow();
      }
      return c.build();
    }
    c.add("// four weight rows per pass: one store stream, all indexed by j: C2 vectorizes it\n");
    c.beginControlFlow("for (int i = 0; i < n; i++)");
    c.addStatement("$L[] x = $L[i]", t.t(), p.in());
    c.addStatement("$L[] z = $L[i]", t.t(), p.z());
    if (p.productHasBias()) {
      c.addStatement("System.arraycopy(bias, $1L, z, $1L, $2L - $1L)", lo, hi);
    } else {
      c.addStatement("java.util.Arrays.fill(z, $L, $L, $L)", lo, hi, t.lit(0));
    }
    pairedAxpy(c, t, "x", p.productWeights(), "z", p.fanIn(), lo, hi, "m", "j");
    c.endControlFlow();
    return c.build();
  }

  private static String sum(String bias, int in, String j, Num t) {
    List<String> terms = new ArrayList<>();
    if (bias != null) {
      terms.add(bias + "[" + j + "]");
    }
    for (int m = 0; m < in; m++) {
      terms.add("x" + m + " * row" + m + "[" + j + "]");
    }
    return terms.isEmpty() ? t.lit(0) : String.join(" + ", terms);
  }

  /**
   * {@code out[j] += a[k] * rows[k][j]} over all k and j in [lo, hi), four rows per pass ({@code
   * out[j] += a0 * r0[j] + ... + a3 * r3[j]}), then a pair, then one. One array is stored and
   * every array is indexed by {@code j} alone, the loop shape C2 vectorizes; four rows per pass
   * quarter the loads and stores of {@code out} (W4 plain forward 36-40 -> 33 ms, W2n 2.5-2.6 ->
   * 2.4 ms a step against two rows).
   */
  static void pairedAxpy(CodeBlock.Builder c, Num t, String a, String rows, String out, int k,
      String lo, String hi, String kv, String jv) {
    int four = k - k % 4;
    c.beginControlFlow("for (int $1L = 0; $1L < $2L; $1L += 4)", kv, four);
    for (int q = 0; q < 4; q++) {
      c.addStatement("$L a$L = $L[$L + $L]", t.t(), q, a, kv, q);
      c.addStatement("$L[] r$L = $L[$L + $L]", t.t(), q, rows, kv, q);
    }
    c.beginControlFlow("for (int $1L = $2L; $1L < $3L; $1L++)", jv, lo, hi);
    c.addStatement("$1L[$2L] += a0 * r0[$2L] + a1 * r1[$2L] + a2 * r2[$2L] + a3 * r3[$2L]",
        out, jv);
    c.endControlFlow();
    c.endControlFlow();
    int even = k - k % 2;
    c.beginControlFlow("for (int $1L = $2L; $1L < $3L; $1L += 2)", kv, four, even);
    c.addStatement("$L a0 = $L[$L]", t.t(), a, kv);
    c.addStatement("$L a1 = $L[$L + 1]", t.t(), a, kv);
    c.addStatement("$L[] r0 = $L[$L]", t.t(), rows, kv);
    c.addStatement("$L[] r1 = $L[$L + 1]", t.t(), rows, kv);
    c.beginControlFlow("for (int $1L = $2L; $1L < $3L; $1L++)", jv, lo, hi);
    c.addStatement("$1L[$2L] += a0 * r0[$2L] + a1 * r1[$2L]", out, jv);
    c.endControlFlow();
    c.endControlFlow();
    if (k % 2 == 1) {
      c.addStatement("$L a0 = $L[$L]", t.t(), a, k - 1);
      c.addStatement("$L[] r0 = $L[$L]", t.t(), rows, k - 1);
      c.beginControlFlow("for (int $1L = $2L; $1L < $3L; $1L++)", jv, lo, hi);
      c.addStatement("$1L[$2L] += a0 * r0[$2L]", out, jv);
      c.endControlFlow();
    }
  }

  /**
   * Backward of a {@link LayerPlan#direct() direct} layer in one pass per sample: {@code dz = dh *
   * [h > 0]} (ReLU) or {@code dz = dh} (identity), {@code dW[m] += x[m] dz}, {@code db += dz}; dz
   * is stored only when the input gradient reads it. Weight and bias gradients stay in L1 while
   * the batch streams through once.
   */
  static CodeBlock backwardDirect(LayerPlan p, Num t) {
    CodeBlock.Builder c = CodeBlock.builder();
    int in = p.fanIn();
    boolean relu = p.hasOwnActivation();
    boolean keepDz = relu && p.dIn() != null;
    c.add("// dW = x^T dz + l2 * W and db = sum_i dz$L, one pass over the batch\n",
        relu ? ", with dz = dh * [h > 0]" : "");
    for (int m = 0; m < in; m++) {
      c.addStatement("$L[] row$L = $L[$L]", t.t(), m, p.w(), m);
      c.addStatement("$L[] g$L = $L[$L]", t.t(), m, p.dw(), m);
      c.beginControlFlow("for (int j = 0; j < $L; j++)", p.cols());
      c.addStatement("g$1L[j] = reg * row$1L[j]", m);
      c.endControlFlow();
    }
    if (p.db() != null) {
      c.addStatement("$L[] gb = $L[0]", t.t(), p.db());
      c.addStatement("java.util.Arrays.fill(gb, $L)", t.lit(0));
    }
    c.beginControlFlow("for (int i = 0; i < n; i++)");
    c.addStatement("$L[] x = $L[i]", t.t(), p.in());
    for (int m = 0; m < in; m++) {
      c.addStatement("$L x$L = x[$L]", t.t(), m, m);
    }
    c.addStatement("$L[] dh = $L[i]", t.t(), p.dh());
    if (relu) {
      c.addStatement("$L[] h = $L[i]", t.t(), p.h());
    }
    if (keepDz) {
      c.addStatement("$L[] dz = $L[i]", t.t(), p.dz());
    }
    c.beginControlFlow("for (int j = 0; j < $L; j++)", p.cols());
    if (relu) {
      c.add("// mask [h > 0] as min(h * $L, 1), arithmetic so C2 vectorizes it\n",
          ActivationEmitter.huge(t));
      c.addStatement("$L d = dh[j] * Math.min(h[j] * $L, $L)", t.t(), ActivationEmitter.huge(t),
          t.lit(1));
    } else {
      c.addStatement("$L d = dh[j]", t.t());
    }
    if (keepDz) {
      c.addStatement("dz[j] = d");
    }
    for (int m = 0; m < in; m++) {
      c.addStatement("g$1L[j] += x$1L * d", m);
    }
    if (p.db() != null) {
      c.addStatement("gb[j] += d");
    }
    c.endControlFlow();
    c.endControlFlow();
    return c.build();
  }

  /** Weight and bias gradients; {@code reg} is a local holding the L2 strength. */
  static CodeBlock backwardParams(LayerPlan p, Num t) {
    CodeBlock.Builder c = CodeBlock.builder();
    int cols = p.cols();
    c.add("// dW = x^T dz + l2 * W\n");
    if (p.parallel()) {
      c.add(Parallel.dispatch(p.weightGrad(), cols));
    } else if (p.dwt() != null) {
      boolean withDx = p.dIn() != null;
      c.add("// few columns: dW^T[c] += dz[i][c] * x[i] over the batch (axpys C2 vectorizes),\n");
      c.add("// then dW = (dW^T)^T + l2 * W$L\n", withDx
          ? "; the same pass over each sample writes dx = sum_c dz[c] * (W^T)[c]" : "");
      if (withDx) {
        c.addStatement("$T.transpose($L, $L)", OPS, p.w(), p.wt());
      }
      List<String> terms = new ArrayList<>();
      for (int j = 0; j < cols; j++) {
        c.addStatement("$L[] gt$L = $L[$L]", t.t(), j, p.dwt(), j);
        c.addStatement("java.util.Arrays.fill(gt$L, $L)", j, t.lit(0));
        if (withDx) {
          c.addStatement("$L[] t$L = $L[$L]", t.t(), j, p.wt(), j);
          terms.add("d" + j + " * t" + j + "[m]");
        }
      }
      c.beginControlFlow("for (int i = 0; i < n; i++)");
      c.addStatement("$L[] x = $L[i]", t.t(), p.in());
      c.addStatement("$L[] d = $L[i]", t.t(), p.dz());
      if (withDx) {
        c.addStatement("$L[] dx = $L[i]", t.t(), p.dIn());
      }
      for (int j = 0; j < cols; j++) {
        c.addStatement("$L d$L = d[$L]", t.t(), j, j);
      }
      c.beginControlFlow("for (int m = 0; m < $L; m++)", p.fanIn());
      c.addStatement("$L xm = x[m]", t.t());
      for (int j = 0; j < cols; j++) {
        c.addStatement("gt$1L[m] += d$1L * xm", j);
      }
      if (withDx) {
        c.addStatement("dx[m] = $L", String.join(" + ", terms));
      }
      c.endControlFlow();
      c.endControlFlow();
      c.beginControlFlow("for (int m = 0; m < $L; m++)", p.fanIn());
      c.addStatement("$L[] row = $L[m]", t.t(), p.w());
      c.addStatement("$L[] grad = $L[m]", t.t(), p.dw());
      for (int j = 0; j < cols; j++) {
        c.addStatement("grad[$1L] = $2L[$1L][m] + reg * row[$1L]", j, p.dwt());
      }
      c.endControlFlow();
    } else if (p.unrollCols()) {
      c.add("// one weight row at a time, a register per column\n");
      c.beginControlFlow("for (int m = 0; m < $L; m++)", p.fanIn());
      c.addStatement("$L[] row = $L[m]", t.t(), p.w());
      c.addStatement("$L[] grad = $L[m]", t.t(), p.dw());
      for (int j = 0; j < cols; j++) {
        c.addStatement("$L g$L = reg * row[$L]", t.t(), j, j);
      }
      c.beginControlFlow("for (int i = 0; i < n; i++)");
      c.addStatement("$L xm = $L[i][m]", t.t(), p.in());
      c.addStatement("$L[] d = $L[i]", t.t(), p.dz());
      for (int j = 0; j < cols; j++) {
        c.addStatement("g$L += xm * d[$L]", j, j);
      }
      c.endControlFlow();
      for (int j = 0; j < cols; j++) {
        c.addStatement("grad[$L] = g$L", j, j);
      }
      c.endControlFlow();
    } else {
      c.add(weightGradBody(p, t, "0", Integer.toString(cols)));
    }
    if (p.db() != null && !p.parallel()) {
      c.add(biasGradBody(p, t, "0", Integer.toString(cols)));
    }
    return c.build();
  }

  /** Columns [lo, hi) of db = sum over the batch of dz (a split layer's in its dW task). */
  static CodeBlock biasGradBody(LayerPlan p, Num t, String lo, String hi) {
    CodeBlock.Builder c = CodeBlock.builder();
    c.add("// db = sum over the batch of dz\n");
    c.addStatement("$L[] gb = $L[0]", t.t(), p.db());
    c.addStatement("java.util.Arrays.fill(gb, $L, $L, $L)", lo, hi, t.lit(0));
    c.beginControlFlow("for (int i = 0; i < n; i++)");
    c.addStatement("$L[] d = $L[i]", t.t(), p.dz());
    c.beginControlFlow("for (int j = $L; j < $L; j++)", lo, hi);
    c.addStatement("gb[j] += d[j]");
    c.endControlFlow();
    c.endControlFlow();
    return c.build();
  }

  /**
   * Columns [lo, hi) of dW: first l2 W, then two samples per pass, in column tiles of {@link
   * #TILE} so the tile of dz for the whole batch stays in L2 while every weight row passes.
   */
  static CodeBlock weightGradBody(LayerPlan p, Num t, String lo, String hi) {
    CodeBlock.Builder c = CodeBlock.builder();
    if (p.vector()) {
      return c.addStatement("$T.weightGradient($L, $L, $L, $L, reg, n, $L, $L, $L)", t.kernels(),
          p.in(), p.dz(), p.w(), p.dw(), p.fanIn(), lo, hi).build();
    }
    c.beginControlFlow("for (int m = 0; m < $L; m++)", p.fanIn());
    c.addStatement("$L[] row = $L[m]", t.t(), p.w());
    c.addStatement("$L[] grad = $L[m]", t.t(), p.dw());
    c.beginControlFlow("for (int j = $L; j < $L; j++)", lo, hi);
    c.addStatement("grad[j] = reg * row[j]");
    c.endControlFlow();
    c.endControlFlow();
    c.beginControlFlow("for (int jb = $L; jb < $L; jb += $L)", lo, hi, TILE);
    c.addStatement("int je = Math.min(jb + $L, $L)", TILE, hi);
    c.beginControlFlow("for (int m = 0; m < $L; m++)", p.fanIn());
    c.addStatement("$L[] grad = $L[m]", t.t(), p.dw());
    c.addStatement("int i = 0");
    c.beginControlFlow("for (; i + 1 < n; i += 2)");
    c.addStatement("$L a0 = $L[i][m]", t.t(), p.in());
    c.addStatement("$L a1 = $L[i + 1][m]", t.t(), p.in());
    c.addStatement("$L[] d0 = $L[i]", t.t(), p.dz());
    c.addStatement("$L[] d1 = $L[i + 1]", t.t(), p.dz());
    c.beginControlFlow("for (int j = jb; j < je; j++)");
    c.addStatement("grad[j] += a0 * d0[j] + a1 * d1[j]");
    c.endControlFlow();
    c.endControlFlow();
    c.beginControlFlow("if (i < n)");
    c.addStatement("$L a0 = $L[i][m]", t.t(), p.in());
    c.addStatement("$L[] d0 = $L[i]", t.t(), p.dz());
    c.beginControlFlow("for (int j = jb; j < je; j++)");
    c.addStatement("grad[j] += a0 * d0[j]");
    c.endControlFlow();
    c.endControlFlow();
    c.endControlFlow();
    c.endControlFlow();
    return c.build();
  }

  /**
   * Input gradient {@code dx = dz W^T}. Few columns: one short dot product per input, written out.
   * Otherwise, on the plain backend, W is first transposed into {@code wt} (cols x fan_in), which
   * turns each row of dx into a sum of axpys over rows of W^T (vectorized) instead of fan_in dot
   * products (whose floating-point sums C2 will not reorder, so they would stay scalar); the
   * vector kernels pack W^T's panels from W's rows themselves ({@code productTransposed}).
   */
  static CodeBlock backwardInput(LayerPlan p, Num t) {
    CodeBlock.Builder c = CodeBlock.builder();
    int cols = p.cols();
    if (p.dwt() != null) {
      // written in the weight-gradient pass
      return c.build();
    }
    c.add("// dx = dz W^T, written into the previous layer's output gradient\n");
    if (p.unrollCols() && p.wt() != null) {
      c.add("// few columns: dx = sum_c dz[c] * (W^T)[c], one axpy expression C2 vectorizes\n");
      c.addStatement("$T.transpose($L, $L)", OPS, p.w(), p.wt());
      for (int j = 0; j < cols; j++) {
        c.addStatement("$L[] t$L = $L[$L]", t.t(), j, p.wt(), j);
      }
      c.beginControlFlow("for (int i = 0; i < n; i++)");
      c.addStatement("$L[] d = $L[i]", t.t(), p.dz());
      c.addStatement("$L[] dx = $L[i]", t.t(), p.dIn());
      List<String> terms = new ArrayList<>();
      for (int j = 0; j < cols; j++) {
        c.addStatement("$L d$L = d[$L]", t.t(), j, j);
        terms.add("d" + j + " * t" + j + "[m]");
      }
      c.beginControlFlow("for (int m = 0; m < $L; m++)", p.fanIn());
      c.addStatement("dx[m] = $L", String.join(" + ", terms));
      c.endControlFlow();
      c.endControlFlow();
      return c.build();
    }
    if (p.unrollCols()) {
      c.beginControlFlow("for (int i = 0; i < n; i++)");
      c.addStatement("$L[] d = $L[i]", t.t(), p.dz());
      c.addStatement("$L[] dx = $L[i]", t.t(), p.dIn());
      c.beginControlFlow("for (int m = 0; m < $L; m++)", p.fanIn());
      c.addStatement("$L[] row = $L[m]", t.t(), p.w());
      List<String> terms = new ArrayList<>();
      for (int j = 0; j < cols; j++) {
        terms.add("d[" + j + "] * row[" + j + "]");
      }
      c.addStatement("dx[m] = $L", String.join(" + ", terms));
      c.endControlFlow();
      c.endControlFlow();
      return c.build();
    }
    boolean copy = p.wt() != null;
    if (p.parallel()) {
      c.beginControlFlow("if (workers == null)");
      if (copy) {
        c.addStatement("$T.transpose($L, $L)", OPS, p.w(), p.wt());
      }
      c.addStatement("$L(n, 0, $L)", p.inputGrad(), p.fanIn());
      c.nextControlFlow("else");
      if (copy) {
        c.addStatement("workers.run($LTask)", p.transpose());
      }
      c.addStatement("workers.run($LTask)", p.inputGrad());
      c.endControlFlow();
      return c.build();
    }
    if (copy) {
      c.addStatement("$T.transpose($L, $L)", OPS, p.w(), p.wt());
    }
    return c.add(inputGradBody(p, t, "0", Integer.toString(p.fanIn()))).build();
  }

  /** Inputs [lo, hi) of dx = dz W^T, as axpys over the rows of W^T. */
  static CodeBlock inputGradBody(LayerPlan p, Num t, String lo, String hi) {
    CodeBlock.Builder c = CodeBlock.builder();
    if (p.vector()) {
      c.beginControlFlow("for (int i = 0; i < n; i++)");
      c.addStatement("java.util.Arrays.fill($L[i], $L, $L, $L)", p.dIn(), lo, hi, t.lit(0));
      c.endControlFlow();
      c.add("// panels packed from W's rows: no transposed copy of W\n");
      return c.addStatement("$T.productTransposed($L, $L, $L, n, $L, $L, $L)", t.kernels(),
          p.dz(), p.w(), p.dIn(), p.cols(), lo, hi).build();
    }
    c.beginControlFlow("for (int i = 0; i < n; i++)");
    c.addStatement("$L[] d = $L[i]", t.t(), p.dz());
    c.addStatement("$L[] dx = $L[i]", t.t(), p.dIn());
    c.addStatement("java.util.Arrays.fill(dx, $L, $L, $L)", lo, hi, t.lit(0));
    pairedAxpy(c, t, "d", p.wt(), "dx", p.cols(), lo, hi, "k", "m");
    c.endControlFlow();
    return c.build();
  }
}
