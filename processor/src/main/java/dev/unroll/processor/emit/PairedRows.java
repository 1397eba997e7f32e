package dev.unroll.processor.emit;

import com.palantir.javapoet.CodeBlock;
import dev.unroll.processor.plan.DensePlan;
import java.util.Arrays;

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
      c.addStatement("$1T.arraycopy(bias, $2L, z, $2L, $3L - $2L)", System.class, lo, hi);
    } else {
      c.addStatement("$T.fill(z, $L, $L, $L)", Arrays.class, lo, hi, t.lit(0));
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
    c.addStatement("$L[] w = $L[m]", t.t(), p.affine().w());
    c.addStatement("$L[] dw = $L[m]", t.t(), p.affine().dw());
    c.beginControlFlow("for (int j = $L; j < $L; j++)", lo, hi);
    c.addStatement("dw[j] = reg * w[j]");
    c.endControlFlow();
    c.endControlFlow();
    c.beginControlFlow("for (int jb = $L; jb < $L; jb += $L)", lo, hi, TILE);
    c.addStatement("int je = $T.min(jb + $L, $L)", Math.class, TILE, hi);
    c.beginControlFlow("for (int m = 0; m < $L; m++)", p.fanIn());
    c.addStatement("$L[] dw = $L[m]", t.t(), p.affine().dw());
    c.addStatement("int i = 0");
    c.beginControlFlow("for (; i + 1 < n; i += 2)");
    c.addStatement("$L a0 = $L[i][m]", t.t(), in);
    c.addStatement("$L a1 = $L[i + 1][m]", t.t(), in);
    c.addStatement("$L[] $L = $L[i]", t.t(), Loops.row(dz, 0), dz);
    c.addStatement("$L[] $L = $L[i + 1]", t.t(), Loops.row(dz, 1), dz);
    c.beginControlFlow("for (int j = jb; j < je; j++)");
    c.addStatement("dw[j] += a0 * $L[j] + a1 * $L[j]", Loops.row(dz, 0), Loops.row(dz, 1));
    c.endControlFlow();
    c.endControlFlow();
    c.beginControlFlow("if (i < n)");
    c.addStatement("$L a0 = $L[i][m]", t.t(), in);
    c.addStatement("$L[] $L = $L[i]", t.t(), Loops.row(dz, 0), dz);
    c.beginControlFlow("for (int j = jb; j < je; j++)");
    c.addStatement("dw[j] += a0 * $L[j]", Loops.row(dz, 0));
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
    c.addStatement("$L[] dz = $L[i]", t.t(), p.activation().dz());
    c.addStatement("$L[] dx = $L[i]", t.t(), p.dIn());
    c.addStatement("$T.fill(dx, $L, $L, $L)", Arrays.class, lo, hi, t.lit(0));
    Loops.pairedAxpy(c, t, "dz", p.affine().wt(), "dx", p.cols(), lo, hi, "k", "m");
    c.endControlFlow();
    return c.build();
  }
}
