package dev.unroll.processor.emit;

import com.palantir.javapoet.CodeBlock;
import dev.unroll.processor.plan.ImageLayerPlan;

/**
 * Batch norm after a conv layer, per channel: the statistics are taken over the batch and every
 * position (N = n x H x W values a channel), gamma and beta are one per channel. The formulas are
 * the dense layers' ({@link BatchNormEmitter}) with a channel's N values in place of a unit's n;
 * sums run in double, since N is large. Evaluation folds the running averages into the filters.
 */
final class SpatialBatchNorm {
  /** The batch's weight in the running averages, 1 - momentum, written as a clean literal. */
  private static final String NEW = Double.toString(Math.round((1 - BatchNormEmitter.MOMENTUM)
      * 1e6) / 1e6);

  private SpatialBatchNorm() {}

  /** In place on {@code zK}, after the product. */
  static CodeBlock forward(ImageLayerPlan p, Num t) {
    int plane = p.plane();
    CodeBlock.Builder c = CodeBlock.builder();
    declare(c, p, t, "mu", "batchMean", "inv", "invStd", "g", "gamma", "be", "beta",
        "rm", "runningMean", "rv", "runningVar");
    c.beginControlFlow("if (training)");
    c.add("// per channel: mean and biased variance over n x $L values, running = 0.9 running"
        + " + 0.1 batch,\n// then z = gamma (z - mean) / sqrt(var + eps) + beta\n", plane);
    c.addStatement("double count = (double) n * $L", plane);
    c.beginControlFlow("for (int ch = 0; ch < $L; ch++)", p.cols());
    c.addStatement("int o = ch * $L", plane);
    c.addStatement("double sum = 0");
    perValue(c, p, t, "z", p.z(), "sum += z[o + q]");
    c.addStatement("double mean = sum / count");
    c.addStatement("double squares = 0");
    perValue(c, p, t, "z", p.z(), "double dev = z[o + q] - mean", "squares += dev * dev");
    c.addStatement("double var = squares / count");
    c.addStatement("mu[ch] = $L", t.fromDouble("mean"));
    c.addStatement("inv[ch] = $L", t.fromDouble("(1.0 / Math.sqrt(var + "
        + BatchNormEmitter.EPS + "))"));
    c.addStatement("rm[ch] = $L", t.fromDouble("(" + BatchNormEmitter.MOMENTUM + " * rm[ch] + "
        + NEW + " * mean)"));
    c.addStatement("rv[ch] = $L", t.fromDouble("(" + BatchNormEmitter.MOMENTUM + " * rv[ch] + "
        + NEW + " * var)"));
    c.addStatement("$L m = mu[ch]", t.t());
    c.addStatement("$L s = inv[ch]", t.t());
    c.beginControlFlow("for (int i = 0; i < n; i++)");
    c.addStatement("$L[] z = $L[i]", t.t(), p.z());
    c.addStatement("$L[] xh = $L[i]", t.t(), p.name("xhat"));
    c.beginControlFlow("for (int q = o; q < o + $L; q++)", plane);
    c.addStatement("$L xn = (z[q] - m) * s", t.t());
    c.addStatement("xh[q] = xn");
    c.addStatement("z[q] = g[ch] * xn + be[ch]");
    c.endControlFlow();
    c.endControlFlow();
    c.endControlFlow();
    c.nextControlFlow("else");
    c.add("// evaluation: the folded filters already normalized; keep the running statistics"
        + " for backward\n");
    c.beginControlFlow("for (int ch = 0; ch < $L; ch++)", p.cols());
    c.addStatement("mu[ch] = rm[ch]");
    c.addStatement("inv[ch] = $L", t.fromDouble("(1.0 / Math.sqrt(rv[ch] + "
        + BatchNormEmitter.EPS + "))"));
    c.endControlFlow();
    c.endControlFlow();
    return c.build();
  }

  /**
   * On entry {@code dzK} holds dL/dy. Training: dz = gamma inv / N (N dy - sum dy - xhat sum(dy
   * xhat)); evaluation: dz = gamma inv dy (the statistics are constants).
   */
  static CodeBlock backward(ImageLayerPlan p, Num t) {
    int plane = p.plane();
    CodeBlock.Builder c = CodeBlock.builder();
    declare(c, p, t, "mu", "batchMean", "inv", "invStd", "g", "gamma", "dg", "dgamma",
        "dbe", "dbeta");
    c.beginControlFlow("if (!training)");
    c.add("// the folded forward pass formed no xhat: xhat = (conv(x, W) - mean) / sqrt(var +"
        + " eps)\n");
    c.beginControlFlow("for (int i = 0; i < n; i++)");
    c.addStatement("conv$L($L[i], $L[i], $L, $L[0])", p.index(), p.in(), p.name("xhat"),
        p.name("w"), p.name("noBias"));
    c.endControlFlow();
    c.beginControlFlow("for (int ch = 0; ch < $L; ch++)", p.cols());
    c.addStatement("int o = ch * $L", plane);
    perValue(c, p, t, "xh", p.name("xhat"), "xh[o + q] = (xh[o + q] - mu[ch]) * inv[ch]");
    c.endControlFlow();
    c.endControlFlow();
    c.add("// per channel: dgamma = sum dy xhat, dbeta = sum dy\n");
    c.beginControlFlow("for (int ch = 0; ch < $L; ch++)", p.cols());
    c.addStatement("int o = ch * $L", plane);
    c.addStatement("double sg = 0");
    c.addStatement("double sb = 0");
    c.beginControlFlow("for (int i = 0; i < n; i++)");
    c.addStatement("$L[] d = $L[i]", t.t(), p.dz());
    c.addStatement("$L[] xh = $L[i]", t.t(), p.name("xhat"));
    c.beginControlFlow("for (int q = o; q < o + $L; q++)", plane);
    c.addStatement("sg += d[q] * xh[q]");
    c.addStatement("sb += d[q]");
    c.endControlFlow();
    c.endControlFlow();
    c.addStatement("dg[ch] = $L", t.fromDouble("sg"));
    c.addStatement("dbe[ch] = $L", t.fromDouble("sb"));
    c.addStatement("$L scale = g[ch] * inv[ch]", t.t());
    c.addStatement("$L meanDy = training ? $L : 0", t.t(),
        t.fromDouble("(sb / ((double) n * " + plane + "))"));
    c.addStatement("$L meanDyXhat = training ? $L : 0", t.t(),
        t.fromDouble("(sg / ((double) n * " + plane + "))"));
    c.beginControlFlow("for (int i = 0; i < n; i++)");
    c.addStatement("$L[] d = $L[i]", t.t(), p.dz());
    c.addStatement("$L[] xh = $L[i]", t.t(), p.name("xhat"));
    c.beginControlFlow("for (int q = o; q < o + $L; q++)", plane);
    c.addStatement("d[q] = scale * (d[q] - meanDy - xh[q] * meanDyXhat)");
    c.endControlFlow();
    c.endControlFlow();
    c.endControlFlow();
    return c.build();
  }

  /**
   * {@code W'[f] = W[f] gamma_f / sqrt(var_f + eps)}, {@code b'_f = beta_f - mean_f gamma_f /
   * sqrt(var_f + eps)}: evaluation's normalization as one product.
   */
  static CodeBlock fold(ImageLayerPlan p, Num t) {
    CodeBlock.Builder c = CodeBlock.builder();
    declare(c, p, t, "g", "gamma", "be", "beta", "rm", "runningMean", "rv", "runningVar",
        "bias", "bf");
    c.beginControlFlow("for (int f = 0; f < $L; f++)", p.cols());
    c.addStatement("$L scale = g[f] * $L", t.t(), t.fromDouble("(1.0 / Math.sqrt(rv[f] + "
        + BatchNormEmitter.EPS + "))"));
    c.addStatement("bias[f] = be[f] - rm[f] * scale");
    c.addStatement("$L[] row = $L[f]", t.t(), p.name("w"));
    c.addStatement("$L[] folded = $L[f]", t.t(), p.name("wf"));
    c.beginControlFlow("for (int r = 0; r < $L; r++)", p.fanIn());
    c.addStatement("folded[r] = row[r] * scale");
    c.endControlFlow();
    c.endControlFlow();
    return c.build();
  }

  /** Pairs of (local, array base name): {@code float[] mu = batchMean3[0]}. */
  private static void declare(CodeBlock.Builder c, ImageLayerPlan p, Num t, String... pairs) {
    for (int i = 0; i < pairs.length; i += 2) {
      c.addStatement("$L[] $L = $L[0]", t.t(), pairs[i], p.name(pairs[i + 1]));
    }
  }

  /** {@code statements} for every value of channel {@code o / plane} of every sample. */
  private static void perValue(CodeBlock.Builder c, ImageLayerPlan p, Num t, String local,
      String array, String... statements) {
    c.beginControlFlow("for (int i = 0; i < n; i++)");
    c.addStatement("$L[] $L = $L[i]", t.t(), local, array);
    c.beginControlFlow("for (int q = 0; q < $L; q++)", p.plane());
    for (String s : statements) {
      c.addStatement(s);
    }
    c.endControlFlow();
    c.endControlFlow();
  }

}
