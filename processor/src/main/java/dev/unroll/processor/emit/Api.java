package dev.unroll.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.unroll.processor.plan.LayerPlan;
import dev.unroll.processor.plan.NetPlan;
import dev.unroll.spec.Activation;
import dev.unroll.spec.Loss;
import dev.unroll.spec.Precision;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/** The {@code Model} methods of a generated class. */
final class Api {
  private static final ClassName CHECKS = RuntimeTypes.CHECKS;
  private static final ClassName OPS = RuntimeTypes.OPS;
  private static final ClassName INIT = RuntimeTypes.INIT;

  private Api() {}

  static void addAll(TypeSpec.Builder type, NetPlan plan, Num t, ClassName self,
      List<LayerEmitter> layers, NetworkStep step) {
    type.addMethod(getter(String.class, "specName", CodeBlock.of("SPEC")));
    type.addMethod(getter(String.class, "architecture", CodeBlock.of("ARCHITECTURE")));
    type.addMethod(getter(String.class, "fingerprint", CodeBlock.of("FINGERPRINT")));
    type.addMethod(getter(int.class, "inputs", CodeBlock.of("INPUTS")));
    type.addMethod(getter(int.class, "outputs", CodeBlock.of("OUTPUTS")));
    type.addMethod(getter(int.class, "maxBatch", CodeBlock.of("MAX_BATCH")));
    type.addMethod(getter(int.class, "layers", CodeBlock.of("$L", plan.layers().size())));
    type.addMethod(perLayer(type, plan, "activation", ClassName.get(Activation.class),
        p -> CodeBlock.of("$T.$L", Activation.class, p.spec().activation())));
    type.addMethod(perLayer(type, plan, "units", TypeName.INT, p -> CodeBlock.of("$L", p.units())));
    type.addMethod(getter(Precision.class, "precision",
        CodeBlock.of("$T.$L", Precision.class, plan.spec().precision())));
    type.addMethod(getter(Loss.class, "loss",
        CodeBlock.of("$T.$L", Loss.class, plan.spec().loss())));
    type.addMethod(getter(RuntimeTypes.TENSORS, "params", CodeBlock.of("params")));
    type.addMethod(getter(RuntimeTypes.TENSORS, "buffers", CodeBlock.of("buffers")));
    type.addMethod(step.activations());
    type.addMethod(getter(boolean.class, "isTraining", CodeBlock.of("training")));
    type.addMethod(getter(double.class, "l2", CodeBlock.of("l2")));
    type.addMethod(getter(int.class, "batchSize", CodeBlock.of("n")));
    type.addMethod(getter(double.class, "dataLoss", CodeBlock.of("dataLoss")));
    type.addMethod(getter(double.class, "regLoss", CodeBlock.of("regLoss")));
    MethodSpec.Builder setTraining = override("setTraining")
        .addParameter(boolean.class, "training")
        .addStatement("this.training = training");
    Folding.invalidate(setTraining, layers);
    type.addMethod(setTraining.build());
    type.addMethod(override("setL2").addParameter(double.class, "l2")
        .beginControlFlow("if (!(l2 >= 0 && l2 < $T.POSITIVE_INFINITY))", Double.class)
        .addStatement("throw new $T($S + l2)", IllegalArgumentException.class,
            "L2 strength must be finite and >= 0, was ")
        .endControlFlow()
        .addStatement("this.l2 = l2").build());
    forward(type, plan, t, t.isFloat() ? "float" : "double", true);
    forward(type, plan, t, t.isFloat() ? "double" : "float", false);
    type.addMethod(run(layers, step));
    type.addMethod(step.score());
    type.addMethod(step.predict());
    type.addMethod(loss(type, layers, step));
    type.addMethod(backward(t, step));
    type.addMethod(sgd(type, t, layers));
    type.addMethod(override("copy").returns(RuntimeTypes.MODEL)
        .addStatement("$T copy = new $T(0L)", self, self)
        .addStatement("copy.copyFrom(this)")
        .addStatement("return copy").build());
    type.addMethod(copyFrom(type, layers, self));
    type.addMethod(MethodSpec.methodBuilder("toString").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).returns(String.class)
        .addStatement("return $S", plan.spec().className() + " ["
            + ClassEmitter.summary(plan, layers)
            + ", " + plan.spec().loss() + ", " + plan.spec().precision() + "]")
        .build());
  }

  /**
   * {@code name(layer)}: a switch over the layers; a deep network's switches over chunks of
   * {@link PerLayer#CHUNK} layers, each chunk's in a method of its own.
   */
  private static MethodSpec perLayer(TypeSpec.Builder type, NetPlan plan, String name,
      TypeName returns, java.util.function.Function<LayerPlan, CodeBlock> value) {
    List<LayerPlan> layers = plan.layers();
    CodeBlock check = IndexChecks.check(name + "(layer)", "layer", "1",
        Integer.toString(layers.size() + 1), "the layers");
    MethodSpec.Builder m = override(name).returns(returns).addParameter(int.class, "layer")
        .addCode(check);
    if (layers.size() <= PerLayer.CHUNK) {
      return m.addCode(layerSwitch(layers, value)).build();
    }
    m.beginControlFlow("switch ((layer - 1) / $L)", PerLayer.CHUNK);
    for (int i = 0; i < layers.size(); i += PerLayer.CHUNK) {
      List<LayerPlan> chunk = layers.subList(i, Math.min(i + PerLayer.CHUNK, layers.size()));
      String method = name + "Layers" + chunk.get(0).index() + "To"
          + chunk.get(chunk.size() - 1).index();
      type.addMethod(MethodSpec.methodBuilder(method).addModifiers(Modifier.PRIVATE)
          .returns(returns).addParameter(int.class, "layer")
          .addJavadoc("Layers $L to $L of {@code $L}.\n", chunk.get(0).index(),
              chunk.get(chunk.size() - 1).index(), name)
          .addCode(layerSwitch(chunk, value)).build());
      m.addStatement("case $L: return $L(layer)", i / PerLayer.CHUNK, method);
    }
    return m.addStatement("default: throw new $T()", AssertionError.class)
        .endControlFlow().build();
  }

  private static CodeBlock layerSwitch(List<LayerPlan> layers,
      java.util.function.Function<LayerPlan, CodeBlock> value) {
    CodeBlock.Builder c = CodeBlock.builder().beginControlFlow("switch (layer)");
    for (LayerPlan p : layers) {
      c.addStatement("case $L: return $L", p.index(), value.apply(p));
    }
    return c.addStatement("default: throw new $T()", AssertionError.class)
        .endControlFlow().build();
  }

  private static MethodSpec.Builder override(String name) {
    return MethodSpec.methodBuilder(name).addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC);
  }

  private static MethodSpec getter(java.lang.reflect.Type type, String name, CodeBlock value) {
    return override(name).returns(type).addStatement("return $L", value).build();
  }

  private static MethodSpec getter(TypeName type, String name, CodeBlock value) {
    return override(name).returns(type).addStatement("return $L", value).build();
  }

  private static void forward(TypeSpec.Builder type, NetPlan plan, Num t, String given,
      boolean native_) {
    MethodSpec.Builder m = override("forward")
        .addParameter(com.palantir.javapoet.ArrayTypeName.of(
            com.palantir.javapoet.ArrayTypeName.of(
                given.equals("float") ? TypeName.FLOAT : TypeName.DOUBLE)), "x")
        .addParameter(int.class, "n")
        .addStatement("$T.batch(x, n, INPUTS, MAX_BATCH)", CHECKS);
    if (native_) {
      m.addStatement("this.input = x");
    } else {
      m.addStatement("$T.convert(x, converted, n)", OPS);
      m.addStatement("this.input = converted");
    }
    type.addMethod(m.addStatement("run(n)").build());
  }

  private static MethodSpec run(List<LayerEmitter> layers, NetworkStep step) {
    MethodSpec.Builder m = MethodSpec.methodBuilder("run").addModifiers(Modifier.PRIVATE)
        .addParameter(int.class, "n")
        .addStatement("this.n = n")
        .addStatement("this.lossReady = false");
    if (Folding.any(layers)) {
      m.addComment("training updates the running averages; evaluation needs them folded");
      m.beginControlFlow("if (training)");
      m.addStatement("folded = false");
      m.nextControlFlow("else if (!folded)");
      m.addStatement("fold()");
      m.endControlFlow();
    }
    return m.addCode(step.forward()).build();
  }

  private static MethodSpec loss(TypeSpec.Builder type, List<LayerEmitter> layers,
      NetworkStep step) {
    List<PerLayer.Block> terms = new ArrayList<>();
    for (LayerEmitter layer : layers) {
      List<CodeBlock> squares = new ArrayList<>();
      for (String w : layer.penalized()) {
        squares.add(CodeBlock.of("$T.sumOfSquares($L)", OPS, w));
      }
      if (!squares.isEmpty()) {
        terms.add(new PerLayer.Block(layer.plan().index(), CodeBlock.join(squares, " + ")));
      }
    }
    CodeBlock squares = PerLayer.sum(type, PerLayer.deep(layers), "sumOfSquares", terms);
    return override("loss").returns(double.class)
        .addParameter(int[].class, "labels").addParameter(int.class, "n")
        .addStatement("$T.labels(labels, n, OUTPUTS, this.n)", CHECKS)
        .addCode(step.dataLoss())
        .addCode("// L2: 0.5 * l2 * sum of every weight squared (biases are not penalized)\n")
        .addStatement("regLoss = l2 == 0 ? 0 : 0.5 * l2 * ($L)", squares)
        .addStatement("lossReady = true")
        .addStatement("return dataLoss + regLoss").build();
  }

  private static MethodSpec backward(Num t, NetworkStep step) {
    return override("backward")
        .beginControlFlow("if (!lossReady)")
        .addStatement("throw new $T($S)", IllegalStateException.class,
            "backward() needs loss() after the last forward()")
        .endControlFlow()
        .addStatement("$L reg = $L", t.t(), t.fromDouble("l2"))
        .addCode(step.backward())
        .build();
  }

  private static MethodSpec sgd(TypeSpec.Builder type, Num t, List<LayerEmitter> layers) {
    MethodSpec.Builder m = override("sgdStep").addParameter(double.class, "lr")
        .addComment("NaN fails both comparisons; the rate must also be finite as a $L", t.t())
        .beginControlFlow("if (!(lr >= 0 && lr <= $T.MAX_VALUE))",
            t.isFloat() ? Float.class : Double.class)
        .addStatement("throw new $T($S + lr)", IllegalArgumentException.class,
            "sgdStep(lr): the learning rate must be finite and >= 0, was ")
        .endControlFlow()
        .addStatement("rate = $L", t.fromDouble("lr"));
    Folding.invalidate(m, layers);
    PerLayer.add(type, m, PerLayer.deep(layers), "sgdStep",
        layers.stream().map(l -> new PerLayer.Block(l.plan().index(), l.descend())).toList(),
        List.of(), "");
    return m.build();
  }

  private static MethodSpec copyFrom(TypeSpec.Builder type, List<LayerEmitter> layers,
      ClassName self) {
    MethodSpec.Builder m = override("copyFrom").addParameter(RuntimeTypes.MODEL, "other")
        .addStatement("$T.sameClass(this, other)", CHECKS)
        .addStatement("$T from = ($T) other", self, self);
    List<PerLayer.Block> blocks = new ArrayList<>();
    for (LayerEmitter layer : layers) {
      CodeBlock.Builder c = CodeBlock.builder();
      for (TensorRef p : layer.params()) {
        c.addStatement("$T.copy(from.$L, $L)", INIT, p.value(), p.value());
      }
      for (TensorRef b : layer.buffers()) {
        c.addStatement("$T.copy(from.$L, $L)", INIT, b.value(), b.value());
      }
      blocks.add(new PerLayer.Block(layer.plan().index(), c.build()));
    }
    PerLayer.add(type, m, PerLayer.deep(layers), "copyFrom", blocks,
        List.of(ParameterSpec.builder(self, "from").build()), "from");
    Folding.invalidate(m, layers);
    return m.addStatement("this.training = from.training")
        .addStatement("this.l2 = from.l2").build();
  }
}
