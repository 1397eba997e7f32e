package dev.unroll.processor.emit;

import com.palantir.javapoet.CodeBlock;
import dev.unroll.processor.model.LayerSpec;
import dev.unroll.processor.plan.ImageLayerPlan;
import dev.unroll.spec.Activation;
import java.util.Arrays;

/**
 * A conv layer's nonlinearity on its rows of channels x positions, forward next to backward, with
 * the same formulas as the dense layers' ({@link ActivationEmitter}): PReLU learns one slope per
 * channel, and maxout takes the largest of its pieces, piece q of filter f being channel {@code f
 * + q filters}.
 */
final class ImageActivation {
  private ImageActivation() {}

  static CodeBlock forward(ImageLayerPlan p, Num t) {
    LayerSpec u = p.spec();
    int values = p.image().out().size();
    int plane = p.plane();
    CodeBlock.Builder c = CodeBlock.builder();
    c.add("// h = $L(z)\n", u.activation());
    if (u.activation() == Activation.PRELU) {
      c.addStatement("$L[] a = $L[0]", t.t(), p.name("alpha"));
    }
    c.beginControlFlow("for (int i = 0; i < n; i++)");
    c.addStatement("$L[] z = $L[i]", t.t(), p.z());
    c.addStatement("$L[] h = $L[i]", t.t(), p.h());
    switch (u.activation()) {
      case MAXOUT -> {
        c.addStatement("int[] arg = $L[i]", p.name("argmax"));
        c.beginControlFlow("for (int j = 0; j < $L; j++)", values);
        c.addStatement("$L best = z[j]", t.t());
        c.addStatement("int piece = 0");
        for (int q = 1; q < u.pieces(); q++) {
          c.beginControlFlow("if (z[j + $L] > best)", q * values);
          c.addStatement("best = z[j + $L]", q * values);
          c.addStatement("piece = $L", q);
          c.endControlFlow();
        }
        c.addStatement("h[j] = best");
        c.addStatement("arg[j] = piece");
        c.endControlFlow();
      }
      case PRELU -> {
        c.beginControlFlow("for (int ch = 0; ch < $L; ch++)", p.spec().units());
        c.addStatement("$L slope = a[ch]", t.t());
        c.beginControlFlow("for (int j = ch * $L; j < (ch + 1) * $L; j++)", plane, plane);
        c.addStatement("h[j] = Math.max(z[j], $1L) + slope * Math.min(z[j], $1L)", t.lit(0));
        c.endControlFlow();
        c.endControlFlow();
      }
      default -> {
        c.beginControlFlow("for (int j = 0; j < $L; j++)", values);
        c.addStatement("h[j] = $L", element(u, t));
        c.endControlFlow();
      }
    }
    c.endControlFlow();
    return c.build();
  }

  /** {@code f(z[j])} for an elementwise activation. */
  private static String element(LayerSpec u, Num t) {
    return switch (u.activation()) {
      case SIGMOID -> t.fromDouble("(1.0 / (1.0 + Math.exp(-z[j])))");
      case TANH -> t.fromDouble("Math.tanh(z[j])");
      case RELU -> "Math.max(z[j], " + t.lit(0) + ")";
      case LEAKY_RELU -> "Math.max(z[j], " + t.lit(u.slope()) + " * z[j])";
      case ELU -> "z[j] > " + t.lit(0) + " ? z[j] : " + t.fromDouble("(" + u.alpha()
          + " * Math.expm1(z[j]))");
      default -> throw new IllegalStateException("no forward for " + u.activation());
    };
  }

  /** {@code dz} from {@code dh}; PReLU also sums its per-channel slope gradient. */
  static CodeBlock backward(ImageLayerPlan p, Num t) {
    LayerSpec u = p.spec();
    int values = p.image().out().size();
    int plane = p.plane();
    CodeBlock.Builder c = CodeBlock.builder();
    c.add("// dz = $L'(z) dh\n", u.activation());
    if (u.activation() == Activation.PRELU) {
      c.addStatement("$L[] a = $L[0]", t.t(), p.name("alpha"));
      c.addStatement("$L[] da = $L[0]", t.t(), p.name("dalpha"));
      c.addStatement("$T.fill(da, $L)", Arrays.class, t.lit(0));
    }
    c.beginControlFlow("for (int i = 0; i < n; i++)");
    c.addStatement("$L[] z = $L[i]", t.t(), p.z());
    c.addStatement("$L[] h = $L[i]", t.t(), p.h());
    c.addStatement("$L[] dz = $L[i]", t.t(), p.dz());
    c.addStatement("$L[] dh = $L[i]", t.t(), p.dh());
    switch (u.activation()) {
      case MAXOUT -> {
        c.addStatement("int[] arg = $L[i]", p.name("argmax"));
        c.add("// only the winning piece passes the gradient\n");
        c.addStatement("$T.fill(dz, $L)", Arrays.class, t.lit(0));
        c.beginControlFlow("for (int j = 0; j < $L; j++)", values);
        c.addStatement("dz[j + arg[j] * $L] = dh[j]", values);
        c.endControlFlow();
      }
      case PRELU -> {
        c.beginControlFlow("for (int ch = 0; ch < $L; ch++)", u.units());
        c.addStatement("$L slope = a[ch]", t.t());
        c.beginControlFlow("for (int j = ch * $L; j < (ch + 1) * $L; j++)", plane, plane);
        c.addStatement("da[ch] += dh[j] * Math.min(z[j], $L)", t.lit(0));
        c.addStatement("dz[j] = z[j] > $L ? dh[j] : slope * dh[j]", t.lit(0));
        c.endControlFlow();
        c.endControlFlow();
      }
      default -> {
        c.beginControlFlow("for (int j = 0; j < $L; j++)", values);
        c.addStatement("dz[j] = dh[j] * $L", derivative(u, t));
        c.endControlFlow();
      }
    }
    c.endControlFlow();
    return c.build();
  }

  /** {@code f'(z[j])}, through the saved output where the formula allows. */
  private static String derivative(LayerSpec u, Num t) {
    String one = t.lit(1);
    String zero = t.lit(0);
    return switch (u.activation()) {
      case SIGMOID -> "h[j] * (" + one + " - h[j])";
      case TANH -> "(" + one + " - h[j] * h[j])";
      // [h > 0] as min(h * huge, 1), arithmetic so C2 vectorizes it (see ActivationEmitter)
      case RELU -> "Math.min(h[j] * " + ActivationEmitter.huge(t) + ", " + one + ")";
      case LEAKY_RELU -> "(z[j] > " + zero + " ? " + one + " : " + t.lit(u.slope()) + ")";
      case ELU -> "(z[j] > " + zero + " ? " + one + " : h[j] + " + t.lit(u.alpha()) + ")";
      default -> throw new IllegalStateException("no backward for " + u.activation());
    };
  }
}
