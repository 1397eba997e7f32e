package dev.unroll.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.unroll.processor.plan.DensePlan;
import dev.unroll.processor.plan.NetPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The columnar step of a tiny network ({@link NetPlan.Step#COLUMNAR}): a direct layer of fan-in
 * {@code D <= 4} into a head of {@code C <= 8} classes, every array transposed (one row per unit,
 * the batch along the row) so that each loop is a Vector API loop over the batch:
 *
 * <ul>
 *   <li>forward, up to 4 units per pass: {@code ht[j] = max(b[j] + sum_m W1[m][j] xt[m], 0)},
 *       and their terms of the scores relative to the last class, {@code zt[c] += (W2[j][c] -
 *       W2[j][C-1]) ht[j]}, while they are in registers (softmax, its gradient and the
 *       prediction depend only on differences of scores; {@code score()} adds the last class's,
 *       computed on request from a copy of the weights the pass used);
 *   <li>loss: softmax over {@code zt}, gradient {@code dzt} ({@code softmaxRelativeTransposed}: no
 *       shift by the max while the relative scores are small);
 *   <li>backward, 1 or 2 units per pass: {@code dz = [ht[j] > 0] sum_c W2[j][c] dzt[c]}, and the
 *       sums over the batch {@code dW2[j][c] = ht[j] . dzt[c]}, {@code dW1[m][j] = xt[m] . dz},
 *       {@code db1[j] = sum dz}, in registers until the pass ends, then stored as vectors whose
 *       lanes {@code laneSums} adds after the last pass. Softmax's gradient sums to
 *       zero over the classes, so the last class's {@code dzt} is minus the others': {@code dz}
 *       comes from C - 1 terms with the weights {@code W2[j][c] - W2[j][C-1]}, and the last
 *       class's {@code dW2} and {@code db2} are minus the others' sums (a quarter of the
 *       backward's multiply-adds at 3 classes).
 * </ul>
 *
 * <p>In the row layout such a step is bound by its passes over 300 x 100 arrays (about seven);
 * here there are two (ht written, then read once) and the step is bound by its multiply-adds.
 * The row arrays {@code activations()} exposes are written from the transposed ones when it is
 * called. Arrays are padded to whole vectors; the padding lanes of the input are zero and those
 * of {@code dzt} too, so sums over the padded batch see only the samples. How many units a pass
 * takes is chosen for AVX-512's 32 vector registers.
 */
final class ColumnarStep implements NetworkStep {
  private static final String PKG = "jdk.incubator.vector";
  private final NetPlan plan;
  private final Num t;
  private final ClassName self;

  ColumnarStep(NetPlan plan, Num t) {
    this.plan = plan;
    this.t = t;
    this.self = ClassName.get(plan.spec().packageName(), plan.spec().className());
  }

  @Override
  public void addFields(TypeSpec.Builder type) {
    type.addField(Fields.paddedRows(t, "lossScratch", plan.spec().outputs() + 2,
        plan.spec().maxBatch(), RowStep.SCRATCH_DOC));
    addStateFields(type, plan, t);
    ColumnarTwin.addFields(type, self);
  }

  @Override
  public void addMethods(TypeSpec.Builder type) {
    type.addMethod(forwardMethod(plan, t));
    type.addMethod(backwardMethod(plan, t));
    type.addMethod(refreshLastScores(plan, t));
    ColumnarTwin.addMethods(type, plan, t, self);
  }

  @Override
  public CodeBlock forward() {
    return CodeBlock.builder()
        .add(ColumnarTwin.forward())
        .addStatement("lastScoresStale = true")
        .addStatement("rowsStale = true")
        .build();
  }

  @Override
  public CodeBlock dataLoss() {
    return CodeBlock.builder()
        .add("// softmax cross-entropy on the transposed scores, the gradient transposed too\n")
        .addStatement("double total = $T.softmaxRelativeTransposed($L, labels, $L, n, lossScratch)",
            t.kernels(), head(plan).layout().zt(), dScoresT(plan))
        .add("// the gradient rows lag; the hidden layer's can no longer be formed (dzt changed)\n")
        .addStatement("scoreGradStale = true")
        .addStatement("hiddenGradStale = false")
        .addStatement("dataLoss = total / n")
        .build();
  }

  @Override
  public CodeBlock backward() {
    return CodeBlock.builder()
        .add(ColumnarTwin.backward())
        .addStatement("hiddenGradStale = true")
        .build();
  }

  @Override
  public MethodSpec score() {
    return scoreMethod(plan);
  }

  @Override
  public MethodSpec predict() {
    return predictMethod(plan);
  }

  @Override
  public MethodSpec activations() {
    return activationsMethod(plan, t);
  }


  /** The hidden (direct) layer. */
  static DensePlan hidden(NetPlan plan) {
    return (DensePlan) plan.layers().get(0);
  }

  /** The few-column head. */
  static DensePlan head(NetPlan plan) {
    return (DensePlan) plan.layers().get(1);
  }

  /** {@code dzt2}: the scores' gradient, transposed. */
  static String dScoresT(NetPlan plan) {
    return "d" + head(plan).layout().zt();
  }

  private static final ClassName OPS = ClassName.get(PKG, "VectorOperators");

  /**
   * ReLU on the lanes' bits. {@code FloatVector.max} compiles to a long sequence on JDK 17 (it
   * keeps Java's NaN and -0 rules around the machine's max); these four integer operations give
   * {@code Math.max(u, 0)} exactly: a lane is cleared when its sign is set and it is not a NaN,
   * i.e. when both {@code bits} and {@code bits + 0x7FFFFF} (float; {@code 2^52 - 1} for double)
   * are negative, for a negative NaN's bits lie above {@code bits(-inf) = -0x800000}.
   */
  private static final String RELU_BITS =
      "// h = max(u, 0) on the bits: lanes whose bits and bits + $L are both negative (sign\n"
      + "// set, not a NaN: -0 to -inf) are cleared; Math.max's result, NaN and -0 included,\n"
      + "// in four integer operations (FloatVector.max takes many more on JDK 17)\n";

  private static ClassName bits(Num t) {
    return ClassName.get(PKG, t.isFloat() ? "IntVector" : "LongVector");
  }

  private static ClassName vec(Num t) {
    return ClassName.get(PKG, t.isFloat() ? "FloatVector" : "DoubleVector");
  }

  /**
   * The species constant, the transposed score gradient, the buffers of the backward's lane sums,
   * the copy of the head's last column the relative scores need, and the flags of what the row
   * arrays and the last class's scores lag behind.
   */
  private static void addStateFields(TypeSpec.Builder type, NetPlan plan, Num t) {
    type.addField(FieldSpec.builder(
            ParameterizedTypeName.get(ClassName.get(PKG, "VectorSpecies"),
                t.isFloat() ? TypeName.FLOAT.box() : TypeName.DOUBLE.box()),
            "LANES", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.species()", t.kernels())
        .addJavadoc("The machine's preferred vector shape, as in the kernels.\n")
        .build());
    type.addField(Fields.paddedRows(t, dScoresT(plan), plan.spec().outputs(),
        plan.spec().maxBatch(),
        "Gradient of the scores, transposed; zero past the batch."));
    int units = hidden(plan).cols();
    int sums = laneSumCount(plan);
    type.addField(FieldSpec.builder(t.row(), "laneAcc", Modifier.PRIVATE, Modifier.FINAL)
        .initializer("new $L[$L * LANES.length()]", t.t(), sums)
        .addJavadoc("The backward pass's sums over the batch, one vector each, before their lanes"
            + " are added.\n").build());
    type.addField(FieldSpec.builder(t.row(), "laneOut", Modifier.PRIVATE, Modifier.FINAL)
        .initializer("new $L[$T.padded($L)]", t.t(), t.kernels(), sums)
        .addJavadoc("Those sums, one number each.\n").build());
    type.addField(FieldSpec.builder(t.row(), "lastW", Modifier.PRIVATE, Modifier.FINAL)
        .initializer("new $L[$L]", t.t(), units)
        .addJavadoc("The head's last column as the last forward pass used it.\n").build());
    type.addField(FieldSpec.builder(t.type(), "lastB", Modifier.PRIVATE)
        .addJavadoc("The head's last bias as the last forward pass used it.\n").build());
    type.addField(FieldSpec.builder(t.row(), "lastScores", Modifier.PRIVATE, Modifier.FINAL)
        .initializer("new $L[$L]", t.t(), plan.spec().maxBatch())
        .addJavadoc("The last class's scores, s_last = lastB + lastW . h, written on request.\n")
        .build());
    type.addField(flag("lastScoresStale", "Whether lastScores lags the last forward pass."));
    type.addField(flag("rowsStale", "Whether h and the score rows lag the last forward pass."));
    type.addField(flag("scoreGradStale", "Whether the score-gradient rows lag the last loss()."));
    type.addField(flag("hiddenGradStale",
        "Whether the hidden layer's gradient rows lag the last backward()."));
  }

  private static FieldSpec flag(String name, String doc) {
    return FieldSpec.builder(boolean.class, name, Modifier.PRIVATE).addJavadoc(doc + "\n").build();
  }

  /** {@code forwardColumnar(n)}: both layers forward. */
  private static MethodSpec forwardMethod(NetPlan plan, Num t) {
    DensePlan p = hidden(plan);
    DensePlan q = head(plan);
    int in = p.fanIn();
    int units = p.cols();
    int classes = q.cols();
    CodeBlock.Builder c = loopBounds(t);
    c.add("// the input transposed; zero past the batch\n");
    Loops.transposeInput(c, p, t);
    for (int m = 0; m < in; m++) {
      c.addStatement("$T.fill($L, n, np, $L)", Arrays.class, Loops.row(p.layout().xt(), m),
          t.lit(0));
    }
    int last = classes - 1;
    c.add("// the scores relative to the last class's, d_c = s_c - s_last (softmax, its gradient\n");
    c.add("// and the prediction need only those): one multiply-add fewer per unit; s_last comes\n");
    c.add("// from lastW and lastB when score() asks for it; the last row of zt is never written\n");
    c.add("// and stays zero\n");
    String headBias = Loops.row(q.affine().b(), 0);
    c.addStatement("$L[] $L = $L[0]", t.t(), headBias, q.affine().b());
    for (int k = 0; k < last; k++) {
      String zt = Loops.row(q.layout().zt(), k);
      c.addStatement("$L[] $L = $L[$L]", t.t(), zt, q.layout().zt(), k);
      c.addStatement("$T.fill($L, 0, np, $L[$L] - $L[$L])", Arrays.class, zt, headBias, k,
          headBias, last);
    }
    c.addStatement("lastB = $L[$L]", headBias, last);
    c.addStatement("$L[] $L = $L[0]", t.t(), Loops.row(p.affine().b(), 0), p.affine().b());
    for (int m = 0; m < in; m++) {
      c.addStatement("$L[] $L = $L[$L]", t.t(), Loops.row(p.affine().w(), m), p.affine().w(), m);
    }
    int group = unitsPerPass(in, classes);
    c.add("// $L units per pass over the batch: their outputs, then their terms of the scores\n",
        group);
    c.beginControlFlow("for (int j = 0; j + $L < $L; j += $L)", group - 1, units, group);
    c.add(unitPass(p, q, t, group, "j"));
    c.endControlFlow();
    int rest = units % group;
    if (rest > 0) {
      c.add("// the last $L\n", rest > 1 ? rest + " units" : "unit");
      c.add(unitPass(p, q, t, rest, Integer.toString(units - rest)));
    }
    return MethodSpec.methodBuilder("forwardColumnar")
        .addModifiers(Modifier.PRIVATE)
        .addParameter(int.class, "n")
        .addJavadoc("Layers 1 and 2 forward, columnar: $L, then $L -> $L.\n",
            DenseLayer.describe(p), q.fanIn(), q.cols())
        .addCode(c.build())
        .build();
  }

  /** {@code np}, the batch in whole vectors, and {@code step}, the lanes of one. */
  private static CodeBlock.Builder loopBounds(Num t) {
    return CodeBlock.builder()
        .addStatement("int np = $T.padded(n)", t.kernels())
        .addStatement("int step = LANES.length()");
  }

  /**
   * Units a forward pass computes together: more share the loads and stores of the scores, but
   * each holds 1 + D + C - 1 broadcast weights in registers; 24 of AVX-512's 32 is the budget
   * (at least 2, as D <= 4 and C <= 8).
   */
  private static int unitsPerPass(int in, int classes) {
    return Math.min(4, 24 / (in + classes));
  }

  /** One pass over the batch computing {@code count} units from {@code j} on. */
  private static CodeBlock unitPass(DensePlan p, DensePlan q, Num t, int count, String j) {
    CodeBlock.Builder c = CodeBlock.builder();
    boolean relu = p.activation().ownOutput();
    ClassName v = vec(t);
    int in = p.fanIn();
    int classes = q.cols();
    for (int u = 0; u < count; u++) {
      String unit = u == 0 ? j : j + " + " + u;
      c.addStatement("$L[] $L = $L[$L]", t.t(), Loops.row(p.layout().ht(), u), p.layout().ht(),
          unit);
      c.addStatement("$L[] $L = $L[$L]", t.t(), Loops.row(q.affine().w(), u), q.affine().w(),
          unit);
      String w2 = Loops.row(q.affine().w(), u);
      c.addStatement("$T bu$L = $T.broadcast(LANES, $L[$L])", v, u, v,
          Loops.row(p.affine().b(), 0), unit);
      for (int m = 0; m < in; m++) {
        c.addStatement("$T iw$L$L = $T.broadcast(LANES, $L[$L])", v, u, m, v,
            Loops.row(p.affine().w(), m), unit);
      }
      for (int k = 0; k < classes - 1; k++) {
        c.addStatement("$T ow$L$L = $T.broadcast(LANES, $L[$L] - $L[$L])", v, u, k, v, w2, k,
            w2, classes - 1);
      }
      c.addStatement("lastW[$L] = $L[$L]", unit, w2, classes - 1);
    }
    c.beginControlFlow("for (int i = 0; i < np; i += step)");
    for (int m = 0; m < in; m++) {
      c.addStatement("$T x$L = $T.fromArray(LANES, $L, i)", v, m, v,
          Loops.row(p.layout().xt(), m));
    }
    for (int u = 0; u < count; u++) {
      String sum = "bu" + u;
      for (int m = 0; m < in; m++) {
        sum = "x" + m + ".fma(iw" + u + m + ", " + sum + ")";
      }
      if (!relu) {
        c.addStatement("$T u$L = $L", v, u, sum);
      } else {
        if (u == 0) {
          c.add(RELU_BITS, t.isFloat() ? "0x7FFFFF" : "0xFFFFFFFFFFFFFL");
        }
        c.addStatement("$T q$L = $L.viewAsIntegralLanes()", bits(t), u, sum);
        c.addStatement("$T u$L = q$L.lanewise($T.AND_NOT, q$L.and(q$L.add($L)).lanewise($T.ASHR, "
            + "$L)).viewAsFloatingLanes()", v, u, u, OPS, u, u,
            t.isFloat() ? "0x7FFFFF" : "0xFFFFFFFFFFFFFL", OPS, t.isFloat() ? 31 : 63);
      }
      c.addStatement("u$L.intoArray($L, i)", u, Loops.row(p.layout().ht(), u));
    }
    for (int k = 0; k < classes - 1; k++) {
      String zt = Loops.row(q.layout().zt(), k);
      CodeBlock sum = CodeBlock.of("$T.fromArray(LANES, $L, i)", v, zt);
      for (int u = 0; u < count; u++) {
        sum = CodeBlock.of("u$L.fma(ow$L$L, $L)", u, u, k, sum);
      }
      c.addStatement("$L.intoArray($L, i)", sum, zt);
    }
    c.endControlFlow();
    return c.build();
  }

  /** {@code backwardColumnar(n, reg)}: both layers backward, one pass per unit or two. */
  private static MethodSpec backwardMethod(NetPlan plan, Num t) {
    DensePlan p = hidden(plan);
    DensePlan q = head(plan);
    int in = p.fanIn();
    int units = p.cols();
    int classes = q.cols();
    ClassName v = vec(t);
    CodeBlock.Builder c = loopBounds(t);
    for (int m = 0; m < in; m++) {
      c.addStatement("$L[] $L = $L[$L]", t.t(), Loops.row(p.layout().xt(), m), p.layout().xt(),
          m);
      c.addStatement("$L[] $L = $L[$L]", t.t(), Loops.row(p.affine().w(), m), p.affine().w(), m);
      c.addStatement("$L[] $L = $L[$L]", t.t(), Loops.row(p.affine().dw(), m), p.affine().dw(),
          m);
    }
    c.add("// softmax's gradient sums to zero over the classes (p sums to 1, the one-hot too): the\n");
    c.add("// last class's dzt is minus the others', so it needs no pass of its own\n");
    for (int k = 0; k < classes - 1; k++) {
      c.addStatement("$L[] $L = $L[$L]", t.t(), Loops.row(dScoresT(plan), k), dScoresT(plan), k);
    }
    for (int k = 0; k < classes; k++) {
      c.addStatement("$L[] $L = $L[$L]", t.t(), Loops.row(q.affine().wt(), k), q.affine().wt(), k);
    }
    String db1 = Loops.row(p.affine().db(), 0);
    c.addStatement("$L[] $L = $L[0]", t.t(), db1, p.affine().db());
    int group = backwardUnitsPerPass(in, classes);
    c.add("// $L per pass over the batch, its sums kept in registers until the pass ends\n",
        group > 1 ? group + " units" : "one unit");
    if (group == 1) {
      c.beginControlFlow("for (int j = 0; j < $L; j++)", units);
    } else {
      c.beginControlFlow("for (int j = 0; j + $L < $L; j += $L)", group - 1, units, group);
    }
    c.add(backwardPass(p, q, t, group, "j"));
    c.endControlFlow();
    int rest = units % group;
    if (rest > 0) {
      c.add("// the last $L\n", rest > 1 ? rest + " units" : "unit");
      c.add(backwardPass(p, q, t, rest, Integer.toString(units - rest)));
    }
    int sums = perUnitSums(classes, in);
    int headSums = units * sums;
    c.add("// the head's bias gradient: sums of dzt over the padded batch\n");
    for (int k = 0; k < classes - 1; k++) {
      c.addStatement("$T sc$L = $T.zero(LANES)", v, k, v);
    }
    c.beginControlFlow("for (int i = 0; i < np; i += step)");
    for (int k = 0; k < classes - 1; k++) {
      c.addStatement("sc$1L = sc$1L.add($2T.fromArray(LANES, $3L, i))", k, v,
          Loops.row(dScoresT(plan), k));
    }
    c.endControlFlow();
    for (int k = 0; k < classes - 1; k++) {
      c.addStatement("sc$L.intoArray(laneAcc, $L * step)", k, headSums + k);
    }
    c.add("// every sum's lanes added at once, then the gradients with their L2 term; the last\n");
    c.add("// class's dW2 and db2 are minus the others'\n");
    c.addStatement("$T.laneSums(laneAcc, $L, laneOut)", t.kernels(), headSums + classes - 1);
    c.beginControlFlow("for (int j = 0; j < $L; j++)", units);
    c.addStatement("$L[] w = $L[j]", t.t(), q.affine().w());
    c.addStatement("$L[] dw = $L[j]", t.t(), q.affine().dw());
    c.addStatement("int o = j * $L", sums);
    List<String> classSums = new ArrayList<>();
    for (int k = 0; k < classes - 1; k++) {
      c.addStatement("dw[$1L] = laneOut[o + $1L] + reg * w[$1L]", k);
      classSums.add("laneOut[o + " + k + "]");
    }
    c.addStatement("dw[$L] = -($L) + reg * w[$L]", classes - 1, String.join(" + ", classSums),
        classes - 1);
    for (int m = 0; m < in; m++) {
      c.addStatement("$L[j] = laneOut[o + $L] + reg * $L[j]", Loops.row(p.affine().dw(), m),
          classes - 1 + m, Loops.row(p.affine().w(), m));
    }
    c.addStatement("$L[j] = laneOut[o + $L]", db1, classes - 1 + in);
    c.endControlFlow();
    String db2 = Loops.row(q.affine().db(), 0);
    c.addStatement("$L[] $L = $L[0]", t.t(), db2, q.affine().db());
    List<String> biasSums = new ArrayList<>();
    for (int k = 0; k < classes - 1; k++) {
      c.addStatement("$L[$L] = laneOut[$L]", db2, k, headSums + k);
      biasSums.add(db2 + "[" + k + "]");
    }
    c.addStatement("$L[$L] = -($L)", db2, classes - 1, String.join(" + ", biasSums));
    return MethodSpec.methodBuilder("backwardColumnar")
        .addModifiers(Modifier.PRIVATE)
        .addParameter(int.class, "n")
        .addParameter(t.type(), "reg")
        .addJavadoc("Layers 2 and 1 backward, columnar: every gradient in passes over units.\n")
        .addCode(c.build())
        .build();
  }

  /** The sums {@code laneSums} adds: every unit's, then the head's bias gradient for C - 1 classes. */
  private static int laneSumCount(NetPlan plan) {
    int classes = head(plan).cols();
    return hidden(plan).cols() * perUnitSums(classes, hidden(plan).fanIn()) + classes - 1;
  }

  /** Sums over the batch per hidden unit: dW2 for C - 1 classes, dW1 for D inputs, db1. */
  static int perUnitSums(int classes, int in) {
    return classes - 1 + in + 1;
  }

  /**
   * Units a backward pass takes together: two share the loads of dzt and xt, but each keeps
   * C - 1 weights and C - 1 + D + 1 sums in registers, of AVX-512's 32 (three units measured no
   * faster on the spiral's 2 -> 100 -> 3, four spilled).
   */
  private static int backwardUnitsPerPass(int in, int classes) {
    int perUnit = 2 * (classes - 1) + in + 1;
    int shared = classes - 1 + in + 3;
    return 2 * perUnit + shared <= 32 ? 2 : 1;
  }

  /** One backward pass over the batch for {@code count} units from {@code j} on. */
  private static CodeBlock backwardPass(DensePlan p, DensePlan q, Num t, int count, String j) {
    CodeBlock.Builder c = CodeBlock.builder();
    ClassName v = vec(t);
    int in = p.fanIn();
    int last = q.cols() - 1;
    boolean relu = p.activation().ownOutput();
    for (int u = 0; u < count; u++) {
      String unit = u == 0 ? j : j + " + " + u;
      c.addStatement("$L[] $L = $L[$L]", t.t(), Loops.row(p.layout().ht(), u), p.layout().ht(),
          unit);
      c.addStatement("$L[] $L = $L[$L]", t.t(), Loops.row(q.affine().w(), u), q.affine().w(),
          unit);
      for (int k = 0; k < last; k++) {
        c.addStatement("$T ow$L$L = $T.broadcast(LANES, $L[$L] - $L[$L])", v, u, k, v,
            Loops.row(q.affine().w(), u), k, Loops.row(q.affine().w(), u), last);
      }
      for (int k = 0; k < last; k++) {
        c.addStatement("$T sw$L$L = $T.zero(LANES)", v, u, k, v);
      }
      for (int m = 0; m < in; m++) {
        c.addStatement("$T sx$L$L = $T.zero(LANES)", v, u, m, v);
      }
      c.addStatement("$T sb$L = $T.zero(LANES)", v, u, v);
    }
    c.beginControlFlow("for (int i = 0; i < np; i += step)");
    for (int k = 0; k < last; k++) {
      c.addStatement("$T e$L = $T.fromArray(LANES, $L, i)", v, k, v,
          Loops.row("d" + q.layout().zt(), k));
    }
    for (int m = 0; m < in; m++) {
      c.addStatement("$T x$L = $T.fromArray(LANES, $L, i)", v, m, v,
          Loops.row(p.layout().xt(), m));
    }
    for (int u = 0; u < count; u++) {
      c.addStatement("$T u$L = $T.fromArray(LANES, $L, i)", v, u, v,
          Loops.row(p.layout().ht(), u));
      String dh = "e0.mul(ow" + u + "0)";
      for (int k = 0; k < last; k++) {
        c.addStatement("sw$1L$2L = u$1L.fma(e$2L, sw$1L$2L)", u, k);
        if (k > 0) {
          dh = "e" + k + ".fma(ow" + u + k + ", " + dh + ")";
        }
      }
      if (u == 0) {
        c.add("// dh = sum_c (W2[j][c] - W2[j][last]) dzt[c] over the other classes$L\n",
            relu ? ", dz = dh [h > 0]" : " = dz");
      }
      if (relu) {
        if (u == 0) {
          c.add("// [h > 0] as a bit mask: h is +0 or positive (or NaN), so -bits(h) is negative\n"
              + "// exactly where h > 0 and its sign shifted across the lane is the mask\n");
        }
        c.addStatement("$T dz$L = $L.viewAsIntegralLanes().and(u$L.viewAsIntegralLanes().neg()"
            + ".lanewise($T.ASHR, $L)).viewAsFloatingLanes()", v, u, dh, u, OPS,
            t.isFloat() ? 31 : 63);
      } else {
        c.addStatement("$T dz$L = $L", v, u, dh);
      }
      for (int m = 0; m < in; m++) {
        c.addStatement("sx$1L$2L = x$2L.fma(dz$1L, sx$1L$2L)", u, m);
      }
      c.addStatement("sb$1L = sb$1L.add(dz$1L)", u);
    }
    c.endControlFlow();
    c.add("// the sums over the batch stay vectors here; laneSums adds their lanes after the\n");
    c.add("// last pass. The head's weights as used here, for the hidden gradient rows on request\n");
    for (int u = 0; u < count; u++) {
      String unit = u == 0 ? j : j + " + " + u;
      String base = "(" + unit + ") * " + perUnitSums(q.cols(), in);
      int slot = 0;
      for (int k = 0; k < last; k++) {
        c.addStatement("sw$L$L.intoArray(laneAcc, ($L + $L) * step)", u, k, base, slot++);
      }
      for (int m = 0; m < in; m++) {
        c.addStatement("sx$L$L.intoArray(laneAcc, ($L + $L) * step)", u, m, base, slot++);
      }
      c.addStatement("sb$L.intoArray(laneAcc, ($L + $L) * step)", u, base, slot);
      for (int k = 0; k <= last; k++) {
        c.addStatement("$L[$L] = $L[$L]", Loops.row(q.affine().wt(), k), unit,
            Loops.row(q.affine().w(), u), k);
      }
    }
    return c.build();
  }

  /** {@code activations()}: writes whatever rows lag, then returns the list. */
  private static MethodSpec activationsMethod(NetPlan plan, Num t) {
    DensePlan p = hidden(plan);
    DensePlan q = head(plan);
    int units = p.cols();
    int classes = q.cols();
    CodeBlock.Builder c = CodeBlock.builder();
    c.add("// rows from the transposed arrays the step works on, for the passes not yet written\n");
    c.beginControlFlow("if (rowsStale)");
    c.addStatement("refreshLastScores()");
    c.beginControlFlow("for (int i = 0; i < n; i++)");
    c.addStatement("$L[] h = $L[i]", t.t(), p.h());
    c.beginControlFlow("for (int j = 0; j < $L; j++)", units);
    c.addStatement("h[j] = $L[j][i]", p.layout().ht());
    c.endControlFlow();
    c.addStatement("$L[] z = $L[i]", t.t(), q.activation().z());
    for (int k = 0; k < classes - 1; k++) {
      c.addStatement("z[$1L] = $2L[$1L][i] + lastScores[i]", k, q.layout().zt());
    }
    c.addStatement("z[$L] = lastScores[i]", classes - 1);
    c.endControlFlow();
    c.addStatement("rowsStale = false");
    c.endControlFlow();
    c.beginControlFlow("if (scoreGradStale)");
    c.beginControlFlow("for (int i = 0; i < n; i++)");
    c.addStatement("$L[] dz = $L[i]", t.t(), q.activation().dz());
    for (int k = 0; k < classes; k++) {
      c.addStatement("dz[$1L] = $2L[$1L][i]", k, dScoresT(plan));
    }
    c.endControlFlow();
    c.addStatement("scoreGradStale = false");
    c.endControlFlow();
    c.beginControlFlow("if (hiddenGradStale)");
    c.add("// dh = sum_c W2[.][c] dzt[c], as backwardColumnar formed it\n");
    c.beginControlFlow("for (int i = 0; i < n; i++)");
    c.addStatement("$L[] dh = $L[i]", t.t(), p.dh());
    for (int k = 0; k < classes; k++) {
      c.addStatement("$L e$L = $L[$L][i]", t.t(), k, dScoresT(plan), k);
      c.addStatement("$L[] $L = $L[$L]", t.t(), Loops.row(q.affine().wt(), k), q.affine().wt(), k);
    }
    c.beginControlFlow("for (int j = 0; j < $L; j++)", units);
    CodeBlock dh = CodeBlock.of("e0 * $L[j]", Loops.row(q.affine().wt(), 0));
    for (int k = 1; k < classes; k++) {
      dh = CodeBlock.of("$T.fma(e$L, $L[j], $L)", Math.class, k, Loops.row(q.affine().wt(), k),
          dh);
    }
    c.addStatement("dh[j] = $L", dh);
    c.endControlFlow();
    c.endControlFlow();
    c.addStatement("hiddenGradStale = false");
    c.endControlFlow();
    c.addStatement("return activations");
    return MethodSpec.methodBuilder("activations").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(RuntimeTypes.TENSORS)
        .addCode(c.build())
        .build();
  }

  /** {@code score(i, c)}: the relative score plus the last class's. */
  private static MethodSpec scoreMethod(NetPlan plan) {
    int last = head(plan).cols() - 1;
    return MethodSpec.methodBuilder("score").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).returns(double.class)
        .addParameter(int.class, "i").addParameter(int.class, "c")
        .addCode(IndexChecks.row("score(i, c)"))
        .addCode(IndexChecks.classIndex("score(i, c)"))
        .addStatement("refreshLastScores()")
        .addStatement("return c == $L ? lastScores[i] : $L[c][i] + lastScores[i]", last,
            head(plan).layout().zt())
        .build();
  }

  /**
   * {@code refreshLastScores()}: {@code s_last = lastB + sum_j lastW[j] ht[j]} over the batch,
   * axpys C2 vectorizes, once per forward pass that asks for absolute scores.
   */
  private static MethodSpec refreshLastScores(NetPlan plan, Num t) {
    DensePlan p = hidden(plan);
    return MethodSpec.methodBuilder("refreshLastScores").addModifiers(Modifier.PRIVATE)
        .beginControlFlow("if (!lastScoresStale)")
        .addStatement("return")
        .endControlFlow()
        .addStatement("$T.fill(lastScores, 0, n, lastB)", Arrays.class)
        .beginControlFlow("for (int j = 0; j < $L; j++)", p.cols())
        .addStatement("$L w = lastW[j]", t.t())
        .addStatement("$L[] ht = $L[j]", t.t(), p.layout().ht())
        .beginControlFlow("for (int i = 0; i < n; i++)")
        .addStatement("lastScores[i] += w * ht[i]")
        .endControlFlow()
        .endControlFlow()
        .addStatement("lastScoresStale = false")
        .build();
  }

  /** {@code predict(i)} over the transposed scores. */
  private static MethodSpec predictMethod(NetPlan plan) {
    return MethodSpec.methodBuilder("predict").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).returns(int.class).addParameter(int.class, "i")
        .addCode(IndexChecks.row("predict(i)"))
        .addStatement("int best = 0")
        .beginControlFlow("for (int c = 1; c < OUTPUTS; c++)")
        .beginControlFlow("if ($1L[c][i] > $1L[best][i])", head(plan).layout().zt())
        .addStatement("best = c")
        .endControlFlow()
        .endControlFlow()
        .addStatement("return best").build();
  }
}
