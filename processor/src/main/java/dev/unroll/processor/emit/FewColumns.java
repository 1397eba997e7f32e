package dev.unroll.processor.emit;

import com.palantir.javapoet.CodeBlock;
import dev.unroll.processor.plan.DensePlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * At most eight columns over a wide fan-in (the class scores): a register per column. The
 * weight gradient is axpys into the transposed buffer {@code dwt} over the batch, and the same
 * pass over each sample writes the input gradient. After a direct-to-head layer the forward
 * product reads that layer's transposed output and runs as axpys over the batch too.
 */
final class FewColumns implements ProductStrategy {
  static final FewColumns INSTANCE = new FewColumns();

  private FewColumns() {}

  @Override
  public CodeBlock forward(DensePlan p, Num t) {
    CodeBlock.Builder c = CodeBlock.builder();
    int cols = p.cols();
    String bias = p.productHasBias() ? "bias" : null;
    Loops.declareOperands(c, p, t);
    if (p.layout().inT() != null) {
      return c.add(transposed(p, t, bias)).build();
    }
    c.beginControlFlow("for (int i = 0; i < n; i++)");
    c.addStatement("$L[] x = $L[i]", t.t(), p.in());
    for (int j = 0; j < cols; j++) {
      c.addStatement("$L s$L = $L", t.t(), j, bias == null ? t.lit(0) : "bias[" + j + "]");
    }
    c.beginControlFlow("for (int m = 0; m < $L; m++)", p.fanIn());
    c.addStatement("$L xm = x[m]", t.t());
    c.addStatement("$L[] w = $L[m]", t.t(), p.productWeights());
    for (int j = 0; j < cols; j++) {
      c.addStatement("s$L += xm * w[$L]", j, j);
    }
    c.endControlFlow();
    c.addStatement("$L[] z = $L[i]", t.t(), p.activation().z());
    for (int j = 0; j < cols; j++) {
      c.addStatement("z[$L] = s$L", j, j);
    }
    c.endControlFlow();
    return c.build();
  }

  /**
   * From the transposed input: {@code zt[c] += w[m][c] * xt[m]} are axpys over the batch
   * (vectorized, all columns in one pass), where the row layout would need one dot product per
   * column and sample, whose sums C2 keeps scalar and serial.
   */
  private static CodeBlock transposed(DensePlan p, Num t, String bias) {
    CodeBlock.Builder c = CodeBlock.builder();
    int cols = p.cols();
    c.add("// few columns: zt[c] = b[c] + sum_m w[m][c] * xt[m], axpys over the batch\n");
    for (int j = 0; j < cols; j++) {
      c.addStatement("$L[] zc$L = $L[$L]", t.t(), j, p.layout().zt(), j);
      c.addStatement("$T.fill(zc$L, 0, n, $L)", Arrays.class, j,
          bias == null ? t.lit(0) : "bias[" + j + "]");
    }
    c.beginControlFlow("for (int m = 0; m < $L; m++)", p.fanIn());
    c.addStatement("$L[] xt = $L[m]", t.t(), p.layout().inT());
    c.addStatement("$L[] w = $L[m]", t.t(), p.productWeights());
    for (int j = 0; j < cols; j++) {
      c.addStatement("$L a$L = w[$L]", t.t(), j, j);
    }
    c.beginControlFlow("for (int i = 0; i < n; i++)");
    c.addStatement("$L xi = xt[i]", t.t());
    for (int j = 0; j < cols; j++) {
      c.addStatement("zc$1L[i] += a$1L * xi", j);
    }
    c.endControlFlow();
    c.endControlFlow();
    c.beginControlFlow("for (int i = 0; i < n; i++)");
    c.addStatement("$L[] z = $L[i]", t.t(), p.activation().z());
    for (int j = 0; j < cols; j++) {
      c.addStatement("z[$1L] = zc$1L[i]", j);
    }
    c.endControlFlow();
    return c.build();
  }

  /**
   * {@code dW^T[c] += dz[i][c] * x[i]} over the batch (axpys C2 vectorizes), then {@code dW =
   * (dW^T)^T + l2 W}; with an input gradient, the same pass over each sample writes {@code dx =
   * sum_c dz[c] * (W^T)[c]}.
   */
  @Override
  public CodeBlock weightGradient(DensePlan p, Num t) {
    CodeBlock.Builder c = CodeBlock.builder();
    int cols = p.cols();
    String dwt = p.affine().dwt();
    String wt = p.affine().wt();
    boolean withDx = p.dIn() != null;
    c.add("// dW = x^T dz + l2 * W\n");
    c.add("// few columns: dW^T[c] += dz[i][c] * x[i] over the batch (axpys C2 vectorizes),\n");
    c.add("// then dW = (dW^T)^T + l2 * W$L\n", withDx
        ? "; the same pass over each sample writes dx = sum_c dz[c] * (W^T)[c]" : "");
    if (withDx) {
      c.addStatement("$T.transpose($L, $L)", RuntimeTypes.OPS, p.affine().w(), wt);
    }
    List<String> terms = new ArrayList<>();
    for (int j = 0; j < cols; j++) {
      c.addStatement("$L[] gt$L = $L[$L]", t.t(), j, dwt, j);
      c.addStatement("$T.fill(gt$L, $L)", Arrays.class, j, t.lit(0));
      if (withDx) {
        c.addStatement("$L[] t$L = $L[$L]", t.t(), j, wt, j);
        terms.add("d" + j + " * t" + j + "[m]");
      }
    }
    c.beginControlFlow("for (int i = 0; i < n; i++)");
    c.addStatement("$L[] x = $L[i]", t.t(), p.in());
    c.addStatement("$L[] dz = $L[i]", t.t(), p.activation().dz());
    if (withDx) {
      c.addStatement("$L[] dx = $L[i]", t.t(), p.dIn());
    }
    for (int j = 0; j < cols; j++) {
      c.addStatement("$L d$L = dz[$L]", t.t(), j, j);
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
    c.addStatement("$L[] w = $L[m]", t.t(), p.affine().w());
    c.addStatement("$L[] dw = $L[m]", t.t(), p.affine().dw());
    for (int j = 0; j < cols; j++) {
      c.addStatement("dw[$1L] = $2L[$1L][m] + reg * w[$1L]", j, dwt);
    }
    c.endControlFlow();
    if (p.affine().db() != null) {
      c.add(Loops.biasGradient(p, t, "0", Integer.toString(cols)));
    }
    return c.build();
  }

  /** Written in the weight gradient's pass. */
  @Override
  public CodeBlock inputGradient(DensePlan p, Num t) {
    return CodeBlock.builder().build();
  }

  @Override
  public CodeBlock descend(DensePlan p, Num t) {
    return p.fanIn() > 1 ? Loops.descendRows(p, t) : ProductStrategy.super.descend(p, t);
  }
}
