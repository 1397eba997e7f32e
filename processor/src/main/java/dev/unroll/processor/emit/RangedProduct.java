package dev.unroll.processor.emit;

import com.palantir.javapoet.CodeBlock;
import dev.unroll.processor.plan.DensePlan;

/**
 * A product shape that computes any range of its outputs on its own, each output element in the
 * same order whatever the range: the whole layer is the range of all columns, and {@link Split}
 * hands ranges to threads with bit-identical results.
 */
interface RangedProduct extends ProductStrategy {
  /** Columns [lo, hi) of {@code z = x W + b}; {@code bias} and the weights are declared. */
  CodeBlock forwardRange(DensePlan p, Num t, String lo, String hi);

  /** Columns [lo, hi) of {@code dW = x^T dz + l2 W}. */
  CodeBlock weightGradientRange(DensePlan p, Num t, String lo, String hi);

  /** Inputs [lo, hi) of {@code dx = dz W^T} (after {@link #transposesWeights} is done). */
  CodeBlock inputGradientRange(DensePlan p, Num t, String lo, String hi);

  /** Whether the input gradient reads the transposed copy {@code wt}, written first. */
  default boolean transposesWeights(DensePlan p) {
    return p.affine().wt() != null;
  }

  @Override
  default CodeBlock forward(DensePlan p, Num t) {
    CodeBlock.Builder c = CodeBlock.builder();
    Loops.declareOperands(c, p, t);
    return c.add(forwardRange(p, t, "0", Integer.toString(p.cols()))).build();
  }

  @Override
  default CodeBlock weightGradient(DensePlan p, Num t) {
    String cols = Integer.toString(p.cols());
    CodeBlock.Builder c = CodeBlock.builder()
        .add("// dW = x^T dz + l2 * W\n")
        .add(weightGradientRange(p, t, "0", cols));
    if (p.affine().db() != null) {
      c.add(Loops.biasGradient(p, t, "0", cols));
    }
    return c.build();
  }

  @Override
  default CodeBlock inputGradient(DensePlan p, Num t) {
    CodeBlock.Builder c = CodeBlock.builder()
        .add("// dx = dz W^T, written into the previous layer's output gradient\n");
    if (transposesWeights(p)) {
      c.addStatement("$T.transpose($L, $L)", RuntimeTypes.OPS, p.affine().w(), p.affine().wt());
    }
    return c.add(inputGradientRange(p, t, "0", Integer.toString(p.fanIn()))).build();
  }
}
