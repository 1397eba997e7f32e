package dev.unroll.processor.emit;

import com.palantir.javapoet.CodeBlock;
import dev.unroll.processor.plan.DensePlan;
import java.util.ArrayList;
import java.util.List;

/**
 * Fan-in at most four and at most eight columns, everything written out: each output of every
 * product is one expression, with a register per column in the weight gradient.
 */
final class WrittenOut implements ProductStrategy {
  static final WrittenOut INSTANCE = new WrittenOut();

  private WrittenOut() {}

  @Override
  public CodeBlock forward(DensePlan p, Num t) {
    return WrittenOutFanIn.writtenOutForward(p, t);
  }

  @Override
  public CodeBlock weightGradient(DensePlan p, Num t) {
    CodeBlock.Builder c = CodeBlock.builder();
    int cols = p.cols();
    String dz = p.activation().dz();
    c.add("// dW = x^T dz + l2 * W\n");
    c.add("// one weight row at a time, a register per column\n");
    c.beginControlFlow("for (int m = 0; m < $L; m++)", p.fanIn());
    c.addStatement("$L[] w = $L[m]", t.t(), p.affine().w());
    c.addStatement("$L[] dw = $L[m]", t.t(), p.affine().dw());
    for (int j = 0; j < cols; j++) {
      c.addStatement("$L g$L = reg * w[$L]", t.t(), j, j);
    }
    c.beginControlFlow("for (int i = 0; i < n; i++)");
    c.addStatement("$L xm = $L[i][m]", t.t(), p.in());
    c.addStatement("$L[] dz = $L[i]", t.t(), dz);
    for (int j = 0; j < cols; j++) {
      c.addStatement("g$L += xm * dz[$L]", j, j);
    }
    c.endControlFlow();
    for (int j = 0; j < cols; j++) {
      c.addStatement("dw[$L] = g$L", j, j);
    }
    c.endControlFlow();
    if (p.affine().db() != null) {
      c.add(Loops.biasGradient(p, t, "0", Integer.toString(cols)));
    }
    return c.build();
  }

  /** One short dot product per input, written out. */
  @Override
  public CodeBlock inputGradient(DensePlan p, Num t) {
    CodeBlock.Builder c = CodeBlock.builder();
    c.add("// dx = dz W^T, written into the previous layer's output gradient\n");
    c.beginControlFlow("for (int i = 0; i < n; i++)");
    c.addStatement("$L[] dz = $L[i]", t.t(), p.activation().dz());
    c.addStatement("$L[] dx = $L[i]", t.t(), p.dIn());
    c.beginControlFlow("for (int m = 0; m < $L; m++)", p.fanIn());
    c.addStatement("$L[] w = $L[m]", t.t(), p.affine().w());
    List<String> terms = new ArrayList<>();
    for (int j = 0; j < p.cols(); j++) {
      terms.add("dz[" + j + "] * w[" + j + "]");
    }
    c.addStatement("dx[m] = $L", String.join(" + ", terms));
    c.endControlFlow();
    c.endControlFlow();
    return c.build();
  }

  @Override
  public CodeBlock descend(DensePlan p, Num t) {
    return p.fanIn() > 1 ? Loops.descendRows(p, t) : ProductStrategy.super.descend(p, t);
  }
}
