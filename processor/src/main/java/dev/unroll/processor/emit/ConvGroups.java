package dev.unroll.processor.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.unroll.processor.plan.ImageLayerPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The batch of an im2col conv layer split into {@link #GROUPS} groups of samples, each with its
 * own scratch ({@code colK[g]} and the like) and its own share of the weight gradient ({@code
 * dwPartK[g]}, {@code dbPartK[g]}), so that {@code setThreads(2)} runs the groups on two threads
 * ({@code convRowsK}, {@code convGradsK} through the workers). One thread runs the same groups one
 * after the other, and dW is always {@code l2 W + part 0 + part 1} in that order: the results are
 * bit-identical whatever the thread count.
 */
final class ConvGroups {
  /** Groups of samples: one per thread of {@code setThreads(2)}. */
  static final int GROUPS = 2;

  private ConvGroups() {}

  /** A scratch array per group: {@code name[g]} is {@code rows x cols}. */
  static FieldSpec scratch(Num t, String name, int rows, int cols, String doc) {
    return FieldSpec.builder(ArrayTypeName.of(t.rows()), name, Modifier.PRIVATE, Modifier.FINAL)
        .initializer("new $L[$L][$L][$L]", t.t(), GROUPS, rows, cols)
        .addJavadoc(doc + " One per group of samples (thread).\n")
        .build();
  }

  /** The per-group shares of dW (and db). */
  static List<FieldSpec> fields(ImageLayerPlan p, Num t) {
    List<FieldSpec> f = new ArrayList<>();
    f.add(scratch(t, p.name("dwPart"), p.cols(), p.fanIn(), "This group's share of {@code "
        + p.name("dw") + "}."));
    if (!p.batchNorm()) {
      f.add(scratch(t, p.name("dbPart"), 1, p.cols(), "This group's share of {@code "
          + p.name("db") + "}."));
    }
    return f;
  }

  private static CodeBlock dispatch(String method) {
    return CodeBlock.builder()
        .beginControlFlow("if (workers == null)")
        .beginControlFlow("for (int group = 0; group < $L; group++)", GROUPS)
        .addStatement("$L(n, group)", method)
        .endControlFlow()
        .nextControlFlow("else")
        .addStatement("workers.run($LTask)", method)
        .endControlFlow()
        .build();
  }

  /** The forward product of every sample, group by group. */
  static CodeBlock forward(ImageLayerPlan p) {
    return dispatch("convRows" + p.index());
  }

  /**
   * The gradients of every sample, group by group ({@code before} runs first, on this thread),
   * then {@code dW = l2 W + sum_g dwPart[g]} and {@code db = sum_g dbPart[g]} in group order.
   */
  static CodeBlock backward(ImageLayerPlan p, Num t, CodeBlock before) {
    CodeBlock.Builder c = CodeBlock.builder().add(before).add(dispatch("convGrads" + p.index()));
    c.add("// dW = l2 W + the groups' shares, in group order; db = their sum\n");
    c.beginControlFlow("for (int f = 0; f < $L; f++)", p.cols());
    c.addStatement("$L[] filter = $L[f]", t.t(), p.name("w"));
    c.addStatement("$L[] grad = $L[f]", t.t(), p.name("dw"));
    StringBuilder sum = new StringBuilder("reg * filter[r]");
    for (int g = 0; g < GROUPS; g++) {
      c.addStatement("$L[] part$L = $L[$L][f]", t.t(), g, p.name("dwPart"), g);
      sum.append(" + part").append(g).append("[r]");
    }
    c.beginControlFlow("for (int r = 0; r < $L; r++)", p.fanIn());
    c.addStatement("grad[r] = $L", sum);
    c.endControlFlow();
    if (!p.batchNorm()) {
      StringBuilder b = new StringBuilder();
      for (int g = 0; g < GROUPS; g++) {
        b.append(g == 0 ? "" : " + ").append(p.name("dbPart")).append("[").append(g)
            .append("][0][f]");
      }
      c.addStatement("$L[0][f] = $L", p.name("db"), b);
    }
    c.endControlFlow();
    return c.build();
  }

  /** {@code convRowsK(n, g)} and {@code convGradsK(n, g)}, and their tasks. */
  static void addMembers(TypeSpec.Builder type, ImageLayerPlan p, Num t) {
    int k = p.index();
    CodeBlock.Builder rows = CodeBlock.builder();
    rows.add(ConvLayer.weightsOfMode(p, t));
    rows.beginControlFlow("for (int i = g * n / $L; i < (g + 1) * n / $L; i++)", GROUPS, GROUPS);
    rows.addStatement("conv$L(g, $L[i], $L[i], weights, bias)", k, p.in(), p.z());
    rows.endControlFlow();
    method(type, "convRows" + k, "Layer " + k + "'s product of group g's samples.", rows.build());
    type.addMethod(MethodSpec.methodBuilder("conv" + k)
        .addModifiers(Modifier.PRIVATE)
        .addParameter(t.row(), "x").addParameter(t.row(), "out")
        .addParameter(t.rows(), "weights").addParameter(t.row(), "bias")
        .addJavadoc("Layer $L's product for one sample with group 0's scratch (batch norm's"
            + " evaluation-mode backward recomputes xhat with it).\n", k)
        .addStatement("conv$L(0, x, out, weights, bias)", k)
        .build());
    CodeBlock.Builder grads = CodeBlock.builder();
    grads.addStatement("$L[][] part = $L[g]", t.t(), p.name("dwPart"));
    grads.beginControlFlow("for (int f = 0; f < $L; f++)", p.cols());
    grads.addStatement("$T.fill(part[f], $L)", Arrays.class, t.lit(0));
    grads.endControlFlow();
    if (!p.batchNorm()) {
      grads.addStatement("$T.fill($L[g][0], $L)", Arrays.class, p.name("dbPart"), t.lit(0));
    }
    grads.beginControlFlow("for (int i = g * n / $L; i < (g + 1) * n / $L; i++)", GROUPS,
        GROUPS);
    grads.addStatement("convBackward$L(g, $L[i], $L[i], $L)", k, p.in(), p.dz(),
        p.dIn() == null ? "null" : p.dIn() + "[i]");
    grads.endControlFlow();
    method(type, "convGrads" + k, "Layer " + k + "'s gradients of group g's samples into its"
        + " shares {@code " + p.name("dwPart") + "[g]}.", grads.build());
  }

  private static void method(TypeSpec.Builder type, String name, String doc, CodeBlock body) {
    type.addMethod(MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PRIVATE)
        .addParameter(int.class, "n")
        .addParameter(int.class, "g")
        .addJavadoc(doc + "\n")
        .addCode(body)
        .build());
    // pieces past the groups have nothing to do: a thread claims a group as it comes
    Parallel.task(type, name, CodeBlock.of("{ if (part < $L) { $L(n, part); } }", GROUPS, name));
  }
}
