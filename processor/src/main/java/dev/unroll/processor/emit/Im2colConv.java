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
import javax.lang.model.element.Modifier;

/**
 * A conv layer's product, forward next to its two gradients, by im2col: one sample's windows are
 * copied into {@code colK} (a row per (channel, ky, kx), a column per output position), so that
 * <ul>
 *   <li>forward, {@code z[f] = b[f] + sum_r W[f][r] col[r]}, adds whole rows of {@code col};
 *   <li>the weight gradient, {@code dW[f] += sum_p dz[f][p] colT[p]}, adds rows of the windows
 *       transposed ({@code colTK}, a row per position);
 *   <li>the input gradient, {@code dcol[r] = sum_f W[f][r] dz[f]}, adds rows of dz, and col2im
 *       adds each window back onto the pixels it came from.
 * </ul>
 * Every loop is an axpy over row arrays indexed by one expression, the shape C2 vectorizes, four
 * rows per pass; every bound (channels, kernel, stride, pad, sizes) is a constant.
 */
final class Im2colConv implements ConvStrategy {
  @Override
  public List<FieldSpec> fields(ImageLayerPlan p, Num t) {
    int fanIn = p.fanIn();
    int plane = p.plane();
    List<FieldSpec> f = new ArrayList<>();
    f.add(ConvGroups.scratch(t, p.name("col"), fanIn, plane, "One sample's windows (im2col): a row per"
        + " (channel, ky, kx), a column per output position."));
    f.add(ConvGroups.scratch(t, p.name("colT"), plane, fanIn, "{@code " + p.name("col")
        + "} transposed, for the weight gradient."));
    f.add(ConvGroups.scratch(t, p.name("rows"), p.cols(), plane, "One sample's product or its"
        + " gradient, a row per channel."));
    if (p.dIn() != null) {
      f.add(ConvGroups.scratch(t, p.name("dcol"), fanIn, plane, "Gradient of {@code " + p.name("col")
          + "}, added back onto the input by col2im."));
    }
    f.addAll(ConvGroups.fields(p, t));
    return f;
  }

  @Override
  public CodeBlock forward(ImageLayerPlan p, Num t) {
    return ConvGroups.forward(p);
  }

  @Override
  public CodeBlock backward(ImageLayerPlan p, Num t) {
    return ConvGroups.backward(p, t, CodeBlock.builder().build());
  }

  @Override
  public void addMembers(TypeSpec.Builder type, ImageLayerPlan p, Num t) {
    ConvGroups.addMembers(type, p, t);
    type.addMethod(product(p, t));
    type.addMethod(im2col(p, t));
    type.addMethod(sampleBackward(p, t));
    if (p.dIn() != null) {
      type.addMethod(col2im(p, t));
    }
  }

  /** {@code convK(x, out, weights, bias)}: one sample's product into its output row. */
  static MethodSpec product(ImageLayerPlan p, Num t) {
    int k = p.index();
    int plane = p.plane();
    MethodSpec.Builder m = MethodSpec.methodBuilder("conv" + k).addModifiers(Modifier.PRIVATE)
        .addParameter(int.class, "g").addParameter(t.row(), "x").addParameter(t.row(), "out")
        .addParameter(t.rows(), "weights").addParameter(t.row(), "bias")
        .addJavadoc("Layer $L's product for one sample: out[f][p] = bias[f] + sum_r weights[f][r]"
            + " col[r][p], channel after channel.\n", k);
    m.addStatement("im2col$L(g, x)", k);
    m.addStatement("$L[][] rows = $L[g]", t.t(), p.name("rows"));
    m.addStatement("$L[][] col = $L[g]", t.t(), p.name("col"));
    m.beginControlFlow("for (int f = 0; f < $L; f++)", p.cols());
    m.addStatement("$L[] acc = rows[f]", t.t());
    m.addStatement("$T.fill(acc, bias[f])", Arrays.class);
    m.addStatement("$L[] wf = weights[f]", t.t());
    axpyRows(m, t, p.fanIn(), plane, "wf[r + $L]", "col[r + $L]", "acc");
    m.addStatement("System.arraycopy(acc, 0, out, f * $L, $L)", plane, plane);
    m.endControlFlow();
    return m.build();
  }

  /**
   * {@code target[p] += sum_r a(r) * rows(r)[p]} over r in [0, count), four terms per pass and the
   * leftover terms after: the sum's order is fixed at compile time.
   */
  private static void axpyRows(MethodSpec.Builder m, Num t, int count, int len, String coef,
      String row, String target) {
    int whole = count / 4 * 4;
    if (whole > 0) {
      m.beginControlFlow("for (int r = 0; r < $L; r += 4)", whole);
      for (int q = 0; q < 4; q++) {
        m.addStatement("$L a$L = " + coef, t.t(), q, q);
        m.addStatement("$L[] c$L = " + row, t.t(), q, q);
      }
      m.beginControlFlow("for (int p = 0; p < $L; p++)", len);
      m.addStatement("$L[p] += a0 * c0[p] + a1 * c1[p] + a2 * c2[p] + a3 * c3[p]", target);
      m.endControlFlow();
      m.endControlFlow();
    }
    for (int r = whole; r < count; r++) {
      m.addStatement("$L a$L = " + coef.replace("r + $L", "$L"), t.t(), r - whole, r);
      m.addStatement("$L[] c$L = " + row.replace("r + $L", "$L"), t.t(), r - whole, r);
      m.beginControlFlow("for (int p = 0; p < $L; p++)", len);
      m.addStatement("$L[p] += a$L * c$L[p]", target, r - whole, r - whole);
      m.endControlFlow();
    }
  }

  /**
   * {@code im2colK(x)}: {@code col[(c k + ky) k + kx][oy W' + ox] = x[c][oy s + ky - pad][ox s +
   * kx - pad]}, zero where the window hangs over the padding.
   */
  static MethodSpec im2col(ImageLayerPlan p, Num t) {
    return windows(p, t, "im2col", "Copies one sample's windows into {@code $L}, a row per"
        + " (channel, ky, kx), a column per output position; zero over the padding.",
        "row[o + ox] = x[base + ox * $L]", true);
  }

  /** {@code col2imK(dx)}: adds {@code dcolK} back onto the pixels each window read. */
  static MethodSpec col2im(ImageLayerPlan p, Num t) {
    return windows(p, t, "col2im", "Adds each window's gradient in {@code $L} onto the pixels"
        + " it was copied from (the transpose of im2col).", "dx[base + ox * $L] += row[o + ox]",
        false);
  }

  private static MethodSpec windows(ImageLayerPlan p, Num t, String name, String doc,
      String statement, boolean forward) {
    ImageLayerSpec s = p.image();
    Shape in = s.in();
    Window w = s.window();
    int outW = s.out().w();
    int size = w.size();
    int stride = w.stride();
    int pad = w.pad();
    String col = p.name(forward ? "col" : "dcol");
    MethodSpec.Builder m = MethodSpec.methodBuilder(name + p.index())
        .addModifiers(Modifier.PRIVATE)
        .addParameter(int.class, "g")
        .addParameter(t.row(), forward ? "x" : "dx")
        .addJavadoc(doc + "\n", col + "[g]");
    m.addStatement("$L[][] windows = $L[g]", t.t(), col);
    if (!forward) {
      m.addStatement("$T.fill(dx, $L)", Arrays.class, t.lit(0));
    }
    m.beginControlFlow("for (int c = 0; c < $L; c++)", in.c());
    m.beginControlFlow("for (int ky = 0; ky < $L; ky++)", size);
    m.beginControlFlow("for (int kx = 0; kx < $L; kx++)", size);
    m.addStatement("$L[] row = windows[(c * $L + ky) * $L + kx]", t.t(), size, size);
    m.addComment("ox in [lo, hi) reads a pixel: 0 <= ox * $L + kx - $L < $L", stride, pad, in.w());
    m.addStatement("int lo = Math.max(0, -Math.floorDiv(kx - $L, $L))", pad, stride);
    m.addStatement("int hi = Math.max(lo, Math.min($L, Math.floorDiv($L - kx, $L) + 1))", outW,
        in.w() - 1 + pad, stride);
    m.beginControlFlow("for (int oy = 0; oy < $L; oy++)", s.out().h());
    m.addStatement("int y = oy * $L + ky - $L", stride, pad);
    m.addStatement("int o = oy * $L", outW);
    m.beginControlFlow("if (y < 0 || y >= $L)", in.h());
    if (forward) {
      m.addStatement("$T.fill(row, o, o + $L, $L)", Arrays.class, outW, t.lit(0));
    }
    m.addStatement("continue");
    m.endControlFlow();
    if (forward) {
      m.addStatement("$T.fill(row, o, o + lo, $L)", Arrays.class, t.lit(0));
      m.addStatement("$T.fill(row, o + hi, o + $L, $L)", Arrays.class, outW, t.lit(0));
    }
    m.addStatement("int base = c * $L + y * $L + kx - $L", in.plane(), in.w(), pad);
    m.beginControlFlow("for (int ox = lo; ox < hi; ox++)");
    m.addStatement(statement, stride);
    m.endControlFlow();
    m.endControlFlow();
    m.endControlFlow();
    m.endControlFlow();
    m.endControlFlow();
    return m.build();
  }

  /**
   * {@code convBackwardK(x, dz, dx)}: one sample's share of dW (and db) from the gradient of the
   * product {@code dz}, and, when {@code dx} is not null, the gradient of its input.
   */
  static MethodSpec sampleBackward(ImageLayerPlan p, Num t) {
    int k = p.index();
    int plane = p.plane();
    int fanIn = p.fanIn();
    MethodSpec.Builder m = MethodSpec.methodBuilder("convBackward" + k)
        .addModifiers(Modifier.PRIVATE)
        .addParameter(int.class, "g")
        .addParameter(t.row(), "x").addParameter(t.row(), "dz").addParameter(t.row(), "dx")
        .addJavadoc("Layer $L's gradients for one sample of group g: dW[f] += sum_p dz[f][p]"
            + " colT[p]"
            + (p.batchNorm() ? "" : ", db[f] += sum_p dz[f][p]")
            + (p.dIn() != null ? ", and dx = col2im(W^T dz)" : "") + ".\n", k);
    m.addStatement("im2col$L(g, x)", k);
    m.addStatement("$L[][] col = $L[g]", t.t(), p.name("col"));
    m.addStatement("$L[][] colT = $L[g]", t.t(), p.name("colT"));
    m.addStatement("$L[][] rows = $L[g]", t.t(), p.name("rows"));
    m.addStatement("$L[][] dw = $L[g]", t.t(), p.name("dwPart"));
    m.beginControlFlow("for (int r = 0; r < $L; r++)", fanIn);
    m.addStatement("$L[] row = col[r]", t.t());
    m.beginControlFlow("for (int q = 0; q < $L; q++)", plane);
    m.addStatement("colT[q][r] = row[q]");
    m.endControlFlow();
    m.endControlFlow();
    if (!p.batchNorm()) {
      biasGradient(m, p, t);
    }
    m.beginControlFlow("for (int f = 0; f < $L; f++)", p.cols());
    m.addStatement("int o = f * $L", plane);
    m.addStatement("$L[] grad = dw[f]", t.t());
    int whole = plane / 4 * 4;
    if (whole > 0) {
      m.beginControlFlow("for (int q = 0; q < $L; q += 4)", whole);
      for (int j = 0; j < 4; j++) {
        m.addStatement("$L d$L = dz[o + q + $L]", t.t(), j, j);
        m.addStatement("$L[] t$L = colT[q + $L]", t.t(), j, j);
      }
      m.beginControlFlow("for (int r = 0; r < $L; r++)", fanIn);
      m.addStatement("grad[r] += d0 * t0[r] + d1 * t1[r] + d2 * t2[r] + d3 * t3[r]");
      m.endControlFlow();
      m.endControlFlow();
    }
    if (whole < plane) {
      m.beginControlFlow("for (int q = $L; q < $L; q++)", whole, plane);
      m.addStatement("$L d = dz[o + q]", t.t());
      m.addStatement("$L[] tq = colT[q]", t.t());
      m.beginControlFlow("for (int r = 0; r < $L; r++)", fanIn);
      m.addStatement("grad[r] += d * tq[r]");
      m.endControlFlow();
      m.endControlFlow();
    }
    m.endControlFlow();
    if (p.dIn() != null) {
      m.addComment("dx: dcol[r] = sum_f W[f][r] dz[f] with dz's channels as rows, then col2im");
      m.beginControlFlow("for (int f = 0; f < $L; f++)", p.cols());
      m.addStatement("System.arraycopy(dz, f * $L, rows[f], 0, $L)", plane, plane);
      m.endControlFlow();
      m.addStatement("$L[][] w = $L", t.t(), p.name("w"));
      m.beginControlFlow("for (int r = 0; r < $L; r++)", fanIn);
      m.addStatement("$L[] d = $L[g][r]", t.t(), p.name("dcol"));
      m.addStatement("$T.fill(d, $L)", Arrays.class, t.lit(0));
      // the same four-terms-per-pass axpy as forward, over filters instead of window rows
      MethodSpec.Builder inner = m;
      int filters = p.cols();
      int wholeF = filters / 4 * 4;
      if (wholeF > 0) {
        inner.beginControlFlow("for (int f = 0; f < $L; f += 4)", wholeF);
        for (int q = 0; q < 4; q++) {
          inner.addStatement("$L a$L = w[f + $L][r]", t.t(), q, q);
          inner.addStatement("$L[] c$L = rows[f + $L]", t.t(), q, q);
        }
        inner.beginControlFlow("for (int q = 0; q < $L; q++)", plane);
        inner.addStatement("d[q] += a0 * c0[q] + a1 * c1[q] + a2 * c2[q] + a3 * c3[q]");
        inner.endControlFlow();
        inner.endControlFlow();
      }
      for (int f = wholeF; f < filters; f++) {
        inner.addStatement("$L a$L = w[$L][r]", t.t(), f - wholeF, f);
        inner.addStatement("$L[] c$L = rows[$L]", t.t(), f - wholeF, f);
        inner.beginControlFlow("for (int q = 0; q < $L; q++)", plane);
        inner.addStatement("d[q] += a$L * c$L[q]", f - wholeF, f - wholeF);
        inner.endControlFlow();
      }
      m.endControlFlow();
      m.addStatement("col2im$L(g, dx)", k);
    }
    return m.build();
  }

  /** {@code db[f] += sum_p dz[f][p]}: one sample's share of the bias gradient. */
  static void biasGradient(MethodSpec.Builder m, ImageLayerPlan p, Num t) {
    m.beginControlFlow("for (int f = 0; f < $L; f++)", p.cols());
    m.addStatement("int o = f * $L", p.plane());
    m.addStatement("$L sum = 0", t.t());
    m.beginControlFlow("for (int q = 0; q < $L; q++)", p.plane());
    m.addStatement("sum += dz[o + q]");
    m.endControlFlow();
    m.addStatement("$L[g][0][f] += sum", p.name("dbPart"));
    m.endControlFlow();
  }
}
