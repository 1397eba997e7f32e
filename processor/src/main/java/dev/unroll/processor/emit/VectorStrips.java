package dev.unroll.processor.emit;

import com.palantir.javapoet.CodeBlock;
import dev.unroll.processor.plan.DensePlan;

/**
 * Wide layers on the vector backend: the three products call the Vector API kernels of {@code
 * unroll-vector} ({@code FloatKernels}/{@code DoubleKernels}), register-blocked strips of 4 rows
 * by 4 vectors over a packed panel. The input gradient packs W^T's panels from W's rows itself,
 * so there is no transposed copy of W.
 */
final class VectorStrips implements RangedProduct {
  static final VectorStrips INSTANCE = new VectorStrips();

  private VectorStrips() {}

  @Override
  public CodeBlock forwardRange(DensePlan p, Num t, String lo, String hi) {
    CodeBlock.Builder c = CodeBlock.builder();
    String z = p.activation().z();
    String wp = p.affine().wp();
    c.beginControlFlow("for (int i = 0; i < n; i++)");
    if (p.productHasBias()) {
      c.addStatement("System.arraycopy(bias, $1L, $2L[i], $1L, $3L - $1L)", lo, z, hi);
    } else {
      c.addStatement("java.util.Arrays.fill($L[i], $L, $L, $L)", z, lo, hi, t.lit(0));
    }
    c.endControlFlow();
    if (wp != null) {
      c.add("// evaluating 1 to 3 samples: the weights streamed from their flat copy (fold())\n");
      c.beginControlFlow("if (!training && n < 4)");
      c.addStatement("$T.productFlat($L, $L, $L, $L, n, $L, $L, $L)", t.kernels(), p.in(),
          p.productWeights(), wp, z, p.fanIn(), lo, hi);
      c.nextControlFlow("else");
    }
    c.add("// register-blocked Vector API product (4 rows x 4 vectors per tile)\n");
    c.addStatement("$T.product($L, $L, $L, n, $L, $L, $L)", t.kernels(), p.in(),
        p.productWeights(), z, p.fanIn(), lo, hi);
    if (wp != null) {
      c.endControlFlow();
    }
    return c.build();
  }

  @Override
  public CodeBlock weightGradientRange(DensePlan p, Num t, String lo, String hi) {
    return CodeBlock.builder()
        .addStatement("$T.weightGradient($L, $L, $L, $L, reg, n, $L, $L, $L)", t.kernels(),
            p.in(), p.activation().dz(), p.affine().w(), p.affine().dw(), p.fanIn(), lo, hi)
        .build();
  }

  @Override
  public CodeBlock inputGradientRange(DensePlan p, Num t, String lo, String hi) {
    CodeBlock.Builder c = CodeBlock.builder();
    c.beginControlFlow("for (int i = 0; i < n; i++)");
    c.addStatement("java.util.Arrays.fill($L[i], $L, $L, $L)", p.dIn(), lo, hi, t.lit(0));
    c.endControlFlow();
    c.add("// panels packed from W's rows: no transposed copy of W\n");
    return c.addStatement("$T.productTransposed($L, $L, $L, n, $L, $L, $L)", t.kernels(),
        p.activation().dz(), p.affine().w(), p.dIn(), p.cols(), lo, hi).build();
  }
}
