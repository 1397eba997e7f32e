package dev.unroll.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeSpec;
import dev.unroll.processor.plan.DensePlan;
import dev.unroll.spec.Activation;

/**
 * A ranged shape split across threads: each product becomes a method over a range of its output
 * columns ({@code affineK}: z's columns, {@code weightGradK}: dW's columns, {@code inputGradK}:
 * dx's columns), which {@link Parallel} runs on one thread or hands to the workers. Every output
 * element is computed by one thread in the same order as on one thread, so results are
 * bit-identical. An elementwise activation runs inside the same column ranges.
 */
final class Split implements ProductStrategy {
  private final RangedProduct shape;

  Split(RangedProduct shape) {
    this.shape = shape;
  }

  private static String affine(DensePlan p) {
    return "affine" + p.index();
  }

  private static String weightGrad(DensePlan p) {
    return "weightGrad" + p.index();
  }

  private static String inputGrad(DensePlan p) {
    return "inputGrad" + p.index();
  }

  private static String transpose(DensePlan p) {
    return "transpose" + p.index();
  }

  private static String descend(DensePlan p) {
    return "descend" + p.index();
  }

  @Override
  public CodeBlock forward(DensePlan p, Num t) {
    return Parallel.dispatch(affine(p), p.cols());
  }

  @Override
  public CodeBlock weightGradient(DensePlan p, Num t) {
    return CodeBlock.builder()
        .add("// dW = x^T dz + l2 * W\n")
        .add(Parallel.dispatch(weightGrad(p), p.cols()))
        .build();
  }

  @Override
  public CodeBlock inputGradient(DensePlan p, Num t) {
    boolean copy = shape.transposesWeights(p);
    CodeBlock.Builder c = CodeBlock.builder();
    c.add("// dx = dz W^T, written into the previous layer's output gradient\n");
    c.beginControlFlow("if (workers == null)");
    if (copy) {
      c.addStatement("$T.transpose($L, $L)", RuntimeTypes.OPS, p.affine().w(), p.affine().wt());
    }
    c.addStatement("$L(n, 0, $L)", inputGrad(p), p.fanIn());
    c.nextControlFlow("else");
    if (copy) {
      c.addStatement("workers.run($LTask)", transpose(p));
    }
    c.addStatement("workers.run($LTask)", inputGrad(p));
    c.endControlFlow();
    return c.build();
  }

  @Override
  public CodeBlock descend(DensePlan p, Num t) {
    return CodeBlock.builder()
        .beginControlFlow("if (workers == null)")
        .addStatement("$T.descend($L, $L, rate)", RuntimeTypes.OPS, p.affine().w(),
            p.affine().dw())
        .nextControlFlow("else")
        .addStatement("workers.run($LTask)", descend(p))
        .endControlFlow()
        .build();
  }

  /**
   * Whether the activation (and its derivative) runs inside the column ranges: elementwise, no
   * batch norm in between, not on the Vector API's whole-row exp kernels.
   */
  @Override
  public boolean ownsActivation(DensePlan p) {
    return p.activation().ownOutput() && p.batchNorm() == null && !p.activation().vector()
        && p.activation().kind() != Activation.MAXOUT;
  }

  /** The range methods and the task fields the workers run them with. */
  @Override
  public void addMembers(TypeSpec.Builder type, DensePlan p, Num t) {
    boolean act = ownsActivation(p);
    int k = p.index();
    CodeBlock.Builder forward = CodeBlock.builder();
    Loops.declareOperands(forward, p, t);
    forward.add(shape.forwardRange(p, t, "j0", "j1"));
    if (act) {
      forward.add("// the activation of the same columns, on the same thread\n")
          .add(ActivationEmitter.forward(p, t, "j0", "j1"));
    }
    Parallel.rangeMethod(type, affine(p), p.cols(), "Columns [j0, j1) of layer " + k
        + "'s z = x W" + (p.affine().b() != null ? " + b" : "") + (act ? " and h = f(z)" : "")
        + ".", forward.build());
    CodeBlock.Builder grad = CodeBlock.builder()
        .addStatement("$L reg = $L", t.t(), t.fromDouble("l2"));
    if (act) {
      grad.add("// dz of these columns first: dW's columns need only them\n")
          .add(ActivationEmitter.backward(p, t, "j0", "j1"));
    }
    grad.add(shape.weightGradientRange(p, t, "j0", "j1"));
    if (p.affine().db() != null) {
      grad.add(Loops.biasGradient(p, t, "j0", "j1"));
    }
    Parallel.rangeMethod(type, weightGrad(p), p.cols(), "Columns [j0, j1) of layer " + k
        + "'s " + (act ? "dz, " : "") + "dW = x^T dz + l2 W"
        + (p.affine().db() != null ? ", db" : "") + ".", grad.build());
    if (p.dIn() != null) {
      Parallel.rangeMethod(type, inputGrad(p), p.fanIn(), "Inputs [j0, j1) of layer " + k
          + "'s dx = dz W^T.", shape.inputGradientRange(p, t, "j0", "j1"));
      if (shape.transposesWeights(p)) {
        Parallel.task(type, transpose(p), CodeBlock.of("$T.transpose($L, $L, $L, $L)",
            RuntimeTypes.OPS, p.affine().w(), p.affine().wt(), Parallel.bound("part", p.cols()),
            Parallel.bound("part + 1", p.cols())));
      }
    }
    Parallel.task(type, descend(p), CodeBlock.of("$T.descend($L, $L, rate, $L, $L)",
        RuntimeTypes.OPS, p.affine().w(), p.affine().dw(), Parallel.bound("part", p.fanIn()),
        Parallel.bound("part + 1", p.fanIn())));
  }
}
