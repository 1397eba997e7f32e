package dev.unroll.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.unroll.processor.plan.AffinePlan;
import dev.unroll.processor.plan.BatchNormPlan;
import dev.unroll.processor.plan.DensePlan;
import dev.unroll.spec.Activation;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * A fully connected layer: the product its {@link ProductStrategy} writes, batch norm, then the
 * activation; backward in mirror order. One forward and one backward method per layer keep every
 * method far under HotSpot's 8,000-byte limit for JIT compilation.
 */
final class DenseLayer implements LayerEmitter {
  private final DensePlan p;
  private final Num t;
  private final int maxBatch;
  private final ProductStrategy product;

  DenseLayer(DensePlan p, Num t, int maxBatch) {
    this.p = p;
    this.t = t;
    this.maxBatch = maxBatch;
    this.product = ProductStrategy.of(p);
  }

  @Override
  public DensePlan plan() {
    return p;
  }

  @Override
  public List<FieldSpec> fields() {
    return Fields.of(p, t, maxBatch);
  }

  @Override
  public List<TensorRef> params() {
    AffinePlan a = p.affine();
    BatchNormPlan bn = p.batchNorm();
    List<TensorRef> out = new ArrayList<>();
    out.add(new TensorRef("W", "WEIGHT", a.w(), a.dw()));
    if (a.b() != null) {
      out.add(new TensorRef("b", "BIAS", a.b(), a.db()));
    }
    if (bn != null) {
      out.add(new TensorRef("gamma", "GAMMA", bn.gamma(), bn.dgamma()));
      out.add(new TensorRef("beta", "BETA", bn.beta(), bn.dbeta()));
    }
    if (p.activation().alpha() != null) {
      out.add(new TensorRef("alpha", "ALPHA", p.activation().alpha(), p.activation().dalpha()));
    }
    return out;
  }

  @Override
  public List<TensorRef> buffers() {
    BatchNormPlan bn = p.batchNorm();
    if (bn == null) {
      return List.of();
    }
    return List.of(new TensorRef("runningMean", "RUNNING_MEAN", bn.runningMean(), null),
        new TensorRef("runningVar", "RUNNING_VAR", bn.runningVar(), null));
  }

  @Override
  public List<String> penalized() {
    return List.of(p.affine().w());
  }

  @Override
  public CodeBlock initialize() {
    CodeBlock.Builder c = CodeBlock.builder();
    c.add(InitEmitter.weights(p.spec(), p.affine().w(), p.fanIn(), p.cols()));
    if (p.affine().b() != null) {
      c.addStatement("$T.fill($L, 0)", RuntimeTypes.INIT, p.affine().b());
    }
    BatchNormPlan bn = p.batchNorm();
    if (bn != null) {
      c.addStatement("$T.fill($L, 1)", RuntimeTypes.INIT, bn.gamma());
      c.addStatement("$T.fill($L, 0)", RuntimeTypes.INIT, bn.beta());
      c.addStatement("$T.fill($L, 0)", RuntimeTypes.INIT, bn.runningMean());
      c.addStatement("$T.fill($L, 1)", RuntimeTypes.INIT, bn.runningVar());
    }
    if (p.activation().alpha() != null) {
      c.addStatement("$T.fill($L, $L)", RuntimeTypes.INIT, p.activation().alpha(),
          p.spec().alpha());
    }
    return c.build();
  }

  @Override
  public CodeBlock descend() {
    CodeBlock.Builder c = CodeBlock.builder();
    for (TensorRef param : params()) {
      if (param.value().equals(p.affine().w())) {
        c.add(product.descend(p, t));
      } else {
        c.addStatement("$T.descend($L, $L, rate)", RuntimeTypes.OPS, param.value(), param.grad());
      }
    }
    return c.build();
  }

  @Override
  public MethodSpec forward() {
    MethodSpec.Builder m = MethodSpec.methodBuilder("forward" + p.index())
        .addModifiers(Modifier.PRIVATE)
        .addParameter(int.class, "n")
        .addJavadoc("Layer $L forward: $L.\n", p.index(), describe(p));
    m.addCode("// z = x W$L\n", p.affine().b() != null ? " + b" : "");
    m.addCode(product.forward(p, t));
    if (p.batchNorm() != null) {
      m.addCode(BatchNormEmitter.forward(p, t));
    }
    // with batch norm a fusable activation runs inside its pass (training) or after the folded
    // product (evaluation), both within BatchNormEmitter's code
    boolean fusedIntoBatchNorm = p.batchNorm() != null && ActivationEmitter.fusable(p);
    if (p.activation().ownOutput() && !fusedIntoBatchNorm && !product.ownsActivation(p)) {
      m.addCode(ActivationEmitter.forward(p, t));
    }
    return m.build();
  }

  @Override
  public MethodSpec backward() {
    MethodSpec.Builder m = MethodSpec.methodBuilder("backward" + p.index())
        .addModifiers(Modifier.PRIVATE)
        .addParameter(int.class, "n")
        .addParameter(t.type(), "reg")
        .addJavadoc("Layer $L backward, in mirror order of {@code forward$L}.\n", p.index(),
            p.index());
    if (p.activation().ownOutput() && !product.ownsActivation(p)) {
      m.addCode(ActivationEmitter.backward(p, t));
    }
    if (p.batchNorm() != null) {
      m.addCode(BatchNormEmitter.backward(p, t));
    }
    m.addCode(product.weightGradient(p, t));
    if (p.dIn() != null) {
      m.addCode(product.inputGradient(p, t));
    }
    return m.build();
  }

  @Override
  public CodeBlock prepareForEvaluation() {
    CodeBlock.Builder c = CodeBlock.builder();
    BatchNormPlan bn = p.batchNorm();
    if (bn != null) {
      c.addStatement("fold$L()", p.index());
    }
    if (p.affine().wp() != null) {
      c.addStatement("$T.flatten($L, $L)", t.kernels(), bn != null ? bn.wf() : p.affine().w(),
          p.affine().wp());
    }
    return c.build();
  }

  /** {@code foldK()}: batch norm folded into layer K's weights for evaluation. */
  @Override
  public List<MethodSpec> evaluationMethods() {
    if (p.batchNorm() == null) {
      return List.of();
    }
    return List.of(MethodSpec.methodBuilder("fold" + p.index())
        .addModifiers(Modifier.PRIVATE)
        .addJavadoc("Layer $L's batch norm folded into its weights, for evaluation.\n", p.index())
        .addCode(BatchNormEmitter.fold(p, t))
        .build());
  }

  @Override
  public void addMembers(TypeSpec.Builder type) {
    product.addMembers(type, p, t);
  }

  @Override
  public String summary() {
    return (p.batchNorm() != null ? " BN" : "")
        + (p.activation().ownOutput() ? " " + p.activation().kind() : "");
  }

  /** {@code 2 -> 100, RELU}: the layer's sizes, batch norm and activation. */
  static String describe(DensePlan p) {
    StringBuilder sb = new StringBuilder();
    sb.append(p.fanIn()).append(" -> ").append(p.units());
    if (p.activation().kind() == Activation.MAXOUT) {
      sb.append(" (").append(p.spec().pieces()).append(" pieces)");
    }
    if (p.batchNorm() != null) {
      sb.append(", batch norm");
    }
    sb.append(", ").append(p.activation().kind());
    return sb.toString();
  }
}
