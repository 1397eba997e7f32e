package dev.unroll.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
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
    type.addMethod(perLayer(plan, "activation", ClassName.get(Activation.class),
        p -> CodeBlock.of("$T.$L", Activation.class, p.spec().activation())));
    type.addMethod(perLayer(plan, "units", TypeName.INT, p -> CodeBlock.of("$L", p.units())));
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
        .beginControlFlow("if (!(l2 >= 0 && l2 < Double.POSITIVE_INFINITY))")
        .addStatement("throw new IllegalArgumentException($S + l2)",
            "L2 strength must be finite and >= 0, was ")
        .endControlFlow()
        .addStatement("this.l2 = l2").build());
    forward(type, plan, t, t.isFloat() ? "float" : "double", true);
    forward(type, plan, t, t.isFloat() ? "double" : "float", false);
    type.addMethod(run(layers, step));
    type.addMethod(step.score());
    type.addMethod(step.predict());
    type.addMethod(loss(layers, step));
    type.addMethod(backward(t, step));
    type.addMethod(sgd(t, layers));
    type.addMethod(override("copy").returns(RuntimeTypes.MODEL)
        .addStatement("$T copy = new $T(0L)", self, self)
        .addStatement("copy.copyFrom(this)")
        .addStatement("return copy").build());
    type.addMethod(copyFrom(layers, self));
    type.addMethod(MethodSpec.methodBuilder("toString").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).returns(String.class)
        .addStatement("return $S", plan.spec().className() + " [" + ClassEmitter.summary(plan, layers)
            + ", " + plan.spec().loss() + ", " + plan.spec().precision() + "]")
        .build());
  }

  private static MethodSpec perLayer(NetPlan plan, String name, TypeName type,
      java.util.function.Function<LayerPlan, CodeBlock> value) {
    MethodSpec.Builder m = override(name).returns(type).addParameter(int.class, "layer")
        .beginControlFlow("switch (layer)");
    for (LayerPlan p : plan.layers()) {
      m.addStatement("case $L: return $L", p.index(), value.apply(p));
    }
    return m.addStatement("default: throw new $T($S + layer)", IndexOutOfBoundsException.class,
            "no layer ")
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

  private static MethodSpec loss(List<LayerEmitter> layers, NetworkStep step) {
    List<CodeBlock> squares = new ArrayList<>();
    for (LayerEmitter layer : layers) {
      for (String w : layer.penalized()) {
        squares.add(CodeBlock.of("$T.sumOfSquares($L)", OPS, w));
      }
    }
    return override("loss").returns(double.class)
        .addParameter(int[].class, "labels").addParameter(int.class, "n")
        .addStatement("$T.labels(labels, n, OUTPUTS, this.n)", CHECKS)
        .addCode(step.dataLoss())
        .addCode("// L2: 0.5 * l2 * sum of every weight squared (biases are not penalized)\n")
        .addStatement("regLoss = l2 == 0 ? 0 : 0.5 * l2 * ($L)", CodeBlock.join(squares, " + "))
        .addStatement("lossReady = true")
        .addStatement("return dataLoss + regLoss").build();
  }

  private static MethodSpec backward(Num t, NetworkStep step) {
    return override("backward")
        .beginControlFlow("if (!lossReady)")
        .addStatement("throw new IllegalStateException($S)",
            "backward() needs loss() after the last forward()")
        .endControlFlow()
        .addStatement("$L reg = $L", t.t(), t.fromDouble("l2"))
        .addCode(step.backward())
        .build();
  }

  private static MethodSpec sgd(Num t, List<LayerEmitter> layers) {
    MethodSpec.Builder m = override("sgdStep").addParameter(double.class, "lr")
        .addStatement("rate = $L", t.fromDouble("lr"));
    Folding.invalidate(m, layers);
    for (LayerEmitter layer : layers) {
      m.addCode(layer.descend());
    }
    return m.build();
  }

  private static MethodSpec copyFrom(List<LayerEmitter> layers, ClassName self) {
    MethodSpec.Builder m = override("copyFrom").addParameter(RuntimeTypes.MODEL, "other")
        .addStatement("$T.sameClass(this, other)", CHECKS)
        .addStatement("$T from = ($T) other", self, self);
    for (LayerEmitter layer : layers) {
      for (TensorRef p : layer.params()) {
        m.addStatement("$T.copy(from.$L, $L)", INIT, p.value(), p.value());
      }
      for (TensorRef b : layer.buffers()) {
        m.addStatement("$T.copy(from.$L, $L)", INIT, b.value(), b.value());
      }
    }
    Folding.invalidate(m, layers);
    return m.addStatement("this.training = from.training")
        .addStatement("this.l2 = from.l2").build();
  }
}
