package dev.unroll.processor.emit;

import com.palantir.javapoet.CodeBlock;
import dev.unroll.processor.plan.DensePlan;

/**
 * Wide layers on the plain backend, every loop an axpy over whole rows with one index, the shape
 * C2 vectorizes: the forward product adds four weight rows per pass into the output row, the
 * weight gradient takes two samples per pass in column tiles of {@link #TILE}, and the input
 * gradient is the forward's shape over a transposed copy {@code wt} of the weights (the dot
 * products {@code dz W^T} would otherwise need stay scalar: C2 will not reorder their sums).
 */
final class PairedRows implements RangedProduct {
  static final PairedRows INSTANCE = new PairedRows();
  /** Column tile of the weight-gradient loop: a tile of dz for a whole batch stays in L2. */
  static final int TILE = 256;

  private PairedRows() {}

  @Override
  public CodeBlock forwardRange(DensePlan p, Num t, String lo, String hi) {
    CodeBlock.Builder c = CodeBlock.builder();
    c.add("// four weight rows per pass: one store stream, all indexed by j: C2 vectorizes it\n");
    c.beginControlFlow("for (int i = 0; i < n; i++)");
    c.addStatement("$L[] x = $L[i]", t.t(), p.in());
    c.addStatement("$L[] z = $L[i]", t.t(), p.activation().z());
    if (p.productHasBias()) {
      c.addStatement("System.arraycopy(bias, $1L, z, $1L, $2L - $1L)", lo, hi);
    } else {
      c.addStatement("java.util.Arrays.fill(z, $L, $L, $L)", lo, hi, t.lit(0));
    }
    Loops.pairedAxpy(c, t, "x", p.productWeights(), "z", p.fanIn(), lo, hi, "m", "j");
    c.endControlFlow();
    return c.build();
  }

  /**
   * First l2 W, then two samples per pass, in column tiles so the tile of dz for the whole batch
   * stays in L2 while every weight row passes.
   */
  @Override
  public CodeBlock weightGradientRange(DensePlan p, Num t, String lo, String hi) {
    CodeBlock.Builder c = CodeBlock.builder();
    String in = p.in();
    String dz = p.activation().dz();
    c.beginControlFlow("for (int m = 0; m < $L; m++)", p.fanIn());
    c.addStatement("$L[] row = $L[m]", t.t(), p.affine().w());
    c.addStatement("$L[] grad = $L[m]", t.t(), p.affine().dw());
    c.beginControlFlow("for (int j = $L; j < $L; j++)", lo, hi);
    c.addStatement("grad[j] = reg * row[j]");
    c.endControlFlow();
    c.endControlFlow();
    c.beginControlFlow("for (int jb = $L; jb < $L; jb += $L)", lo, hi, TILE);
    c.addStatement("int je = Math.min(jb + $L, $L)", TILE, hi);
    c.beginControlFlow("for (int m = 0; m < $L; m++)", p.fanIn());
    c.addStatement("$L[] grad = $L[m]", t.t(), p.affine().dw());
    c.addStatement("int i = 0");
    c.beginControlFlow("for (; i + 1 < n; i += 2)");
    c.addStatement("$L a0 = $L[i][m]", t.t(), in);
    c.addStatement("$L a1 = $L[i + 1][m]", t.t(), in);
    c.addStatement("$L[] d0 = $L[i]", t.t(), dz);
    c.addStatement("$L[] d1 = $L[i + 1]", t.t(), dz);
    c.beginControlFlow("for (int j = jb; j < je; j++)");
    c.addStatement("grad[j] += a0 * d0[j] + a1 * d1[j]");
    c.endControlFlow();
    c.endControlFlow();
    c.beginControlFlow("if (i < n)");
    c.addStatement("$L a0 = $L[i][m]", t.t(), in);
    c.addStatement("$L[] d0 = $L[i]", t.t(), dz);
    c.beginControlFlow("for (int j = jb; j < je; j++)");
    c.addStatement("grad[j] += a0 * d0[j]");
    c.endControlFlow();
    c.endControlFlow();
    c.endControlFlow();
    c.endControlFlow();
    return c.build();
  }

  /** Inputs [lo, hi) of dx = dz W^T, as axpys over the rows of W^T. */
  @Override
  public CodeBlock inputGradientRange(DensePlan p, Num t, String lo, String hi) {
    CodeBlock.Builder c = CodeBlock.builder();
    c.beginControlFlow("for (int i = 0; i < n; i++)");
    c.addStatement("$L[] d = $L[i]", t.t(), p.activation().dz());
    c.addStatement("$L[] dx = $L[i]", t.t(), p.dIn());
    c.addStatement("java.util.Arrays.fill(dx, $L, $L, $L)", lo, hi, t.lit(0));
    Loops.pairedAxpy(c, t, "d", p.affine().wt(), "dx", p.cols(), lo, hi, "k", "m");
    c.endControlFlow();
    return c.build();
  }
}
