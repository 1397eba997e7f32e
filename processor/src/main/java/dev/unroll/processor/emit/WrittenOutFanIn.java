package dev.unroll.processor.emit;

import com.palantir.javapoet.CodeBlock;
import dev.unroll.processor.plan.DensePlan;
import dev.unroll.processor.plan.Product;
import java.util.ArrayList;
import java.util.List;

/**
 * A fan-in of at most four, written out: each output is one expression {@code z[j] = b[j] + x0 *
 * row0[j] + ...} over a loop of the columns (the spiral's 2 inputs). The gradients are those of
 * {@link PairedRows}: few inputs make each weight-gradient row short, and the input gradient
 * still wants the axpy shape.
 */
final class WrittenOutFanIn implements ProductStrategy {
  static final WrittenOutFanIn INSTANCE = new WrittenOutFanIn();

  private WrittenOutFanIn() {}

  @Override
  public CodeBlock forward(DensePlan p, Num t) {
    return writtenOutForward(p, t);
  }

  @Override
  public CodeBlock weightGradient(DensePlan p, Num t) {
    return PairedRows.INSTANCE.weightGradient(p, t);
  }

  @Override
  public CodeBlock inputGradient(DensePlan p, Num t) {
    return PairedRows.INSTANCE.inputGradient(p, t);
  }

  /**
   * The forward product with the fan-in written out, shared by {@link WrittenOut} (columns
   * written out too) and {@link Direct} (ReLU in the same pass, and the output transposed for a
   * few-column head).
   */
  static CodeBlock writtenOutForward(DensePlan p, Num t) {
    CodeBlock.Builder c = CodeBlock.builder();
    int in = p.fanIn();
    int cols = p.cols();
    String bias = p.productHasBias() ? "bias" : null;
    Loops.declareOperands(c, p, t);
    for (int m = 0; m < in; m++) {
      c.addStatement("$L[] $L = $L[$L]", t.t(), Loops.row(p.productWeights(), m),
          p.productWeights(), m);
    }
    boolean relu = p.product() == Product.DIRECT && p.activation().ownOutput();
    if (relu) {
      c.add("// h = max(x W + b, 0) in the same pass: z is never stored\n");
    }
    c.beginControlFlow("for (int i = 0; i < n; i++)");
    c.addStatement("$L[] x = $L[i]", t.t(), p.in());
    // the row written is h's when ReLU runs in this pass, z's otherwise: named after it
    String out = relu ? "h" : "z";
    c.addStatement("$L[] $L = $L[i]", t.t(), out, relu ? p.h() : p.activation().z());
    for (int m = 0; m < in; m++) {
      c.addStatement("$L x$L = x[$L]", t.t(), m, m);
    }
    if (p.product() == Product.WRITTEN_OUT) {
      for (int j = 0; j < cols; j++) {
        c.addStatement("$L[$L] = $L", out, j,
            Loops.writtenOutSum(bias, p.productWeights(), in, Integer.toString(j), t));
      }
    } else {
      c.beginControlFlow("for (int j = 0; j < $L; j++)", cols);
      String value = Loops.writtenOutSum(bias, p.productWeights(), in, "j", t);
      c.addStatement("$L[j] = $L", out,
          relu ? CodeBlock.of("$T.max($L, $L)", Math.class, value, t.lit(0)) : value);
      c.endControlFlow();
    }
    c.endControlFlow();
    if (p.layout().ht() != null) {
      c.add(transposedOutput(p, t, relu));
    }
    return c.build();
  }

  /**
   * The output again, transposed ({@code ht[j][i]}), for a next layer with few columns: each row
   * of {@code ht} is an axpy over the batch with the weights as scalars, which C2 vectorizes, so
   * this costs one more pass instead of a scalar transpose.
   */
  private static CodeBlock transposedOutput(DensePlan p, Num t, boolean relu) {
    CodeBlock.Builder c = CodeBlock.builder();
    int in = p.fanIn();
    c.add("// the output transposed, for the next layer: ht[j] = $L over the batch\n",
        relu ? "max(b[j] + sum_m w[m][j] x[.][m], 0)" : "b[j] + sum_m w[m][j] x[.][m]");
    Loops.transposeInput(c, p, t);
    c.beginControlFlow("for (int j = 0; j < $L; j++)", p.cols());
    c.addStatement("$L[] ht = $L[j]", t.t(), p.layout().ht());
    List<String> terms = new ArrayList<>();
    if (p.productHasBias()) {
      c.addStatement("$L bj = bias[j]", t.t());
      terms.add("bj");
    }
    for (int m = 0; m < in; m++) {
      c.addStatement("$L v$L = $L[j]", t.t(), m, Loops.row(p.productWeights(), m));
      terms.add("v" + m + " * " + Loops.row(p.layout().xt(), m) + "[i]");
    }
    String sum = String.join(" + ", terms);
    c.beginControlFlow("for (int i = 0; i < n; i++)");
    c.addStatement("ht[i] = $L", relu ? CodeBlock.of("$T.max($L, $L)", Math.class, sum, t.lit(0))
        : sum);
    c.endControlFlow();
    c.endControlFlow();
    return c.build();
  }
}
