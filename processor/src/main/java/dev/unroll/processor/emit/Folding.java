package dev.unroll.processor.emit;

import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.unroll.processor.plan.LayerPlan;
import dev.unroll.processor.plan.NetPlan;
import javax.lang.model.element.Modifier;

/**
 * The weights evaluation reads, prepared once: batch norm folded into them ({@code fold()} writes
 * every batch-norm layer's W' and b'), and on the vector backend every large layer's weights
 * (W or W') laid out flat for evaluating 1 to 3 samples. The evaluation forward pass reuses them
 * until the parameters or running averages change. Every method that changes them clears {@code
 * folded}; writes from outside through the tensor arrays announce themselves with {@code
 * parametersChanged()}.
 */
final class Folding {
  private Folding() {}

  /** Whether the network has weights prepared for evaluation, and so this machinery. */
  static boolean any(NetPlan plan) {
    return ImageLayers.folds(plan)
        || plan.layers().stream().anyMatch(p -> p.wf() != null || p.wp() != null);
  }

  static void addAll(TypeSpec.Builder type, NetPlan plan, Num t) {
    if (!any(plan)) {
      return;
    }
    type.addField(FieldSpec.builder(boolean.class, "folded", Modifier.PRIVATE)
        .addJavadoc("Whether the weights prepared for evaluation match the parameters and"
            + " running averages.\n")
        .build());
    MethodSpec.Builder fold = MethodSpec.methodBuilder("fold").addModifiers(Modifier.PRIVATE)
        .addJavadoc("Folds every batch-norm layer and lays out the weights of Vector API layers"
            + " flat, before the first evaluation pass after a change.\n");
    ImageLayers.foldCalls(fold, plan);
    for (LayerPlan p : plan.layers()) {
      if (p.wf() != null) {
        fold.addStatement("fold$L()", p.index());
        type.addMethod(LayerMethods.fold(p, t));
      }
      if (p.wp() != null) {
        fold.addStatement("$T.flatten($L, $L)", t.kernels(), p.wf() != null ? p.wf() : p.w(),
            p.wp());
      }
    }
    type.addMethod(fold.addStatement("folded = true").build());
    type.addMethod(MethodSpec.methodBuilder("parametersChanged").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addStatement("folded = false").build());
  }

  /** Marks the folded weights stale, in a method that changes what they are made from. */
  static void invalidate(MethodSpec.Builder m, NetPlan plan) {
    if (any(plan)) {
      m.addStatement("folded = false");
    }
  }
}
