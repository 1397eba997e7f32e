package dev.unroll.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.unroll.processor.plan.DensePlan;
import dev.unroll.spec.Activation;

/**
 * Each nonlinearity's forward {@code h = f(z)} and, next to it, its backward {@code dz = f'(z) *
 * dh}, written with the layer's constants as literals. Derivatives are expressed through the saved
 * output where the formula allows (sigmoid: h(1 - h), tanh: 1 - h^2, ELU: h + alpha).
 */
final class ActivationEmitter {
  private ActivationEmitter() {}

  static CodeBlock forward(DensePlan p, Num t) {
    return forward(p, t, "0", Integer.toString(p.units()));
  }

  /** {@code h = f(z)} on units [lo, hi) of every row (the whole row for the Vector API path). */
  static CodeBlock forward(DensePlan p, Num t, String lo, String hi) {
    CodeBlock.Builder c = CodeBlock.builder();
    if (p.activation().vector()) {
      ClassName kernels = t.kernels();
      c.add("// $L with the Vector API's vectorized exp\n", p.activation().kind());
      return switch (p.activation().kind()) {
        case ELU -> c.addStatement("$T.elu($L, $L, n, $L)", kernels, p.activation().z(), p.h(),
            t.lit(p.spec().alpha())).build();
        case SIGMOID -> c.addStatement("$T.sigmoid($L, $L, n)", kernels, p.activation().z(), p.h()).build();
        default -> c.addStatement("$T.tanh($L, $L, n)", kernels, p.activation().z(), p.h()).build();
      };
    }
    declareSlopes(c, p, t);
    c.beginControlFlow("for (int i = 0; i < n; i++)");
    c.addStatement("$L[] z = $L[i]", t.t(), p.activation().z());
    c.addStatement("$L[] h = $L[i]", t.t(), p.h());
    if (p.activation().argmax() != null) {
      c.addStatement("int[] arg = $L[i]", p.activation().argmax());
    }
    c.beginControlFlow("for (int j = $L; j < $L; j++)", lo, hi);
    if (p.activation().kind() == Activation.MAXOUT) {
      maxout(c, p, t);
    } else {
      element(c, p, t);
    }
    c.endControlFlow();
    c.endControlFlow();
    return c.build();
  }

  /**
   * Whether the activation can run inside batch norm's last pass ({@code h[j] = f(z[j])} right
   * after {@code z[j]} is written): every elementwise activation on the plain path; maxout needs
   * all its pieces normalized first.
   */
  static boolean fusable(DensePlan p) {
    return p.activation().ownOutput() && !p.activation().vector()
        && p.activation().kind() != Activation.MAXOUT;
  }

  /** Declares the row PReLU's slopes are read from, before the loops. */
  static void declareSlopes(CodeBlock.Builder c, DensePlan p, Num t) {
    if (p.activation().alpha() != null) {
      c.addStatement("$L[] a = $L[0]", t.t(), p.activation().alpha());
    }
  }

  /**
   * A product that turns any positive value, subnormals included, into at least 1 (and so into
   * infinity for large ones), and keeps 0 at 0: the two factors are not folded, Java does not
   * reassociate floating point.
   */
  static String huge(Num t) {
    return t.isFloat() ? "1e38f * 1e38f" : "1e300 * 1e300";
  }

  /** {@code h[j] = f(z[j])} for an elementwise activation. */
  static void element(CodeBlock.Builder c, DensePlan p, Num t) {
    switch (p.activation().kind()) {
      case SIGMOID -> {
        c.add("// sigmoid: 1 / (1 + e^-z)\n");
        c.addStatement("h[j] = $L", t.fromDouble("(1.0 / (1.0 + Math.exp(-z[j])))"));
      }
      case TANH -> c.addStatement("h[j] = $L", t.fromDouble("Math.tanh(z[j])"));
      case RELU -> c.addStatement("h[j] = Math.max(z[j], $L)", t.lit(0));
      case LEAKY_RELU -> {
        c.add("// leaky ReLU: max(slope * z, z), slope $L < 1\n", p.spec().slope());
        c.addStatement("h[j] = Math.max(z[j], $L * z[j])", t.lit(p.spec().slope()));
      }
      case PRELU -> {
        c.add("// PReLU: max(0, z) + alpha_j * min(0, z), alpha learned per unit\n");
        c.addStatement("h[j] = Math.max(z[j], $1L) + a[j] * Math.min(z[j], $1L)", t.lit(0));
      }
      case ELU -> {
        c.addStatement("$L v = z[j]", t.t());
        String em1;
        if (t.isFloat()) {
          // e^z - 1 in double from the intrinsic exp (Math.expm1 is not one on JDK 17 and cost
          // a tenth of a W2 step): exact to float precision for z < -1e-5, where the result is
          // at least 1e-5 against the double's 1e-16 rounding; nearer 0, z + z^2/2 (error z^3/6)
          c.add("// ELU: z for z > 0, alpha (e^z - 1) otherwise\n");
          c.addStatement("float em1 = v > -1e-5f ? v + 0.5f * v * v : (float) (Math.exp(v) - 1.0)");
          em1 = "em1";
        } else {
          c.add("// ELU: z for z > 0, alpha (e^z - 1) otherwise; expm1 keeps precision near 0\n");
          em1 = "Math.expm1(v)";
        }
        String negative = p.spec().alpha() == 1.0 ? em1 : t.lit(p.spec().alpha()) + " * " + em1;
        c.addStatement("h[j] = v > $L ? v : $L", t.lit(0), negative);
      }
      default -> throw new IllegalStateException("no forward for " + p.activation().kind());
    }
  }

  /** The largest piece of each maxout unit, and which piece won. */
  private static void maxout(CodeBlock.Builder c, DensePlan p, Num t) {
    int units = p.units();
    c.add("// maxout: the largest of $L pieces; the winner is kept for backward\n",
        p.spec().pieces());
    c.addStatement("$L best = z[j]", t.t());
    c.addStatement("int piece = 0");
    for (int q = 1; q < p.spec().pieces(); q++) {
      c.beginControlFlow("if (z[j + $L] > best)", q * units);
      c.addStatement("best = z[j + $L]", q * units);
      c.addStatement("piece = $L", q);
      c.endControlFlow();
    }
    c.addStatement("h[j] = best");
    c.addStatement("arg[j] = piece");
  }

  /** Writes {@code dz} from {@code dh}; PReLU also accumulates its alpha gradient. */
  static CodeBlock backward(DensePlan p, Num t) {
    return backward(p, t, "0", Integer.toString(p.units()));
  }

  /** {@code dz} from {@code dh} on units [lo, hi) (maxout: all units). */
  static CodeBlock backward(DensePlan p, Num t, String lo, String hi) {
    CodeBlock.Builder c = CodeBlock.builder();
    int units = p.units();
    if (p.activation().alpha() != null) {
      c.addStatement("$L[] a = $L[0]", t.t(), p.activation().alpha());
      c.addStatement("$L[] da = $L[0]", t.t(), p.activation().dalpha());
      c.addStatement("java.util.Arrays.fill(da, $L, $L, $L)", lo, hi, t.lit(0));
    }
    c.beginControlFlow("for (int i = 0; i < n; i++)");
    c.addStatement("$L[] dh = $L[i]", t.t(), p.dh());
    c.addStatement("$L[] dz = $L[i]", t.t(), p.activation().dz());
    switch (p.activation().kind()) {
      case SIGMOID, TANH, RELU, ELU -> c.addStatement("$L[] h = $L[i]", t.t(), p.h());
      case MAXOUT -> {
        c.addStatement("int[] arg = $L[i]", p.activation().argmax());
        c.add("// only the winning piece passes the gradient\n");
        c.addStatement("java.util.Arrays.fill(dz, $L)", t.lit(0));
      }
      default -> { }
    }
    switch (p.activation().kind()) {
      case LEAKY_RELU, PRELU, ELU -> c.addStatement("$L[] z = $L[i]", t.t(), p.activation().z());
      default -> { }
    }
    c.beginControlFlow("for (int j = $L; j < $L; j++)", lo, hi);
    switch (p.activation().kind()) {
      case SIGMOID -> c.addStatement("dz[j] = dh[j] * h[j] * ($L - h[j])", t.lit(1));
      case TANH -> c.addStatement("dz[j] = dh[j] * ($L - h[j] * h[j])", t.lit(1));
      case RELU -> {
        c.add("// mask [h > 0] as min(h * $L, 1): exactly 1 for any h > 0 (subnormals\n", huge(t));
        c.add("// overflow past 1), 0 for h = 0; arithmetic, so C2 vectorizes it (a branch would not)\n");
        c.addStatement("dz[j] = dh[j] * Math.min(h[j] * $L, $L)", huge(t), t.lit(1));
      }
      case LEAKY_RELU -> {
        c.add("// f' = slope + (1 - slope) [z > 0], the mask as for ReLU\n");
        c.addStatement("$L m = Math.min(Math.max(z[j], $L) * $L, $L)", t.t(), t.lit(0), huge(t),
            t.lit(1));
        c.addStatement("dz[j] = dh[j] * ($L + $L * m)", t.lit(p.spec().slope()),
            t.lit(1 - p.spec().slope()));
      }
      case PRELU -> {
        c.addStatement("da[j] += dh[j] * Math.min(z[j], $L)", t.lit(0));
        c.add("// f' = a + (1 - a) [z > 0], the mask as for ReLU\n");
        c.addStatement("$L m = Math.min(Math.max(z[j], $L) * $L, $L)", t.t(), t.lit(0), huge(t),
            t.lit(1));
        c.addStatement("dz[j] = dh[j] * (a[j] + ($L - a[j]) * m)", t.lit(1));
      }
      case ELU -> {
        c.add("// f' = 1 for z > 0, h + alpha otherwise, selected by the mask [z > 0]\n");
        c.addStatement("$L m = Math.min(Math.max(z[j], $L) * $L, $L)", t.t(), t.lit(0), huge(t),
            t.lit(1));
        c.addStatement("dz[j] = dh[j] * (m + ($L - m) * (h[j] + $L))", t.lit(1),
            t.lit(p.spec().alpha()));
      }
      case MAXOUT -> c.addStatement("dz[j + arg[j] * $L] = dh[j]", units);
      default -> throw new IllegalStateException("no backward for " + p.activation().kind());
    }
    c.endControlFlow();
    c.endControlFlow();
    return c.build();
  }
}
