package dev.unroll.processor.emit;

import com.palantir.javapoet.CodeBlock;
import dev.unroll.processor.plan.BatchNormPlan;
import dev.unroll.processor.plan.DensePlan;

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
    c.addStatement("$L[] mu = $L[0]", t.t(), bn.batchMean());
    c.addStatement("$L[] inv = $L[0]", t.t(), bn.invStd());
    c.addStatement("$L[] g = $L[0]", t.t(), bn.gamma());
    c.addStatement("$L[] be = $L[0]", t.t(), bn.beta());
    c.addStatement("$L[] rm = $L[0]", t.t(), bn.runningMean());
    c.addStatement("$L[] rv = $L[0]", t.t(), bn.runningVar());
    c.beginControlFlow("if (training)");
    c.add("// batch mean and biased variance, then running = 0.9 running + 0.1 batch\n");
    c.addStatement("java.util.Arrays.fill(mu, $L)", t.lit(0));
    c.addStatement("java.util.Arrays.fill(inv, $L)", t.lit(0));
    rows(c, t, p.activation().z(), "z", cols, "mu[j] += z[j]");
    c.addStatement("$L invN = $L / n", t.t(), t.lit(1));
    c.beginControlFlow("for (int j = 0; j < $L; j++)", cols);
    c.addStatement("mu[j] *= invN");
    c.endControlFlow();
    c.beginControlFlow("for (int i = 0; i < n; i++)");
    c.addStatement("$L[] z = $L[i]", t.t(), p.activation().z());
    c.beginControlFlow("for (int j = 0; j < $L; j++)", cols);
    c.addStatement("$L dev = z[j] - mu[j]", t.t());
    c.addStatement("inv[j] += dev * dev");
    c.endControlFlow();
    c.endControlFlow();
    c.beginControlFlow("for (int j = 0; j < $L; j++)", cols);
    c.addStatement("$L var = inv[j] * invN", t.t());
    c.addStatement("rm[j] = $1L * rm[j] + $2L * mu[j]", t.lit(MOMENTUM), t.lit(1 - MOMENTUM));
    c.addStatement("rv[j] = $1L * rv[j] + $2L * var", t.lit(MOMENTUM), t.lit(1 - MOMENTUM));
    c.addStatement("inv[j] = $L", t.fromDouble("(1.0 / Math.sqrt(var + " + EPS + "))"));
    c.endControlFlow();
    boolean fused = ActivationEmitter.fusable(p);
    if (fused) {
      c.add("// normalize, scale and shift, and the activation, in one pass\n");
      ActivationEmitter.declareSlopes(c, p, t);
    }
    c.beginControlFlow("for (int i = 0; i < n; i++)");
    c.addStatement("$L[] z = $L[i]", t.t(), p.activation().z());
    c.addStatement("$L[] xh = $L[i]", t.t(), bn.xhat());
    if (fused) {
      c.addStatement("$L[] h = $L[i]", t.t(), p.h());
    }
    c.beginControlFlow("for (int j = 0; j < $L; j++)", cols);
    c.addStatement("$L xn = (z[j] - mu[j]) * inv[j]", t.t());
    c.addStatement("xh[j] = xn");
    c.addStatement("z[j] = g[j] * xn + be[j]");
    if (fused) {
      ActivationEmitter.element(c, p, t);
    }
    c.endControlFlow();
    c.endControlFlow();
    c.nextControlFlow("else");
    c.add("// evaluation: the product used the folded weights, z is already normalized, scaled\n");
    c.add("// and shifted; the running averages' statistics are kept for backward\n");
    c.beginControlFlow("for (int j = 0; j < $L; j++)", cols);
    c.addStatement("mu[j] = rm[j]");
    c.addStatement("inv[j] = $L", t.fromDouble("(1.0 / Math.sqrt(rv[j] + " + EPS + "))"));
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
    c.addStatement("$L[] inv = $L[0]", t.t(), bn.invStd());
    c.addStatement("$L[] g = $L[0]", t.t(), bn.gamma());
    c.addStatement("$L[] be = $L[0]", t.t(), bn.beta());
    c.addStatement("$L[] rm = $L[0]", t.t(), bn.runningMean());
    c.addStatement("$L[] rv = $L[0]", t.t(), bn.runningVar());
    c.addStatement("$L[] bias = $L[0]", t.t(), bn.bf());
    c.add("// inv holds the scale gamma / sqrt(var + eps) here; forward resets it to 1 / sqrt\n");
    c.beginControlFlow("for (int j = 0; j < $L; j++)", cols);
    c.addStatement("inv[j] = g[j] * $L", t.fromDouble("(1.0 / Math.sqrt(rv[j] + " + EPS + "))"));
    c.addStatement("bias[j] = be[j] - rm[j] * inv[j]");
    c.endControlFlow();
    c.beginControlFlow("for (int m = 0; m < $L; m++)", p.fanIn());
    c.addStatement("$L[] row = $L[m]", t.t(), p.affine().w());
    c.addStatement("$L[] folded = $L[m]", t.t(), bn.wf());
    c.beginControlFlow("for (int j = 0; j < $L; j++)", cols);
    c.addStatement("folded[j] = row[j] * inv[j]");
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
    c.addStatement("$L[] mu = $L[0]", t.t(), bn.batchMean());
    c.addStatement("$L[] inv = $L[0]", t.t(), bn.invStd());
    rows(c, t, bn.xhat(), "xh", cols, "xh[j] = (xh[j] - mu[j]) * inv[j]");
    c.endControlFlow();
    c.addStatement("$L[] inv = $L[0]", t.t(), bn.invStd());
    c.addStatement("$L[] g = $L[0]", t.t(), bn.gamma());
    c.addStatement("$L[] dg = $L[0]", t.t(), bn.dgamma());
    c.addStatement("$L[] dbe = $L[0]", t.t(), bn.dbeta());
    c.addStatement("java.util.Arrays.fill(dg, $L)", t.lit(0));
    c.addStatement("java.util.Arrays.fill(dbe, $L)", t.lit(0));
    c.add("// dgamma = sum dy * xhat, dbeta = sum dy\n");
    c.beginControlFlow("for (int i = 0; i < n; i++)");
    c.addStatement("$L[] d = $L[i]", t.t(), p.activation().dz());
    c.addStatement("$L[] xh = $L[i]", t.t(), bn.xhat());
    c.beginControlFlow("for (int j = 0; j < $L; j++)", cols);
    c.addStatement("dg[j] += d[j] * xh[j]");
    c.addStatement("dbe[j] += d[j]");
    c.endControlFlow();
    c.endControlFlow();
    c.beginControlFlow("if (training)");
    c.addStatement("$L invN = $L / n", t.t(), t.lit(1));
    c.beginControlFlow("for (int i = 0; i < n; i++)");
    c.addStatement("$L[] d = $L[i]", t.t(), p.activation().dz());
    c.addStatement("$L[] xh = $L[i]", t.t(), bn.xhat());
    c.beginControlFlow("for (int j = 0; j < $L; j++)", cols);
    c.addStatement("d[j] = g[j] * inv[j] * (d[j] - (dbe[j] + xh[j] * dg[j]) * invN)");
    c.endControlFlow();
    c.endControlFlow();
    c.nextControlFlow("else");
    rows(c, t, p.activation().dz(), "d", cols, "d[j] *= g[j] * inv[j]");
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
}
