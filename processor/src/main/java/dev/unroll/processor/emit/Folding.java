package dev.unroll.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
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
  static boolean any(List<LayerEmitter> layers) {
    return layers.stream().anyMatch(l -> !l.prepareForEvaluation().isEmpty());
  }

  static void addAll(TypeSpec.Builder type, List<LayerEmitter> layers) {
    if (!any(layers)) {
      return;
    }
    type.addField(FieldSpec.builder(boolean.class, "folded", Modifier.PRIVATE)
        .addJavadoc("Whether the weights prepared for evaluation match the parameters and"
            + " running averages.\n")
        .build());
    MethodSpec.Builder fold = MethodSpec.methodBuilder("fold").addModifiers(Modifier.PRIVATE)
        .addJavadoc("Folds every batch-norm layer and lays out the weights of Vector API layers"
            + " flat, before the first evaluation pass after a change.\n");
    for (LayerEmitter layer : layers) {
      fold.addCode(layer.prepareForEvaluation());
      layer.evaluationMethods().forEach(type::addMethod);
    }
    type.addMethod(fold.addStatement("folded = true").build());
    type.addMethod(MethodSpec.methodBuilder("parametersChanged").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addStatement("folded = false").build());
  }

  /** Marks the folded weights stale, in a method that changes what they are made from. */
  static void invalidate(MethodSpec.Builder m, List<LayerEmitter> layers) {
    if (any(layers)) {
      m.addStatement("folded = false");
    }
  }

  /** The same, as a statement block. */
  static CodeBlock invalidate(List<LayerEmitter> layers) {
    return any(layers) ? CodeBlock.of("folded = false;\n") : CodeBlock.builder().build();
  }
}
