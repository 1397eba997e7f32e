package dev.unroll.processor.emit;

import com.palantir.javapoet.MethodSpec;
import dev.unroll.processor.plan.LayerPlan;
import dev.unroll.spec.Activation;
import javax.lang.model.element.Modifier;

/**
 * One forward and one backward method per layer, each reading like its formula. Keeping a layer
 * per method keeps every method far under HotSpot's 8,000-byte limit for JIT compilation.
 */
final class LayerMethods {
  private LayerMethods() {}

  static MethodSpec forward(LayerPlan p, Num t) {
    MethodSpec.Builder m = MethodSpec.methodBuilder("forward" + p.index())
        .addModifiers(Modifier.PRIVATE)
        .addParameter(int.class, "n")
        .addJavadoc("Layer $L forward: $L.\n", p.index(), describe(p));
    m.addCode("// z = x W$L\n", p.b() != null ? " + b" : "");
    m.addCode(AffineEmitter.forward(p, t));
    if (p.gamma() != null) {
      m.addCode(BatchNormEmitter.forward(p, t));
    }
    // with batch norm a fusable activation runs inside its pass (training) or after the folded
    // product (evaluation), both within BatchNormEmitter's code
    boolean fusedIntoBatchNorm = p.gamma() != null && ActivationEmitter.fusable(p);
    // a split layer's activation runs in its product's column tasks (ActivationEmitter.inRanges)
    if (p.hasOwnActivation() && !fusedIntoBatchNorm && !p.direct()
        && !ActivationEmitter.inRanges(p)) {
      m.addCode(ActivationEmitter.forward(p, t));
    }
    return m.build();
  }

  static MethodSpec backward(LayerPlan p, Num t) {
    MethodSpec.Builder m = MethodSpec.methodBuilder("backward" + p.index())
        .addModifiers(Modifier.PRIVATE)
        .addParameter(int.class, "n")
        .addParameter(t.type(), "reg")
        .addJavadoc("Layer $L backward, in mirror order of {@code forward$L}.\n", p.index(),
            p.index());
    if (p.direct()) {
      m.addCode(AffineEmitter.backwardDirect(p, t));
    } else {
      if (p.hasOwnActivation() && !ActivationEmitter.inRanges(p)) {
        m.addCode(ActivationEmitter.backward(p, t));
      }
      if (p.gamma() != null) {
        m.addCode(BatchNormEmitter.backward(p, t));
      }
      m.addCode(AffineEmitter.backwardParams(p, t));
    }
    if (p.dIn() != null) {
      m.addCode(AffineEmitter.backwardInput(p, t));
    }
    return m.build();
  }

  /** {@code foldK()}: batch norm folded into layer K's weights for evaluation. */
  static MethodSpec fold(LayerPlan p, Num t) {
    return MethodSpec.methodBuilder("fold" + p.index())
        .addModifiers(Modifier.PRIVATE)
        .addJavadoc("Layer $L's batch norm folded into its weights, for evaluation.\n", p.index())
        .addCode(BatchNormEmitter.fold(p, t))
        .build();
  }

  static String describe(LayerPlan p) {
    StringBuilder sb = new StringBuilder();
    sb.append(p.fanIn()).append(" -> ").append(p.units());
    if (p.activation() == Activation.MAXOUT) {
      sb.append(" (").append(p.spec().pieces()).append(" pieces)");
    }
    if (p.gamma() != null) {
      sb.append(", batch norm");
    }
    sb.append(", ").append(p.activation());
    return sb.toString();
  }
}
