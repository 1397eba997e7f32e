package dev.unroll.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.unroll.processor.plan.LayerPlan;
import dev.unroll.processor.plan.NetPlan;
import javax.lang.model.element.Modifier;

/**
 * {@code initialize(seed)}: every layer's weights from one seeded source, in layer order, with the
 * scale each scheme gives computed at compile time.
 */
final class InitEmitter {
  private static final ClassName RNG = ClassName.get("dev.unroll.runtime", "Rng");
  private static final ClassName INIT = ClassName.get("dev.unroll.runtime", "Init");

  private InitEmitter() {}

  static MethodSpec initialize(NetPlan plan) {
    MethodSpec.Builder m = MethodSpec.methodBuilder("initialize")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(long.class, "seed");
    m.addStatement("$T rng = new $T(seed)", RNG, RNG);
    m.addCode(ImageLayers.initialize(plan));
    for (LayerPlan p : plan.layers()) {
      m.addCode(weights(p));
      if (p.b() != null) {
        m.addStatement("$T.fill($L, 0)", INIT, p.b());
      }
      if (p.gamma() != null) {
        m.addStatement("$T.fill($L, 1)", INIT, p.gamma());
        m.addStatement("$T.fill($L, 0)", INIT, p.beta());
        m.addStatement("$T.fill($L, 0)", INIT, p.runningMean());
        m.addStatement("$T.fill($L, 1)", INIT, p.runningVar());
      }
      if (p.alpha() != null) {
        m.addStatement("$T.fill($L, $L)", INIT, p.alpha(), p.spec().alpha());
      }
    }
    Folding.invalidate(m, plan);
    return m.build();
  }

  private static CodeBlock weights(LayerPlan p) {
    int fanIn = p.fanIn();
    int fanOut = p.cols();
    String w = p.w();
    return switch (p.spec().init()) {
      case ZERO -> CodeBlock.builder()
          .add("// layer $L: zeros\n", p.index())
          .addStatement("$T.fill($L, 0)", INIT, w).build();
      case SMALL_RANDOM -> normal(p, "0.01 N(0, 1)", 0.01);
      case NORMAL -> normal(p, p.spec().scale() + " N(0, 1)", p.spec().scale());
      case XAVIER -> normal(p, "Xavier, N(0, 1) / sqrt(" + fanIn + ")", 1 / Math.sqrt(fanIn));
      case HE -> normal(p, "He, N(0, 1) * sqrt(2 / " + fanIn + ")", Math.sqrt(2.0 / fanIn));
      case GLOROT_UNIFORM -> CodeBlock.builder()
          .add("// layer $L: Glorot, U(-l, l), l = sqrt(6 / ($L + $L))\n", p.index(), fanIn,
              fanOut)
          .addStatement("$T.uniform($L, rng, $L)", INIT, w, Math.sqrt(6.0 / (fanIn + fanOut)))
          .build();
    };
  }

  private static CodeBlock normal(LayerPlan p, String what, double std) {
    return CodeBlock.builder()
        .add("// layer $L: $L\n", p.index(), what)
        .addStatement("$T.normal($L, rng, $L)", INIT, p.w(), std)
        .build();
  }
}
