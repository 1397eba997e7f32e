package dev.unroll.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.unroll.processor.plan.NetPlan;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The step of every network but the columnar one: {@code forward1..forwardL} over row arrays,
 * the loss over the score rows, {@code backwardL..backward1}.
 */
final class RowStep implements NetworkStep {
  static final String SCRATCH_DOC = "e^(s - max) per class, log-sum and 1 / (sum n) per sample,"
      + " for the vectorized softmax.";
  private final NetPlan plan;
  private final Num t;
  private final List<LayerEmitter> layers;

  RowStep(NetPlan plan, Num t, List<LayerEmitter> layers) {
    this.plan = plan;
    this.t = t;
    this.layers = layers;
  }

  @Override
  public void addFields(TypeSpec.Builder type) {
    if (LossEmitter.overColumns(plan)) {
      type.addField(FieldSpec.builder(t.rows(), "lossScratch", Modifier.PRIVATE, Modifier.FINAL)
          .initializer("new $L[$L][$L]", t.t(), plan.spec().outputs() + 2, plan.spec().maxBatch())
          .addJavadoc(SCRATCH_DOC + "\n")
          .build());
    }
  }

  @Override
  public void addMethods(TypeSpec.Builder type) {
    for (LayerEmitter layer : layers) {
      type.addMethod(layer.forward());
    }
    for (int i = layers.size() - 1; i >= 0; i--) {
      type.addMethod(layers.get(i).backward());
    }
  }

  @Override
  public CodeBlock forward() {
    CodeBlock.Builder c = CodeBlock.builder();
    for (LayerEmitter layer : layers) {
      c.addStatement("forward$L(n)", layer.plan().index());
    }
    return c.build();
  }

  @Override
  public CodeBlock dataLoss() {
    return LossEmitter.dataLoss(plan, t);
  }

  @Override
  public CodeBlock backward() {
    CodeBlock.Builder c = CodeBlock.builder();
    for (int i = layers.size() - 1; i >= 0; i--) {
      c.addStatement("backward$L(n, reg)", layers.get(i).plan().index());
    }
    return c.build();
  }

  @Override
  public MethodSpec score() {
    return MethodSpec.methodBuilder("score").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(double.class)
        .addParameter(int.class, "i").addParameter(int.class, "c")
        .addStatement("$T.checkIndex(i, n)", java.util.Objects.class)
        .addStatement("return $L[i][c]", plan.scores()).build();
  }

  @Override
  public MethodSpec predict() {
    return MethodSpec.methodBuilder("predict").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(int.class).addParameter(int.class, "i")
        .addStatement("$T.checkIndex(i, n)", java.util.Objects.class)
        .addStatement("$L[] s = $L[i]", t.t(), plan.scores())
        .addStatement("int best = 0")
        .beginControlFlow("for (int c = 1; c < OUTPUTS; c++)")
        .beginControlFlow("if (s[c] > s[best])")
        .addStatement("best = c")
        .endControlFlow()
        .endControlFlow()
        .addStatement("return best").build();
  }

  @Override
  public MethodSpec activations() {
    return MethodSpec.methodBuilder("activations").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(RuntimeTypes.TENSORS)
        .addStatement("return activations")
        .build();
  }
}
