package dev.unroll.processor.emit;

import com.palantir.javapoet.CodeBlock;
import dev.unroll.processor.plan.DensePlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Loop shapes several product strategies share. */
final class Loops {
  private Loops() {}

  /**
   * Declares {@code bias} (when the product adds one) and, for batch norm, {@code weights}: the
   * layer's W with a zero bias in training, batch norm folded into W' and b' in evaluation, so
   * that evaluation is one product and the activation.
   */
  static void declareOperands(CodeBlock.Builder c, DensePlan p, Num t) {
    if (p.batchNorm() != null) {
      c.add("// batch norm: W and no bias in training, in evaluation W' = W gamma / sqrt(var + eps)"
          + "\n// and b' = beta - mean gamma / sqrt(var + eps) (see fold())\n");
      c.addStatement("$L[][] weights = training ? $L : $L", t.t(), p.affine().w(),
          p.batchNorm().wf());
      c.addStatement("$L[] bias = training ? $L[0] : $L[0]", t.t(), p.batchNorm().noBias(),
          p.batchNorm().bf());
    } else if (p.affine().b() != null) {
      c.addStatement("$L[] bias = $L[0]", t.t(), p.affine().b());
    }
  }

  /** Columns [lo, hi) of db = sum over the batch of dz (a split layer's in its dW task). */
  static CodeBlock biasGradient(DensePlan p, Num t, String lo, String hi) {
    CodeBlock.Builder c = CodeBlock.builder();
    c.add("// db = sum over the batch of dz\n");
    c.addStatement("$L[] db = $L[0]", t.t(), p.affine().db());
    c.addStatement("$T.fill(db, $L, $L, $L)", Arrays.class, lo, hi, t.lit(0));
    c.beginControlFlow("for (int i = 0; i < n; i++)");
    c.addStatement("$L[] dz = $L[i]", t.t(), p.activation().dz());
    c.beginControlFlow("for (int j = $L; j < $L; j++)", lo, hi);
    c.addStatement("db[j] += dz[j]");
    c.endControlFlow();
    c.endControlFlow();
    return c.build();
  }

  /** Locals {@code t0..} for the rows of {@code xt}, filled with the input transposed. */
  static void transposeInput(CodeBlock.Builder c, DensePlan p, Num t) {
    for (int m = 0; m < p.fanIn(); m++) {
      c.addStatement("$L[] $L = $L[$L]", t.t(), row(p.layout().xt(), m), p.layout().xt(), m);
    }
    c.beginControlFlow("for (int i = 0; i < n; i++)");
    c.addStatement("$L[] x = $L[i]", t.t(), p.in());
    for (int m = 0; m < p.fanIn(); m++) {
      c.addStatement("$L[i] = x[$L]", row(p.layout().xt(), m), m);
    }
    c.endControlFlow();
  }

  /**
   * The local holding row {@code k} of {@code array} when several rows of it are held at once
   * ({@code w1Row0 = w1[0]}): named after the array, as every local of the generated code is.
   */
  static String row(String array, Object k) {
    return array + "Row" + k;
  }

  /** {@code bias[j] + x0 * w1Row0[j] + ...}: one output of a written-out fan-in of {@code w}. */
  static String writtenOutSum(String bias, String w, int in, String j, Num t) {
    List<String> terms = new ArrayList<>();
    if (bias != null) {
      terms.add(bias + "[" + j + "]");
    }
    for (int m = 0; m < in; m++) {
      terms.add("x" + m + " * " + row(w, m) + "[" + j + "]");
    }
    return terms.isEmpty() ? t.lit(0) : String.join(" + ", terms);
  }

  /**
   * {@code out[j] += a[k] * rows[k][j]} over all k and j in [lo, hi), four rows per pass ({@code
   * out[j] += a0 * r0[j] + ... + a3 * r3[j]}), then the remainder: a pair, then one. One array
   * is stored and every array is indexed by {@code j} alone, the loop shape C2 vectorizes; four
   * rows per pass quarter the loads and stores of {@code out} (W4 plain forward 36-40 -> 33 ms,
   * W2n 2.5-2.6 -> 2.4 ms a step against two rows).
   */
  static void pairedAxpy(CodeBlock.Builder c, Num t, String a, String rows, String out, int k,
      String lo, String hi, String kv, String jv) {
    int four = k - k % 4;
    if (four > 0) {
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
    }
    // the remainder, written only where there is one: a pair, then a single row
    int even = k - k % 2;
    if (even > four) {
      c.addStatement("$L a0 = $L[$L]", t.t(), a, four);
      c.addStatement("$L a1 = $L[$L]", t.t(), a, four + 1);
      c.addStatement("$L[] r0 = $L[$L]", t.t(), rows, four);
      c.addStatement("$L[] r1 = $L[$L]", t.t(), rows, four + 1);
      c.beginControlFlow("for (int $1L = $2L; $1L < $3L; $1L++)", jv, lo, hi);
      c.addStatement("$1L[$2L] += a0 * r0[$2L] + a1 * r1[$2L]", out, jv);
      c.endControlFlow();
    }
    if (k % 2 == 1) {
      int q = k % 4 - 1; // its place after the pair, if any: names stay distinct
      c.addStatement("$L a$L = $L[$L]", t.t(), q, a, k - 1);
      c.addStatement("$L[] r$L = $L[$L]", t.t(), q, rows, k - 1);
      c.beginControlFlow("for (int $1L = $2L; $1L < $3L; $1L++)", jv, lo, hi);
      c.addStatement("$1L[$2L] += a$3L * r$3L[$2L]", out, jv, q);
      c.endControlFlow();
    }
  }

  /** SGD on a few-column weight matrix: one row per iteration, its columns written out. */
  static CodeBlock descendRows(DensePlan p, Num t) {
    CodeBlock.Builder m = CodeBlock.builder();
    m.beginControlFlow("for (int r = 0; r < $L; r++)", p.fanIn());
    m.addStatement("$L[] w = $L[r]", t.t(), p.affine().w());
    m.addStatement("$L[] dw = $L[r]", t.t(), p.affine().dw());
    for (int j = 0; j < p.cols(); j++) {
      m.addStatement("w[$1L] -= rate * dw[$1L]", j);
    }
    m.endControlFlow();
    return m.build();
  }
}
