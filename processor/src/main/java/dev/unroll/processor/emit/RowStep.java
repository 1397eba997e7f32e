package dev.unroll.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeSpec;
import dev.unroll.processor.plan.NetPlan;
import java.util.ArrayList;
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
    if (PerLayer.deep(layers)) {
      // the calls of a deep network's layer methods, in chunk methods of CHUNK layers
      PerLayer.chunked(type, true, "forward", forwardCalls(),
          List.of(ParameterSpec.builder(int.class, "n").build()), "n");
      PerLayer.chunked(type, true, "backward", backwardCalls(),
          List.of(ParameterSpec.builder(int.class, "n").build(),
              ParameterSpec.builder(t.type(), "reg").build()), "n, reg");
    }
  }

  private List<PerLayer.Block> forwardCalls() {
    List<PerLayer.Block> calls = new ArrayList<>();
    for (LayerEmitter layer : layers) {
      int k = layer.plan().index();
      calls.add(new PerLayer.Block(k, CodeBlock.of("forward$L(n);\n", k)));
    }
    return calls;
  }

  /** In reverse order: a chunk's blocks are layers b down to a. */
  private List<PerLayer.Block> backwardCalls() {
    List<PerLayer.Block> calls = new ArrayList<>();
    for (int i = layers.size() - 1; i >= 0; i--) {
      int k = layers.get(i).plan().index();
      calls.add(new PerLayer.Block(k, CodeBlock.of("backward$L(n, reg);\n", k)));
    }
    return calls;
  }

  /** The same calls, or the calls of their chunk methods, in order. */
  private static CodeBlock calls(List<PerLayer.Block> blocks, boolean deep, String name,
      String args) {
    CodeBlock.Builder c = CodeBlock.builder();
    if (!deep) {
      blocks.forEach(b -> c.add(b.code()));
      return c.build();
    }
    for (int i = 0; i < blocks.size(); i += PerLayer.CHUNK) {
      List<PerLayer.Block> chunk = blocks.subList(i, Math.min(i + PerLayer.CHUNK, blocks.size()));
      c.addStatement("$LLayers$LTo$L($L)", name, chunk.get(0).layer(),
          chunk.get(chunk.size() - 1).layer(), args);
    }
    return c.build();
  }

  @Override
  public CodeBlock forward() {
    return calls(forwardCalls(), PerLayer.deep(layers), "forward", "n");
  }

  @Override
  public CodeBlock dataLoss() {
    return LossEmitter.dataLoss(plan, t);
  }

  @Override
  public CodeBlock backward() {
    return calls(backwardCalls(), PerLayer.deep(layers), "backward", "n, reg");
  }

  @Override
  public MethodSpec score() {
    return MethodSpec.methodBuilder("score").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(double.class)
        .addParameter(int.class, "i").addParameter(int.class, "c")
        .addCode(IndexChecks.row("score(i, c)"))
        .addCode(IndexChecks.classIndex("score(i, c)"))
        .addStatement("return $L[i][c]", plan.scores()).build();
  }

  @Override
  public MethodSpec predict() {
    return MethodSpec.methodBuilder("predict").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(int.class).addParameter(int.class, "i")
        .addCode(IndexChecks.row("predict(i)"))
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
