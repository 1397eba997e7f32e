package dev.unroll.processor.emit;

import com.palantir.javapoet.CodeBlock;
import dev.unroll.processor.plan.DensePlan;
import dev.unroll.processor.plan.LayerPlan;
import dev.unroll.processor.plan.NetPlan;
import dev.unroll.spec.Backend;
import dev.unroll.spec.Loss;

/**
 * The data loss over the score rows and its gradient, averaged over the batch (the row step's;
 * the columnar step has its own). Softmax subtracts each
 * row's maximum before exponentiating so e^s cannot overflow; sums are kept in double.
 */
final class LossEmitter {
  private LossEmitter() {}

  /**
   * Whether the softmax runs on the Vector API over the scores transposed: the vector backend,
   * and a last layer with few columns whose product already comes transposed and has no
   * activation of its own (its {@code zt} are the scores).
   */
  static boolean overColumns(NetPlan plan) {
    LayerPlan last = plan.layers().get(plan.layers().size() - 1);
    return plan.spec().backend() == Backend.VECTOR && plan.spec().loss() == Loss.SOFTMAX
        && last instanceof DensePlan head && head.layout().zt() != null
        && !head.activation().ownOutput();
  }

  static CodeBlock dataLoss(NetPlan plan, Num t) {
    CodeBlock.Builder c = CodeBlock.builder();
    int classes = plan.spec().outputs();
    if (overColumns(plan)) {
      DensePlan last = (DensePlan) plan.layers().get(plan.layers().size() - 1);
      c.add("// softmax cross-entropy on the transposed scores, e^x and log with the Vector API\n");
      c.addStatement("double total = $T.softmaxColumns($L, labels, $L, n, lossScratch)",
          t.kernels(),
          last.layout().zt(), plan.dScores());
      return c.addStatement("dataLoss = total / n").build();
    }
    c.addStatement("double total = 0");
    c.addStatement("$L invN = $L / n", t.t(), t.lit(1));
    c.beginControlFlow("for (int i = 0; i < n; i++)");
    c.addStatement("$L[] s = $L[i]", t.t(), plan.scores());
    c.addStatement("$L[] d = $L[i]", t.t(), plan.dScores());
    c.addStatement("int y = labels[i]");
    if (plan.spec().loss() == Loss.SOFTMAX) {
      c.add("// softmax cross-entropy: L_i = log(sum_j e^(s_j - max)) - (s_y - max)\n");
      c.addStatement("$L max = s[0]", t.t());
      c.beginControlFlow("for (int j = 1; j < $L; j++)", classes);
      c.addStatement("max = Math.max(max, s[j])");
      c.endControlFlow();
      c.addStatement("double sum = 0");
      c.beginControlFlow("for (int j = 0; j < $L; j++)", classes);
      c.addStatement("$L e = $L", t.t(), t.fromDouble("Math.exp(s[j] - max)"));
      c.addStatement("d[j] = e");
      c.addStatement("sum += e");
      c.endControlFlow();
      c.addStatement("total += Math.log(sum) - (s[y] - max)");
      c.add("// dL/ds_j = (p_j - [j == y]) / n\n");
      c.addStatement("$L scale = $L", t.t(), t.fromDouble("(1.0 / (sum * n))"));
      c.beginControlFlow("for (int j = 0; j < $L; j++)", classes);
      c.addStatement("d[j] *= scale");
      c.endControlFlow();
      c.addStatement("d[y] -= invN");
    } else {
      c.add("// multiclass SVM: L_i = sum_{j != y} max(0, s_j - s_y + 1)\n");
      c.addStatement("$L sy = s[y]", t.t());
      c.addStatement("int violated = 0");
      c.beginControlFlow("for (int j = 0; j < $L; j++)", classes);
      c.addStatement("$L margin = s[j] - sy + $L", t.t(), t.lit(1));
      c.beginControlFlow("if (j != y && margin > 0)");
      c.addStatement("total += margin");
      c.addStatement("d[j] = invN");
      c.addStatement("violated++");
      c.nextControlFlow("else");
      c.addStatement("d[j] = $L", t.lit(0));
      c.endControlFlow();
      c.endControlFlow();
      c.addStatement("d[y] = -violated * invN");
    }
    c.endControlFlow();
    c.addStatement("dataLoss = total / n");
    return c.build();
  }
}
