package dev.unroll.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.unroll.processor.plan.DensePlan;
import dev.unroll.processor.plan.NetPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The columnar step's scalar twin, and the switch to its vector code. Only C2 compiles the
 * Vector API into vector instructions: until it has compiled {@code forwardColumnar} and {@code
 * backwardColumnar}, every vector of theirs is an object (a fresh JVM's first W1 steps allocated
 * 6-8 MB each, a few steps a second). So the steps run {@code forwardColumnarScalar} and {@code
 * backwardColumnarScalar} meanwhile: the same passes over the same transposed arrays, a sample at
 * a time, with the same multiply-adds (the forward's in the same order, so the same bits; the
 * backward's sums over the batch in another order). A daemon thread ({@code
 * VectorWarmUp.whenCompiled}) runs the vector step on a scratch network of the class until two
 * runs allocate nothing, then sets {@code columnarCompiled}, read once per pass. With {@code
 * -Dunroll.vector.fallback=false} the vector step runs from the first call.
 */
final class ColumnarTwin {
  private static final ClassName WARM_UP = ClassName.get("dev.unroll.vector", "VectorWarmUp");

  private ColumnarTwin() {}

  /** {@code forwardColumnar(n)}, or its twin until the vector step is compiled. */
  static CodeBlock forward() {
    return CodeBlock.builder()
        .beginControlFlow("if (columnarCompiled)")
        .addStatement("forwardColumnar(n)")
        .nextControlFlow("else")
        .addStatement("forwardColumnarScalar(n)")
        .endControlFlow()
        .build();
  }

  /** {@code backwardColumnar(n, reg)}, or its twin until the vector step is compiled. */
  static CodeBlock backward() {
    return CodeBlock.builder()
        .beginControlFlow("if (columnarCompiled)")
        .addStatement("backwardColumnar(n, reg)")
        .nextControlFlow("else")
        .addStatement("backwardColumnarScalar(n, reg)")
        .endControlFlow()
        .build();
  }

  /** The switch, the scratch network and the static block that starts the warm-up. */
  static void addFields(TypeSpec.Builder type, ClassName self) {
    type.addField(FieldSpec.builder(boolean.class, "columnarCompiled", Modifier.PRIVATE,
            Modifier.STATIC, Modifier.VOLATILE)
        .addJavadoc("Whether C2 has compiled the vector step, so that steps run it instead of"
            + " its scalar twin\n(set once by the warm-up thread; before, the vector step would"
            + " run boxed).\n")
        .build());
    type.addField(FieldSpec.builder(self, "warmUpNet", Modifier.PRIVATE, Modifier.STATIC)
        .addJavadoc("The scratch network the warm-up thread runs the vector step on.\n")
        .build());
    type.addStaticBlock(CodeBlock.builder()
        .add("// the vector step runs boxed until C2 compiles it: steps run the scalar twin while"
            + " a\n// daemon thread runs the vector step on a scratch network until it allocates"
            + " nothing\n")
        .addStatement("$T.whenCompiled($S, $T::warmUpColumnar, () -> columnarCompiled = true)",
            WARM_UP, self.simpleName() + " columnar step", self)
        .build());
  }

  /** The twin passes and the warm-up's run. */
  static void addMethods(TypeSpec.Builder type, NetPlan plan, Num t, ClassName self) {
    type.addMethod(forwardMethod(plan, t));
    type.addMethod(backwardMethod(plan, t));
    type.addMethod(warmUpMethod(t, self));
  }

  /**
   * {@code warmUpColumnar()}: one vector step on the scratch network's zero input, a few vectors
   * of samples (the loops have no other paths), allocating nothing once compiled.
   */
  private static MethodSpec warmUpMethod(Num t, ClassName self) {
    return MethodSpec.methodBuilder("warmUpColumnar")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addJavadoc("One vector step on the scratch network, for the warm-up thread.\n")
        .beginControlFlow("if (warmUpNet == null)")
        .addStatement("warmUpNet = new $T(0L)", self)
        .addStatement("warmUpNet.input = warmUpNet.converted")
        .endControlFlow()
        .addStatement("int n = $T.min(MAX_BATCH, 2 * LANES.length() + 1)", Math.class)
        .addStatement("warmUpNet.forwardColumnar(n)")
        .addStatement("warmUpNet.backwardColumnar(n, $L)", t.lit(0))
        .build();
  }

  /** {@code forwardColumnarScalar(n)}: {@code forwardColumnar} a sample at a time. */
  private static MethodSpec forwardMethod(NetPlan plan, Num t) {
    DensePlan p = ColumnarStep.hidden(plan);
    DensePlan q = ColumnarStep.head(plan);
    int in = p.fanIn();
    int last = q.cols() - 1;
    String xt = p.layout().xt();
    String zt = q.layout().zt();
    String w1 = p.affine().w();
    String b1 = Loops.row(p.affine().b(), 0);
    String b2 = Loops.row(q.affine().b(), 0);
    CodeBlock.Builder c = CodeBlock.builder();
    c.addStatement("int np = $T.padded(n)", t.kernels());
    c.add("// the input transposed; zero past the batch\n");
    Loops.transposeInput(c, p, t);
    for (int m = 0; m < in; m++) {
      c.addStatement("$T.fill($L, n, np, $L)", Arrays.class, Loops.row(xt, m), t.lit(0));
    }
    c.add("// the scores relative to the last class's, as forwardColumnar keeps them\n");
    c.addStatement("$L[] $L = $L[0]", t.t(), b2, q.affine().b());
    for (int k = 0; k < last; k++) {
      c.addStatement("$L[] $L = $L[$L]", t.t(), Loops.row(zt, k), zt, k);
      c.addStatement("$T.fill($L, 0, np, $L[$L] - $L[$L])", Arrays.class, Loops.row(zt, k), b2,
          k, b2, last);
    }
    c.addStatement("lastB = $L[$L]", b2, last);
    c.addStatement("$L[] $L = $L[0]", t.t(), b1, p.affine().b());
    for (int m = 0; m < in; m++) {
      c.addStatement("$L[] $L = $L[$L]", t.t(), Loops.row(w1, m), w1, m);
    }
    c.beginControlFlow("for (int j = 0; j < $L; j++)", p.cols());
    c.addStatement("$L[] ht = $L[j]", t.t(), p.layout().ht());
    c.addStatement("$L[] w = $L[j]", t.t(), q.affine().w());
    for (int m = 0; m < in; m++) {
      c.addStatement("$L iw$L = $L[j]", t.t(), m, Loops.row(w1, m));
    }
    for (int k = 0; k < last; k++) {
      c.addStatement("$L ow$L = w[$L] - w[$L]", t.t(), k, k, last);
    }
    c.addStatement("lastW[j] = w[$L]", last);
    c.beginControlFlow("for (int i = 0; i < np; i++)");
    CodeBlock sum = CodeBlock.of("$L[j]", b1);
    for (int m = 0; m < in; m++) {
      sum = CodeBlock.of("$T.fma($L[i], iw$L, $L)", Math.class, Loops.row(xt, m), m, sum);
    }
    c.add("// the vector step's multiply-adds in its order: the same bits\n");
    if (p.activation().ownOutput()) {
      c.addStatement("$L u = $T.max($L, $L)", t.t(), Math.class, sum, t.lit(0));
    } else {
      c.addStatement("$L u = $L", t.t(), sum);
    }
    c.addStatement("ht[i] = u");
    for (int k = 0; k < last; k++) {
      c.addStatement("$1L[i] = $2T.fma(u, ow$3L, $1L[i])", Loops.row(zt, k), Math.class, k);
    }
    c.endControlFlow();
    c.endControlFlow();
    return MethodSpec.methodBuilder("forwardColumnarScalar")
        .addModifiers(Modifier.PRIVATE)
        .addParameter(int.class, "n")
        .addJavadoc("{@code forwardColumnar} a sample at a time, while the vector step is not"
            + " compiled.\n")
        .addCode(c.build())
        .build();
  }

  /** {@code backwardColumnarScalar(n, reg)}: {@code backwardColumnar} a sample at a time. */
  private static MethodSpec backwardMethod(NetPlan plan, Num t) {
    DensePlan p = ColumnarStep.hidden(plan);
    DensePlan q = ColumnarStep.head(plan);
    int in = p.fanIn();
    int last = q.cols() - 1;
    String dzt = ColumnarStep.dScoresT(plan);
    String xt = p.layout().xt();
    String w1 = p.affine().w();
    String dw1 = p.affine().dw();
    String db1 = Loops.row(p.affine().db(), 0);
    String db2 = Loops.row(q.affine().db(), 0);
    CodeBlock.Builder c = CodeBlock.builder();
    for (int m = 0; m < in; m++) {
      c.addStatement("$L[] $L = $L[$L]", t.t(), Loops.row(xt, m), xt, m);
      c.addStatement("$L[] $L = $L[$L]", t.t(), Loops.row(w1, m), w1, m);
      c.addStatement("$L[] $L = $L[$L]", t.t(), Loops.row(dw1, m), dw1, m);
    }
    for (int k = 0; k < last; k++) {
      c.addStatement("$L[] $L = $L[$L]", t.t(), Loops.row(dzt, k), dzt, k);
    }
    for (int k = 0; k <= last; k++) {
      c.addStatement("$L[] $L = $L[$L]", t.t(), Loops.row(q.affine().wt(), k), q.affine().wt(),
          k);
    }
    c.addStatement("$L[] $L = $L[0]", t.t(), db1, p.affine().db());
    c.add("// per hidden unit, sums over the batch: dW2[j][c] = ht[j] . dzt[c], dW1[m][j] ="
        + " xt[m] . dz,\n// db1[j] = sum dz; the last class's dzt is minus the others'\n");
    c.beginControlFlow("for (int j = 0; j < $L; j++)", p.cols());
    c.addStatement("$L[] ht = $L[j]", t.t(), p.layout().ht());
    c.addStatement("$L[] w = $L[j]", t.t(), q.affine().w());
    c.addStatement("$L[] dw = $L[j]", t.t(), q.affine().dw());
    for (int k = 0; k < last; k++) {
      c.addStatement("$L ow$L = w[$L] - w[$L]", t.t(), k, k, last);
      c.addStatement("$L sw$L = $L", t.t(), k, t.lit(0));
    }
    for (int m = 0; m < in; m++) {
      c.addStatement("$L sx$L = $L", t.t(), m, t.lit(0));
    }
    c.addStatement("$L sb = $L", t.t(), t.lit(0));
    c.beginControlFlow("for (int i = 0; i < n; i++)");
    c.addStatement("$L h = ht[i]", t.t());
    CodeBlock dh = CodeBlock.of("e0 * ow0");
    for (int k = 0; k < last; k++) {
      c.addStatement("$L e$L = $L[i]", t.t(), k, Loops.row(dzt, k));
      c.addStatement("sw$1L = $2T.fma(h, e$1L, sw$1L)", k, Math.class);
      if (k > 0) {
        dh = CodeBlock.of("$T.fma(e$L, ow$L, $L)", Math.class, k, k, dh);
      }
    }
    if (p.activation().ownOutput()) {
      c.add("// dz = dh [h > 0]\n");
      c.addStatement("$L dz = h > 0 ? $L : $L", t.t(), dh, t.lit(0));
    } else {
      c.addStatement("$L dz = $L", t.t(), dh);
    }
    for (int m = 0; m < in; m++) {
      c.addStatement("sx$1L = $2T.fma($3L[i], dz, sx$1L)", m, Math.class, Loops.row(xt, m));
    }
    c.addStatement("sb += dz");
    c.endControlFlow();
    List<String> classSums = new ArrayList<>();
    for (int k = 0; k < last; k++) {
      c.addStatement("dw[$1L] = sw$1L + reg * w[$1L]", k);
      classSums.add("sw" + k);
    }
    c.addStatement("dw[$L] = -($L) + reg * w[$L]", last, String.join(" + ", classSums), last);
    for (int m = 0; m < in; m++) {
      c.addStatement("$L[j] = sx$L + reg * $L[j]", Loops.row(dw1, m), m, Loops.row(w1, m));
    }
    c.addStatement("$L[j] = sb", db1);
    c.add("// the head's weights as used here, for the hidden gradient rows on request\n");
    for (int k = 0; k <= last; k++) {
      c.addStatement("$L[j] = w[$L]", Loops.row(q.affine().wt(), k), k);
    }
    c.endControlFlow();
    c.add("// the head's bias gradient: sums of dzt over the batch, the last class's minus the"
        + " others'\n");
    c.addStatement("$L[] $L = $L[0]", t.t(), db2, q.affine().db());
    List<String> biasSums = new ArrayList<>();
    for (int k = 0; k < last; k++) {
      c.addStatement("$L sc$L = $L", t.t(), k, t.lit(0));
      biasSums.add(db2 + "[" + k + "]");
    }
    c.beginControlFlow("for (int i = 0; i < n; i++)");
    for (int k = 0; k < last; k++) {
      c.addStatement("sc$1L += $2L[i]", k, Loops.row(dzt, k));
    }
    c.endControlFlow();
    for (int k = 0; k < last; k++) {
      c.addStatement("$L[$L] = sc$L", db2, k, k);
    }
    c.addStatement("$L[$L] = -($L)", db2, last, String.join(" + ", biasSums));
    return MethodSpec.methodBuilder("backwardColumnarScalar")
        .addModifiers(Modifier.PRIVATE)
        .addParameter(int.class, "n")
        .addParameter(t.type(), "reg")
        .addJavadoc("{@code backwardColumnar} a sample at a time, while the vector step is not"
            + " compiled.\n")
        .addCode(c.build())
        .build();
  }
}
