package dev.unroll.processor.emit;

import com.palantir.javapoet.CodeBlock;
import dev.unroll.processor.plan.DensePlan;
import java.util.Arrays;

/**
 * A tiny layer (fan-in at most four, written out; many columns; no batch norm; ReLU or identity)
 * bound by passes over the batch, not arithmetic: h is written straight from the product (z is
 * never stored), and dz, dW and db come from one backward pass per sample. Before a few-column
 * head it also writes its output transposed, which the head reads as axpys (direct-to-head).
 */
final class Direct implements ProductStrategy {
  static final Direct INSTANCE = new Direct();

  private Direct() {}

  @Override
  public CodeBlock forward(DensePlan p, Num t) {
    return WrittenOutFanIn.writtenOutForward(p, t);
  }

  /**
   * {@code dz = dh * [h > 0]} (ReLU) or {@code dz = dh} (identity), {@code dW[m] += x[m] dz},
   * {@code db += dz}; dz is stored only when the input gradient reads it. Weight and bias
   * gradients stay in L1 while the batch streams through once.
   */
  @Override
  public CodeBlock weightGradient(DensePlan p, Num t) {
    CodeBlock.Builder c = CodeBlock.builder();
    int in = p.fanIn();
    boolean relu = p.activation().ownOutput();
    boolean keepDz = relu && p.dIn() != null;
    String db = p.affine().db();
    c.add("// dW = x^T dz + l2 * W and db = sum_i dz$L, one pass over the batch\n",
        relu ? ", with dz = dh * [h > 0]" : "");
    for (int m = 0; m < in; m++) {
      String w = Loops.row(p.affine().w(), m);
      String dw = Loops.row(p.affine().dw(), m);
      c.addStatement("$L[] $L = $L[$L]", t.t(), w, p.affine().w(), m);
      c.addStatement("$L[] $L = $L[$L]", t.t(), dw, p.affine().dw(), m);
      c.beginControlFlow("for (int j = 0; j < $L; j++)", p.cols());
      c.addStatement("$L[j] = reg * $L[j]", dw, w);
      c.endControlFlow();
    }
    if (db != null) {
      c.addStatement("$L[] db = $L[0]", t.t(), db);
      c.addStatement("$T.fill(db, $L)", Arrays.class, t.lit(0));
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
      c.addStatement("$L[] dz = $L[i]", t.t(), p.activation().dz());
    }
    c.beginControlFlow("for (int j = 0; j < $L; j++)", p.cols());
    if (relu) {
      c.add("// mask [h > 0] as min(h * $L, 1), arithmetic so C2 vectorizes it\n",
          ActivationEmitter.huge(t));
      c.addStatement("$L d = dh[j] * $T.min(h[j] * $L, $L)", t.t(), Math.class,
          ActivationEmitter.huge(t),
          t.lit(1));
    } else {
      c.addStatement("$L d = dh[j]", t.t());
    }
    if (keepDz) {
      c.addStatement("dz[j] = d");
    }
    for (int m = 0; m < in; m++) {
      c.addStatement("$L[j] += x$L * d", Loops.row(p.affine().dw(), m), m);
    }
    if (db != null) {
      c.addStatement("db[j] += d");
    }
    c.endControlFlow();
    c.endControlFlow();
    return c.build();
  }

  @Override
  public CodeBlock inputGradient(DensePlan p, Num t) {
    return PairedRows.INSTANCE.inputGradient(p, t);
  }

  /** ReLU's forward and mask are inside the product's passes. */
  @Override
  public boolean ownsActivation(DensePlan p) {
    return true;
  }
}
