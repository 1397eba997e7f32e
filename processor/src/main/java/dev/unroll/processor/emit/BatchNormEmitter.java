package dev.unroll.processor.emit;

import com.palantir.javapoet.CodeBlock;
import dev.unroll.processor.plan.BatchNormPlan;
import dev.unroll.processor.plan.DensePlan;
import java.util.Arrays;

/**
 * Batch normalization between the affine map and the activation, in place on {@code z}:
 * {@code xhat = (z - mu) / sqrt(var + eps)}, {@code y = gamma xhat + beta}. Training uses the
 * batch's mean and biased variance and updates running averages (momentum 0.9); evaluation uses
 * the running averages.
 */
final class BatchNormEmitter {
  static final double EPS = 1e-5;
  static final double MOMENTUM = 0.9;

  private BatchNormEmitter() {}

  static CodeBlock forward(DensePlan p, Num t) {
    CodeBlock.Builder c = CodeBlock.builder();
    BatchNormPlan bn = p.batchNorm();
    int cols = p.cols();
    c.addStatement("$L[] mean = $L[0]", t.t(), bn.batchMean());
    c.addStatement("$L[] invStd = $L[0]", t.t(), bn.invStd());
    c.addStatement("$L[] gamma = $L[0]", t.t(), bn.gamma());
    c.addStatement("$L[] beta = $L[0]", t.t(), bn.beta());
    c.addStatement("$L[] runningMean = $L[0]", t.t(), bn.runningMean());
    c.addStatement("$L[] runningVar = $L[0]", t.t(), bn.runningVar());
    c.beginControlFlow("if (training)");
    c.add("// batch mean and biased variance, then running = 0.9 running + 0.1 batch\n");
    c.addStatement("$T.fill(mean, $L)", Arrays.class, t.lit(0));
    c.add("// invStd first sums the squared deviations, then holds 1 / sqrt(var + eps)\n");
    c.addStatement("$T.fill(invStd, $L)", Arrays.class, t.lit(0));
    rows(c, t, p.activation().z(), "z", cols, "mean[j] += z[j]");
    c.addStatement("$L invN = $L / n", t.t(), t.lit(1));
    c.beginControlFlow("for (int j = 0; j < $L; j++)", cols);
    c.addStatement("mean[j] *= invN");
    c.endControlFlow();
    c.beginControlFlow("for (int i = 0; i < n; i++)");
    c.addStatement("$L[] z = $L[i]", t.t(), p.activation().z());
    c.beginControlFlow("for (int j = 0; j < $L; j++)", cols);
    c.addStatement("$L dev = z[j] - mean[j]", t.t());
    c.addStatement("invStd[j] += dev * dev");
    c.endControlFlow();
    c.endControlFlow();
    c.beginControlFlow("for (int j = 0; j < $L; j++)", cols);
    c.addStatement("$L var = invStd[j] * invN", t.t());
    c.addStatement("runningMean[j] = $1L * runningMean[j] + $2L * mean[j]", t.lit(MOMENTUM),
        t.lit(1 - MOMENTUM));
    c.addStatement("runningVar[j] = $1L * runningVar[j] + $2L * var", t.lit(MOMENTUM),
        t.lit(1 - MOMENTUM));
    c.addStatement("invStd[j] = $L", invStd(t, "var"));
    c.endControlFlow();
    boolean fused = ActivationEmitter.fusable(p);
    if (fused) {
      c.add("// normalize, scale and shift, and the activation, in one pass\n");
      ActivationEmitter.declareSlopes(c, p, t);
    }
    c.beginControlFlow("for (int i = 0; i < n; i++)");
    c.addStatement("$L[] z = $L[i]", t.t(), p.activation().z());
    c.addStatement("$L[] xhat = $L[i]", t.t(), bn.xhat());
    if (fused) {
      c.addStatement("$L[] h = $L[i]", t.t(), p.h());
    }
    c.beginControlFlow("for (int j = 0; j < $L; j++)", cols);
    c.addStatement("$L xn = (z[j] - mean[j]) * invStd[j]", t.t());
    c.addStatement("xhat[j] = xn");
    c.addStatement("z[j] = gamma[j] * xn + beta[j]");
    if (fused) {
      ActivationEmitter.element(c, p, t);
    }
    c.endControlFlow();
    c.endControlFlow();
    c.nextControlFlow("else");
    c.add("// evaluation: the product used the folded weights, z is already normalized, scaled\n");
    c.add("// and shifted; the running averages' statistics are kept for backward\n");
    c.beginControlFlow("for (int j = 0; j < $L; j++)", cols);
    c.addStatement("mean[j] = runningMean[j]");
    c.addStatement("invStd[j] = $L", invStd(t, "runningVar[j]"));
    c.endControlFlow();
    if (fused) {
      c.add(ActivationEmitter.forward(p, t));
    }
    c.endControlFlow();
    return c.build();
  }

  /**
   * {@code W' = W gamma / sqrt(var + eps)} and {@code b' = beta - mean gamma / sqrt(var + eps)}
   * from the running averages: evaluation's {@code gamma (x W - mean) / sqrt(var + eps) + beta}
   * as one product.
   */
  static CodeBlock fold(DensePlan p, Num t) {
    CodeBlock.Builder c = CodeBlock.builder();
    BatchNormPlan bn = p.batchNorm();
    int cols = p.cols();
    c.addStatement("$L[] invStd = $L[0]", t.t(), bn.invStd());
    c.addStatement("$L[] gamma = $L[0]", t.t(), bn.gamma());
    c.addStatement("$L[] beta = $L[0]", t.t(), bn.beta());
    c.addStatement("$L[] runningMean = $L[0]", t.t(), bn.runningMean());
    c.addStatement("$L[] runningVar = $L[0]", t.t(), bn.runningVar());
    c.addStatement("$L[] bias = $L[0]", t.t(), bn.bf());
    c.add("// invStd holds the scale gamma / sqrt(var + eps) here; forward resets it to\n"
        + "// 1 / sqrt(var + eps)\n");
    c.beginControlFlow("for (int j = 0; j < $L; j++)", cols);
    c.addStatement("invStd[j] = gamma[j] * $L", invStd(t, "runningVar[j]"));
    c.addStatement("bias[j] = beta[j] - runningMean[j] * invStd[j]");
    c.endControlFlow();
    c.beginControlFlow("for (int m = 0; m < $L; m++)", p.fanIn());
    c.addStatement("$L[] w = $L[m]", t.t(), p.affine().w());
    c.addStatement("$L[] wf = $L[m]", t.t(), bn.wf());
    c.beginControlFlow("for (int j = 0; j < $L; j++)", cols);
    c.addStatement("wf[j] = w[j] * invStd[j]");
    c.endControlFlow();
    c.endControlFlow();
    return c.build();
  }

  /**
   * On entry {@code dz} holds dL/dy. Training: dz = gamma * inv / N * (N dy - sum dy - xhat sum(dy
   * xhat)), the batch statistics' own dependence on z included. Evaluation: dz = gamma * inv * dy.
   */
  static CodeBlock backward(DensePlan p, Num t) {
    CodeBlock.Builder c = CodeBlock.builder();
    BatchNormPlan bn = p.batchNorm();
    int cols = p.cols();
    c.beginControlFlow("if (!training)");
    c.add("// the folded forward pass formed no xhat: xhat = (x W - mean) / sqrt(var + eps)\n");
    c.add(ProductStrategy.of(p.productIntoXhat()).forward(p.productIntoXhat(), t));
    c.addStatement("$L[] mean = $L[0]", t.t(), bn.batchMean());
    c.addStatement("$L[] invStd = $L[0]", t.t(), bn.invStd());
    rows(c, t, bn.xhat(), "xhat", cols, "xhat[j] = (xhat[j] - mean[j]) * invStd[j]");
    c.endControlFlow();
    c.addStatement("$L[] invStd = $L[0]", t.t(), bn.invStd());
    c.addStatement("$L[] gamma = $L[0]", t.t(), bn.gamma());
    c.addStatement("$L[] dgamma = $L[0]", t.t(), bn.dgamma());
    c.addStatement("$L[] dbeta = $L[0]", t.t(), bn.dbeta());
    c.addStatement("$T.fill(dgamma, $L)", Arrays.class, t.lit(0));
    c.addStatement("$T.fill(dbeta, $L)", Arrays.class, t.lit(0));
    c.add("// dgamma = sum dy * xhat, dbeta = sum dy\n");
    c.beginControlFlow("for (int i = 0; i < n; i++)");
    c.addStatement("$L[] dz = $L[i]", t.t(), p.activation().dz());
    c.addStatement("$L[] xhat = $L[i]", t.t(), bn.xhat());
    c.beginControlFlow("for (int j = 0; j < $L; j++)", cols);
    c.addStatement("dgamma[j] += dz[j] * xhat[j]");
    c.addStatement("dbeta[j] += dz[j]");
    c.endControlFlow();
    c.endControlFlow();
    c.beginControlFlow("if (training)");
    c.addStatement("$L invN = $L / n", t.t(), t.lit(1));
    c.beginControlFlow("for (int i = 0; i < n; i++)");
    c.addStatement("$L[] dz = $L[i]", t.t(), p.activation().dz());
    c.addStatement("$L[] xhat = $L[i]", t.t(), bn.xhat());
    c.beginControlFlow("for (int j = 0; j < $L; j++)", cols);
    c.addStatement(
        "dz[j] = gamma[j] * invStd[j] * (dz[j] - (dbeta[j] + xhat[j] * dgamma[j]) * invN)");
    c.endControlFlow();
    c.endControlFlow();
    c.nextControlFlow("else");
    rows(c, t, p.activation().dz(), "dz", cols, "dz[j] *= gamma[j] * invStd[j]");
    c.endControlFlow();
    return c.build();
  }

  private static void rows(CodeBlock.Builder c, Num t, String array, String local, int cols,
      String statement) {
    c.beginControlFlow("for (int i = 0; i < n; i++)");
    c.addStatement("$L[] $L = $L[i]", t.t(), local, array);
    c.beginControlFlow("for (int j = 0; j < $L; j++)", cols);
    c.addStatement(statement);
    c.endControlFlow();
    c.endControlFlow();
  }

  /** {@code 1 / sqrt(variance + eps)} in the element type. */
  private static CodeBlock invStd(Num t, String variance) {
    return t.fromDouble(CodeBlock.of("(1.0 / $T.sqrt($L + $L))", Math.class, variance, EPS));
  }
}
