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
  private static final ClassName CHECKS = ClassName.get("dev.unroll.runtime", "Checks");
  private static final ClassName OPS = ClassName.get("dev.unroll.runtime", "Ops");
  private static final ClassName INIT = ClassName.get("dev.unroll.runtime", "Init");

  private Api() {}

  static void addAll(TypeSpec.Builder type, NetPlan plan, Num t, ClassName self) {
    type.addMethod(getter(String.class, "specName", CodeBlock.of("SPEC")));
    type.addMethod(getter(String.class, "architecture", CodeBlock.of("ARCHITECTURE")));
    type.addMethod(getter(String.class, "fingerprint", CodeBlock.of("FINGERPRINT")));
    type.addMethod(getter(int.class, "inputs", CodeBlock.of("INPUTS")));
    type.addMethod(getter(int.class, "outputs", CodeBlock.of("OUTPUTS")));
    type.addMethod(getter(int.class, "maxBatch", CodeBlock.of("MAX_BATCH")));
    type.addMethod(getter(int.class, "layers",
        CodeBlock.of("$L", plan.image().size() + plan.layers().size())));
    type.addMethod(perLayer(plan, "activation", ClassName.get(Activation.class),
        p -> CodeBlock.of("$T.$L", Activation.class, p.activation())));
    type.addMethod(perLayer(plan, "units", TypeName.INT, p -> CodeBlock.of("$L", p.units())));
    type.addMethod(getter(Precision.class, "precision",
        CodeBlock.of("$T.$L", Precision.class, plan.spec().precision())));
    type.addMethod(getter(Loss.class, "loss",
        CodeBlock.of("$T.$L", Loss.class, plan.spec().loss())));
    type.addMethod(getter(State.TENSORS, "params", CodeBlock.of("params")));
    type.addMethod(getter(State.TENSORS, "buffers", CodeBlock.of("buffers")));
    type.addMethod(plan.columnar() ? Columnar.activations(plan, t)
        : getter(State.TENSORS, "activations", CodeBlock.of("activations")));
    type.addMethod(getter(boolean.class, "isTraining", CodeBlock.of("training")));
    type.addMethod(getter(double.class, "l2", CodeBlock.of("l2")));
    type.addMethod(getter(int.class, "batchSize", CodeBlock.of("n")));
    type.addMethod(getter(double.class, "dataLoss", CodeBlock.of("dataLoss")));
    type.addMethod(getter(double.class, "regLoss", CodeBlock.of("regLoss")));
    MethodSpec.Builder setTraining = override("setTraining")
        .addParameter(boolean.class, "training")
        .addStatement("this.training = training");
    Folding.invalidate(setTraining, plan);
    type.addMethod(setTraining.build());
    type.addMethod(override("setL2").addParameter(double.class, "l2")
        .beginControlFlow("if (!(l2 >= 0 && l2 < Double.POSITIVE_INFINITY))")
        .addStatement("throw new IllegalArgumentException($S + l2)",
            "L2 strength must be finite and >= 0, was ")
        .endControlFlow()
        .addStatement("this.l2 = l2").build());
    forward(type, plan, t, t.isFloat() ? "float" : "double", true);
    forward(type, plan, t, t.isFloat() ? "double" : "float", false);
    type.addMethod(run(plan));
    type.addMethod(plan.columnar() ? Columnar.score(plan) : override("score")
        .returns(double.class)
        .addParameter(int.class, "i").addParameter(int.class, "c")
        .addStatement("$T.checkIndex(i, n)", java.util.Objects.class)
        .addStatement("return $L[i][c]", plan.scores()).build());
    type.addMethod(plan.columnar() ? Columnar.predict(plan) : predict(plan, t));
    type.addMethod(loss(plan, t));
    type.addMethod(backward(plan, t));
    type.addMethod(sgd(plan, t));
    type.addMethod(override("copy").returns(ClassEmitter.MODEL)
        .addStatement("$T copy = new $T(0L)", self, self)
        .addStatement("copy.copyFrom(this)")
        .addStatement("return copy").build());
    type.addMethod(copyFrom(plan, self));
    type.addMethod(MethodSpec.methodBuilder("toString").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).returns(String.class)
        .addStatement("return $S", plan.spec().className() + " [" + ClassEmitter.summary(plan)
            + ", " + plan.spec().loss() + ", " + plan.spec().precision() + "]")
        .build());
  }

  private static MethodSpec perLayer(NetPlan plan, String name, TypeName type,
      java.util.function.Function<LayerPlan, CodeBlock> value) {
    MethodSpec.Builder m = override(name).returns(type).addParameter(int.class, "layer")
        .beginControlFlow("switch (layer)");
    for (var p : plan.image()) {
      m.addStatement("case $L: return $L", p.index(), name.equals("units")
          ? CodeBlock.of("$L", p.spec().out().size())
          : CodeBlock.of("$T.$L", Activation.class, p.spec().unit().activation()));
    }
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

  private static MethodSpec run(NetPlan plan) {
    MethodSpec.Builder m = MethodSpec.methodBuilder("run").addModifiers(Modifier.PRIVATE)
        .addParameter(int.class, "n")
        .addStatement("this.n = n")
        .addStatement("this.lossReady = false");
    if (Folding.any(plan)) {
      m.addComment("training updates the running averages; evaluation needs them folded");
      m.beginControlFlow("if (training)");
      m.addStatement("folded = false");
      m.nextControlFlow("else if (!folded)");
      m.addStatement("fold()");
      m.endControlFlow();
    }
    if (plan.columnar()) {
      m.addStatement("forwardColumnar(n)");
      m.addStatement("lastScoresStale = true");
      return m.addStatement("rowsStale = true").build();
    }
    ImageLayers.forwardCalls(m, plan);
    for (LayerPlan p : plan.layers()) {
      m.addStatement("forward$L(n)", p.index());
    }
    return m.build();
  }

  private static MethodSpec predict(NetPlan plan, Num t) {
    return override("predict").returns(int.class).addParameter(int.class, "i")
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

  private static MethodSpec loss(NetPlan plan, Num t) {
    List<CodeBlock> squares = new ArrayList<>();
    ImageLayers.squares(squares, plan);
    for (LayerPlan p : plan.layers()) {
      squares.add(CodeBlock.of("$T.sumOfSquares($L)", OPS, p.w()));
    }
    return override("loss").returns(double.class)
        .addParameter(int[].class, "labels").addParameter(int.class, "n")
        .addStatement("$T.labels(labels, n, OUTPUTS, this.n)", CHECKS)
        .addCode(LossEmitter.dataLoss(plan, t))
        .addCode("// L2: 0.5 * l2 * sum of every weight squared (biases are not penalized)\n")
        .addStatement("regLoss = l2 == 0 ? 0 : 0.5 * l2 * ($L)", CodeBlock.join(squares, " + "))
        .addStatement("lossReady = true")
        .addStatement("return dataLoss + regLoss").build();
  }

  private static MethodSpec backward(NetPlan plan, Num t) {
    MethodSpec.Builder m = override("backward")
        .beginControlFlow("if (!lossReady)")
        .addStatement("throw new IllegalStateException($S)",
            "backward() needs loss() after the last forward()")
        .endControlFlow()
        .addStatement("$L reg = $L", t.t(), t.fromDouble("l2"));
    if (plan.columnar()) {
      m.addStatement("backwardColumnar(n, reg)");
      return m.addStatement("hiddenGradStale = true").build();
    }
    for (int i = plan.layers().size() - 1; i >= 0; i--) {
      m.addStatement("backward$L(n, reg)", plan.layers().get(i).index());
    }
    ImageLayers.backwardCalls(m, plan);
    return m.build();
  }

  private static MethodSpec sgd(NetPlan plan, Num t) {
    MethodSpec.Builder m = override("sgdStep").addParameter(double.class, "lr")
        .addStatement("rate = $L", t.fromDouble("lr"));
    Folding.invalidate(m, plan);
    ImageLayers.sgd(m, plan);
    for (LayerPlan p : plan.layers()) {
      for (String[] pair : params(p)) {
        if (p.parallel() && pair[0].equals(p.w())) {
          m.beginControlFlow("if (workers == null)");
          m.addStatement("$T.descend($L, $L, rate)", OPS, pair[0], pair[1]);
          m.nextControlFlow("else");
          m.addStatement("workers.run($LTask)", p.descend());
          m.endControlFlow();
        } else if (pair[0].equals(p.w()) && p.unrollCols() && p.fanIn() > 1) {
          // a few-column weight matrix (a head's): one row per iteration, its columns written out
          m.beginControlFlow("for (int r = 0; r < $L; r++)", p.fanIn());
          m.addStatement("$L[] w = $L[r]", t.t(), pair[0]);
          m.addStatement("$L[] g = $L[r]", t.t(), pair[1]);
          for (int j = 0; j < p.cols(); j++) {
            m.addStatement("w[$1L] -= rate * g[$1L]", j);
          }
          m.endControlFlow();
        } else {
          m.addStatement("$T.descend($L, $L, rate)", OPS, pair[0], pair[1]);
        }
      }
    }
    return m.build();
  }

  private static MethodSpec copyFrom(NetPlan plan, ClassName self) {
    MethodSpec.Builder m = override("copyFrom").addParameter(ClassEmitter.MODEL, "other")
        .addStatement("$T.sameClass(this, other)", CHECKS)
        .addStatement("$T from = ($T) other", self, self);
    ImageLayers.copyFrom(m, plan);
    for (LayerPlan p : plan.layers()) {
      for (String[] pair : params(p)) {
        m.addStatement("$T.copy(from.$L, $L)", INIT, pair[0], pair[0]);
      }
      if (p.gamma() != null) {
        m.addStatement("$T.copy(from.$L, $L)", INIT, p.runningMean(), p.runningMean());
        m.addStatement("$T.copy(from.$L, $L)", INIT, p.runningVar(), p.runningVar());
      }
    }
    Folding.invalidate(m, plan);
    return m.addStatement("this.training = from.training")
        .addStatement("this.l2 = from.l2").build();
  }

  private static List<String[]> params(LayerPlan p) {
    List<String[]> out = new ArrayList<>();
    out.add(new String[] {p.w(), p.dw()});
    if (p.b() != null) {
      out.add(new String[] {p.b(), p.db()});
    }
    if (p.gamma() != null) {
      out.add(new String[] {p.gamma(), p.dgamma()});
      out.add(new String[] {p.beta(), p.dbeta()});
    }
    if (p.alpha() != null) {
      out.add(new String[] {p.alpha(), p.dalpha()});
    }
    return out;
  }
}
