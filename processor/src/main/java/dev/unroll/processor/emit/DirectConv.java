package dev.unroll.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.unroll.processor.model.ImageLayerSpec;
import dev.unroll.processor.model.Shape;
import dev.unroll.processor.model.Window;
import dev.unroll.processor.plan.ImageLayerPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntBiFunction;
import java.util.function.ToIntFunction;
import javax.lang.model.element.Modifier;

/**
 * A conv layer's product written as the convolution itself, forward next to its two gradients,
 * for one (filter, channel) plane pair at a time; channels, kernel size, stride, padding and sizes
 * are constants, and {@link Taps} splits each side into padded border runs and the interior run
 * at generation time, so no loop tests a bound per pixel:
 * <ul>
 *   <li>forward, {@code z[f][oy][ox] += sum_(ky,kx) W[f][c][ky][kx] x[c][oy s + ky - p][ox s + kx
 *       - p]}: one store per output with all the taps that reach it in one expression; with
 *       stride 1 every array is read at {@code ox} plus a constant, the shape C2 vectorizes;
 *   <li>weight gradient, {@code dW[f][c][ky][kx] += sum_(oy,ox) dz[f][oy][ox] x[c][oy s + ky -
 *       p][ox s + kx - p]}: per tap an axpy into a row {@code dwRowK} over the output rows, summed
 *       once at the end (four partial sums), since C2 keeps a floating-point reduction scalar;
 *   <li>input gradient: with stride 1 the same loops as forward on the flipped kernel, {@code
 *       dx[c][y][x] += sum W[f][c][k-1-ky][k-1-kx] dz[f][y + ky - (k-1-p)][x + kx - (k-1-p)]};
 *       with a larger stride each tap's products added onto the pixels it read.
 * </ul>
 * The taps of one plane pair are cut into helper methods ({@code convK_J}, {@code
 * convWeightK_J}, {@code convInputK_J}) of at most {@link #BUDGET} estimated bytes of bytecode,
 * so every method stays under the JIT's 8,000-byte limit at any kernel size.
 */
final class DirectConv implements ConvStrategy {
  /** Estimated bytecode of one helper method; the JIT compiles methods below 8,000 bytes. */
  static final int BUDGET = 4_000;
  /** Estimated bytecode of one tap of a weight gradient or a strided input gradient. */
  private static final int TAP_SIZE = 120;

  @Override
  public List<FieldSpec> fields(ImageLayerPlan p, Num t) {
    return List.of(Fields.rows(t, p.name("dwRow"), 1, p.image().out().w(), "One tap's weight"
        + " gradient per output column, summed over the output rows."));
  }

  @Override
  public CodeBlock forward(ImageLayerPlan p, Num t) {
    return CodeBlock.builder()
        .beginControlFlow("for (int i = 0; i < n; i++)")
        .addStatement("conv$L($L[i], $L[i], weights, bias)", p.index(), p.in(), p.z())
        .endControlFlow()
        .build();
  }

  @Override
  public CodeBlock backward(ImageLayerPlan p, Num t) {
    return resetGradients(p, t).toBuilder()
        .beginControlFlow("for (int i = 0; i < n; i++)")
        .addStatement("convBackward$L($L[i], $L[i], $L)", p.index(), p.in(), p.dz(),
            p.dIn() == null ? "null" : p.dIn() + "[i]")
        .endControlFlow()
        .build();
  }

  @Override
  public void addMembers(TypeSpec.Builder type, ImageLayerPlan p, Num t) {
    ImageLayerSpec s = p.image();
    Shape in = s.in();
    Shape out = s.out();
    Window w = s.window();
    int k = w.size();
    Taps rows = new Taps(in.h(), out.h(), w.stride(), w.pad());
    Taps cols = new Taps(in.w(), out.w(), w.stride(), w.pad());
    List<List<int[]>> fwd = pieces(k, piece -> gatherSize(rows, cols, piece));
    String prefix = "conv" + p.index() + "_";
    for (int j = 0; j < fwd.size(); j++) {
      type.addMethod(gather(t, prefix + j, "x", "out", rows, cols, in.w(), out.w(), w.stride(),
          fwd.get(j), (ky, kx) -> ky * k + kx, "Layer " + p.index() + "'s product, taps "
              + taps(fwd.get(j)) + ": out[ob + oy W' + ox] += w[wb + ky k + kx] x[xb + (oy s + ky"
              + " - p) W + ox s + kx - p]."));
    }
    List<List<int[]>> grad = pieces(k, piece -> TAP_SIZE * piece.size());
    for (int j = 0; j < grad.size(); j++) {
      type.addMethod(weightGrad(p, t, j, rows, cols, grad.get(j)));
    }
    List<List<int[]>> dx = List.of();
    if (p.dIn() != null) {
      dx = inputGradPieces(p);
      for (int j = 0; j < dx.size(); j++) {
        type.addMethod(inputGrad(p, t, j, dx.get(j)));
      }
    }
    type.addMethod(product(p, t, fwd.size()));
    type.addMethod(sampleBackward(p, t, grad.size(), dx.size()));
    type.addMethod(rowSum(p, t));
  }

  /** {@code convK(x, out, weights, bias)}: one sample's product, a (filter, channel) at a time. */
  private static MethodSpec product(ImageLayerPlan p, Num t, int parts) {
    ImageLayerSpec s = p.image();
    int k = s.window().size();
    int plane = p.plane();
    MethodSpec.Builder m = MethodSpec.methodBuilder("conv" + p.index())
        .addModifiers(Modifier.PRIVATE)
        .addParameter(t.row(), "x").addParameter(t.row(), "out")
        .addParameter(t.rows(), "weights").addParameter(t.row(), "bias")
        .addJavadoc("Layer $L's product for one sample, written as the convolution: out[f] ="
            + " bias[f] + sum_c W[f][c] * x[c].\n", p.index());
    m.beginControlFlow("for (int f = 0; f < $L; f++)", p.cols());
    m.addStatement("int ob = f * $L", plane);
    m.addStatement("$T.fill(out, ob, ob + $L, bias[f])", Arrays.class, plane);
    m.addStatement("$L[] wf = weights[f]", t.t());
    m.beginControlFlow("for (int c = 0; c < $L; c++)", s.in().c());
    for (int j = 0; j < parts; j++) {
      m.addStatement("conv$L_$L(x, c * $L, out, ob, wf, c * $L)", p.index(), j, s.in().plane(),
          k * k);
    }
    m.endControlFlow();
    m.endControlFlow();
    return m.build();
  }

  /**
   * {@code convBackwardK(x, dz, dx)}: one sample's share of dW (and db), and the input gradient
   * when the layer has one.
   */
  private static MethodSpec sampleBackward(ImageLayerPlan p, Num t, int gradParts,
      int inputParts) {
    ImageLayerSpec s = p.image();
    int k = s.window().size();
    int plane = p.plane();
    int inPlane = s.in().plane();
    MethodSpec.Builder m = MethodSpec.methodBuilder("convBackward" + p.index())
        .addModifiers(Modifier.PRIVATE)
        .addParameter(t.row(), "x").addParameter(t.row(), "dz").addParameter(t.row(), "dx")
        .addJavadoc("Layer $L's gradients for one sample: dW[f][c] += dz[f] (*) x[c]"
            + (p.batchNorm() ? "" : ", db[f] += sum_p dz[f][p]")
            + (p.dIn() != null ? ", and dx[c] = sum_f dz[f] (*) W[f][c] flipped" : "") + ".\n",
            p.index());
    m.beginControlFlow("for (int f = 0; f < $L; f++)", p.cols());
    m.addStatement("int zb = f * $L", plane);
    if (!p.batchNorm()) {
      m.addStatement("$L sum = 0", t.t());
      m.beginControlFlow("for (int q = 0; q < $L; q++)", plane);
      m.addStatement("sum += dz[zb + q]");
      m.endControlFlow();
      m.addStatement("$L[0][f] += sum", p.name("db"));
    }
    m.addStatement("$L[] g = $L[f]", t.t(), p.name("dw"));
    m.beginControlFlow("for (int c = 0; c < $L; c++)", s.in().c());
    for (int j = 0; j < gradParts; j++) {
      m.addStatement("convWeight$L_$L(x, c * $L, dz, zb, g, c * $L)", p.index(), j, inPlane,
          k * k);
    }
    m.endControlFlow();
    m.endControlFlow();
    if (p.dIn() != null) {
      m.addComment("dx[c] = sum over filters, each channel's plane finished before the next");
      m.addStatement("$T.fill(dx, $L)", Arrays.class, t.lit(0));
      m.addStatement("$L[][] w = $L", t.t(), p.name("w"));
      m.beginControlFlow("for (int c = 0; c < $L; c++)", s.in().c());
      m.beginControlFlow("for (int f = 0; f < $L; f++)", p.cols());
      for (int j = 0; j < inputParts; j++) {
        m.addStatement("convInput$L_$L(dz, f * $L, dx, c * $L, w[f], c * $L)", p.index(), j,
            plane, inPlane, k * k);
      }
      m.endControlFlow();
      m.endControlFlow();
    }
    return m.build();
  }

  /**
   * The input gradient's pieces: with stride 1 the forward loops over the flipped kernel
   * (gathered, one store per pixel), with a larger stride one tap per loop (scattered).
   */
  private static List<List<int[]>> inputGradPieces(ImageLayerPlan p) {
    ImageLayerSpec s = p.image();
    int k = s.window().size();
    if (s.window().stride() == 1) {
      Taps rows = flipped(s.out().h(), s.in().h(), k, s.window().pad());
      Taps cols = flipped(s.out().w(), s.in().w(), k, s.window().pad());
      return pieces(k, piece -> gatherSize(rows, cols, piece));
    }
    return pieces(k, piece -> TAP_SIZE * piece.size());
  }

  /**
   * The transposed geometry of a stride-1 conv: dz (length {@code outLen}) padded by k - 1 - p
   * read by the flipped kernel gives dx (length {@code inLen}).
   */
  private static Taps flipped(int outLen, int inLen, int k, int pad) {
    return new Taps(outLen, inLen, 1, k - 1 - pad);
  }

  /** {@code convInputK_J(dz, zb, dx, xb, w, wb)}: taps of the input gradient. */
  private static MethodSpec inputGrad(ImageLayerPlan p, Num t, int j, List<int[]> piece) {
    ImageLayerSpec s = p.image();
    Window w = s.window();
    int k = w.size();
    String name = "convInput" + p.index() + "_" + j;
    if (w.stride() == 1) {
      Taps rows = flipped(s.out().h(), s.in().h(), k, w.pad());
      Taps cols = flipped(s.out().w(), s.in().w(), k, w.pad());
      return gather(t, name, "dz", "dx", rows, cols, s.out().w(), s.in().w(), 1, piece,
          (ky, kx) -> (k - 1 - ky) * k + (k - 1 - kx), "Layer " + p.index() + "'s input"
              + " gradient, taps " + taps(piece) + " of the flipped kernel: dx[ob + y W + x] +="
              + " w[wb + (k-1-ky) k + k-1-kx] dz[ib + (y + ky - (k-1-p)) W' + x + kx - (k-1-p)].");
    }
    Taps rows = new Taps(s.in().h(), s.out().h(), w.stride(), w.pad());
    Taps cols = new Taps(s.in().w(), s.out().w(), w.stride(), w.pad());
    MethodSpec.Builder m = helper(t, name, "dz", "dx", "Layer " + p.index() + "'s input"
        + " gradient, taps " + taps(piece) + ": each tap's products added onto the pixels it"
        + " read, dx[ob + (oy s + ky - p) W + ox s + kx - p] += w[wb + ky k + kx] dz[ib + oy W'"
        + " + ox].");
    for (int[] tap : piece) {
      int[] ys = rows.range(tap[0]);
      int[] xs = cols.range(tap[1]);
      if (ys[0] == ys[1] || xs[0] == xs[1]) {
        continue;
      }
      String wv = "w" + tap[0] + "_" + tap[1];
      m.addStatement("$L $L = w[wb + $L]", t.t(), wv, tap[0] * k + tap[1]);
      m.beginControlFlow("for (int oy = $L; oy < $L; oy++)", ys[0], ys[1]);
      m.addStatement("int o = ib + oy * $L", s.out().w());
      m.addStatement("int r = ob + oy * $L", w.stride() * s.in().w());
      m.beginControlFlow("for (int ox = $L; ox < $L; ox++)", xs[0], xs[1]);
      m.addStatement("dx[$L] += $L * dz[o + ox]",
          index(offset(tap, w.pad(), s.in().w()), w.stride()), wv);
      m.endControlFlow();
      m.endControlFlow();
    }
    return m.build();
  }

  /** {@code convWeightK_J(x, xb, dz, zb, g, gb)}: taps of the weight gradient. */
  private static MethodSpec weightGrad(ImageLayerPlan p, Num t, int j, Taps rows, Taps cols,
      List<int[]> piece) {
    ImageLayerSpec s = p.image();
    Window w = s.window();
    int k = w.size();
    MethodSpec.Builder m = MethodSpec.methodBuilder("convWeight" + p.index() + "_" + j)
        .addModifiers(Modifier.PRIVATE)
        .addParameter(t.row(), "x").addParameter(int.class, "ib")
        .addParameter(t.row(), "dz").addParameter(int.class, "ob")
        .addParameter(t.row(), "g").addParameter(int.class, "wb")
        .addJavadoc("Layer $L's weight gradient, taps $L: g[wb + ky k + kx] += sum_(oy,ox)"
            + " dz[ob + oy W' + ox] x[ib + (oy s + ky - p) W + ox s + kx - p].\n", p.index(),
            taps(piece));
    m.addStatement("$L[] acc = $L[0]", t.t(), p.name("dwRow"));
    for (int[] tap : piece) {
      int[] ys = rows.range(tap[0]);
      int[] xs = cols.range(tap[1]);
      if (ys[0] == ys[1] || xs[0] == xs[1]) {
        continue;
      }
      m.addComment("tap ($L, $L): reaches output rows [$L, $L), columns [$L, $L)", tap[0],
          tap[1], ys[0], ys[1], xs[0], xs[1]);
      m.addStatement("$T.fill(acc, $L, $L, $L)", Arrays.class, xs[0], xs[1], t.lit(0));
      m.beginControlFlow("for (int oy = $L; oy < $L; oy++)", ys[0], ys[1]);
      m.addStatement("int o = ob + oy * $L", s.out().w());
      m.addStatement("int r = ib + oy * $L", w.stride() * s.in().w());
      m.beginControlFlow("for (int ox = $L; ox < $L; ox++)", xs[0], xs[1]);
      m.addStatement("acc[ox] += dz[o + ox] * x[$L]",
          index(offset(tap, w.pad(), s.in().w()), w.stride()));
      m.endControlFlow();
      m.endControlFlow();
      m.addStatement("g[wb + $L] += rowSum$L(acc, $L, $L)", tap[0] * k + tap[1], p.index(),
          xs[0], xs[1]);
    }
    return m.build();
  }

  /** {@code rowSumK(a, from, to)}: a row's sum in four partial sums (four independent adds). */
  private static MethodSpec rowSum(ImageLayerPlan p, Num t) {
    MethodSpec.Builder m = MethodSpec.methodBuilder("rowSum" + p.index())
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(t.type())
        .addParameter(t.row(), "a").addParameter(int.class, "from").addParameter(int.class, "to")
        .addJavadoc("The sum of a[from..to), in four partial sums so the adds overlap.\n");
    m.addStatement("$L s0 = 0, s1 = 0, s2 = 0, s3 = 0", t.t());
    m.addStatement("int i = from");
    m.beginControlFlow("for (; i + 3 < to; i += 4)");
    m.addStatement("s0 += a[i]");
    m.addStatement("s1 += a[i + 1]");
    m.addStatement("s2 += a[i + 2]");
    m.addStatement("s3 += a[i + 3]");
    m.endControlFlow();
    m.beginControlFlow("for (; i < to; i++)");
    m.addStatement("s0 += a[i]");
    m.endControlFlow();
    m.addStatement("return (s0 + s1) + (s2 + s3)");
    return m.build();
  }

  /**
   * A helper adding the taps {@code piece} of one plane pair: {@code out[ob + oy W' + ox] +=
   * sum w[wb + weight(ky, kx)] in[ib + (oy s + ky - p) W + ox s + kx - p]}, one loop per run of
   * rows and run of columns that the same taps reach.
   */
  private static MethodSpec gather(Num t, String name, String in, String out, Taps rows,
      Taps cols, int inW, int outW, int stride, List<int[]> piece,
      ToIntBiFunction<Integer, Integer> weight, String doc) {
    MethodSpec.Builder m = helper(t, name, in, out, doc);
    for (int[] tap : piece) {
      m.addStatement("$L w$L_$L = w[wb + $L]", t.t(), tap[0], tap[1],
          weight.applyAsInt(tap[0], tap[1]));
    }
    for (Taps.Run ys : rows.runs(distinct(piece, 0))) {
      m.beginControlFlow("for (int oy = $L; oy < $L; oy++)", ys.from(), ys.to());
      m.addStatement("int o = ob + oy * $L", outW);
      m.addStatement("int r = ib + oy * $L", stride * inW);
      for (Taps.Run xs : cols.runs(distinct(piece, 1))) {
        List<String> terms = new ArrayList<>();
        for (int[] tap : piece) {
          if (ys.taps().contains(tap[0]) && xs.taps().contains(tap[1])) {
            terms.add("w" + tap[0] + "_" + tap[1] + " * " + in + "["
                + index(offset(tap, rows.pad(), inW), stride) + "]");
          }
        }
        if (terms.isEmpty()) {
          continue;
        }
        m.beginControlFlow("for (int ox = $L; ox < $L; ox++)", xs.from(), xs.to());
        m.addStatement("$L[o + ox] += $L", out, String.join(" + ", terms));
        m.endControlFlow();
      }
      m.endControlFlow();
    }
    return m.build();
  }

  /** A plane-pair helper {@code name(in, ib, out, ob, w, wb)}. */
  private static MethodSpec.Builder helper(Num t, String name, String in, String out,
      String doc) {
    return MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addParameter(t.row(), in).addParameter(int.class, "ib")
        .addParameter(t.row(), out).addParameter(int.class, "ob")
        .addParameter(t.row(), "w").addParameter(int.class, "wb")
        .addJavadoc(doc + "\n");
  }

  /** Offset of tap (ky, kx) from the row start {@code r}: (ky - p) W + kx - p. */
  private static int offset(int[] tap, int pad, int inW) {
    return (tap[0] - pad) * inW + tap[1] - pad;
  }

  /** {@code r + offset + ox * stride}, the constant written with its sign. */
  private static String index(int offset, int stride) {
    String ox = stride == 1 ? "ox" : "ox * " + stride;
    if (offset == 0) {
      return "r + " + ox;
    }
    return "r " + (offset < 0 ? "- " + -offset : "+ " + offset) + " + " + ox;
  }

  /**
   * Estimated bytecode of a gather helper: a weight load per tap, a row loop per run of rows, a
   * column loop per pair of runs, about 16 bytes per term.
   */
  private static int gatherSize(Taps rows, Taps cols, List<int[]> piece) {
    int size = 20 + 10 * piece.size();
    for (Taps.Run ys : rows.runs(distinct(piece, 0))) {
      size += 30;
      for (Taps.Run xs : cols.runs(distinct(piece, 1))) {
        int terms = 0;
        for (int[] tap : piece) {
          if (ys.taps().contains(tap[0]) && xs.taps().contains(tap[1])) {
            terms++;
          }
        }
        size += terms == 0 ? 0 : 35 + 16 * terms;
      }
    }
    return size;
  }

  /**
   * The k x k taps in row-major order, cut into consecutive pieces whose estimated size stays
   * within {@link #BUDGET} (a tap alone always makes a piece).
   */
  private static List<List<int[]>> pieces(int k, ToIntFunction<List<int[]>> size) {
    List<List<int[]>> pieces = new ArrayList<>();
    List<int[]> current = new ArrayList<>();
    for (int ky = 0; ky < k; ky++) {
      for (int kx = 0; kx < k; kx++) {
        int[] tap = {ky, kx};
        List<int[]> grown = new ArrayList<>(current);
        grown.add(tap);
        if (!current.isEmpty() && size.applyAsInt(grown) > BUDGET) {
          pieces.add(current);
          current = new ArrayList<>(List.of(tap));
        } else {
          current = grown;
        }
      }
    }
    pieces.add(current);
    return pieces;
  }

  private static List<Integer> distinct(List<int[]> piece, int axis) {
    return piece.stream().map(tap -> tap[axis]).distinct().sorted().toList();
  }

  private static String taps(List<int[]> piece) {
    int[] first = piece.get(0);
    int[] last = piece.get(piece.size() - 1);
    return "(" + first[0] + "," + first[1] + ")..(" + last[0] + "," + last[1] + ")";
  }

  /** Statements starting a backward pass: dW = l2 W, db = 0. */
  private static CodeBlock resetGradients(ImageLayerPlan p, Num t) {
    CodeBlock.Builder c = CodeBlock.builder();
    c.add("// dW = l2 W + sum over samples; db = sum of dz\n");
    c.beginControlFlow("for (int f = 0; f < $L; f++)", p.cols());
    c.addStatement("$L[] filter = $L[f]", t.t(), p.name("w"));
    c.addStatement("$L[] grad = $L[f]", t.t(), p.name("dw"));
    c.beginControlFlow("for (int r = 0; r < $L; r++)", p.fanIn());
    c.addStatement("grad[r] = reg * filter[r]");
    c.endControlFlow();
    c.endControlFlow();
    if (!p.batchNorm()) {
      c.addStatement("$T.fill($L[0], $L)", Arrays.class, p.name("db"), t.lit(0));
    }
    return c.build();
  }
}
