package dev.unroll.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.unroll.processor.model.LayerSpec;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * {@code initialize(seed)}: every layer's weights from one seeded source, in layer order, with the
 * scale each scheme gives computed at compile time.
 */
final class InitEmitter {
  private static final ClassName RNG = RuntimeTypes.RNG;
  private static final ClassName INIT = RuntimeTypes.INIT;

  private InitEmitter() {}

  static MethodSpec initialize(List<LayerEmitter> layers) {
    MethodSpec.Builder m = MethodSpec.methodBuilder("initialize")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(long.class, "seed");
    m.addStatement("$T rng = new $T(seed)", RNG, RNG);
    for (LayerEmitter layer : layers) {
      m.addCode(layer.initialize());
    }
    Folding.invalidate(m, layers);
    return m.build();
  }

  /** Layer {@code spec}'s weights {@code w} (fanIn x fanOut) drawn by its init scheme. */
  static CodeBlock weights(LayerSpec spec, String w, int fanIn, int fanOut) {
    int k = spec.index();
    return switch (spec.init()) {
      case ZERO -> CodeBlock.builder()
          .add("// layer $L: zeros\n", k)
          .addStatement("$T.fill($L, 0)", INIT, w).build();
      case SMALL_RANDOM -> normal(k, w, "0.01 N(0, 1)", 0.01);
      case NORMAL -> normal(k, w, spec.scale() + " N(0, 1)", spec.scale());
      case XAVIER -> normal(k, w, "Xavier, N(0, 1) / sqrt(" + fanIn + ")", 1 / Math.sqrt(fanIn));
      case HE -> normal(k, w, "He, N(0, 1) * sqrt(2 / " + fanIn + ")", Math.sqrt(2.0 / fanIn));
      case GLOROT_UNIFORM -> CodeBlock.builder()
          .add("// layer $L: Glorot, U(-l, l), l = sqrt(6 / ($L + $L))\n", k, fanIn, fanOut)
          .addStatement("$T.uniform($L, rng, $L)", INIT, w, Math.sqrt(6.0 / (fanIn + fanOut)))
          .build();
    };
  }

  private static CodeBlock normal(int k, String w, String what, double std) {
    return CodeBlock.builder()
        .add("// layer $L: $L\n", k, what)
        .addStatement("$T.normal($L, rng, $L)", INIT, w, std)
        .build();
  }
}
