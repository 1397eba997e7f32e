package dev.unroll.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.unroll.processor.plan.ImageLayerPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * A conv layer's product on the vector backend: the windows copied as {@link Im2colConv} copies
 * them ({@code colK}, a row per (channel, ky, kx), a column per output position), then the three
 * products by the register-blocked kernels the wide dense layers call ({@code
 * FloatKernels}/{@code DoubleKernels}: tiles of 4 rows x 4 vectors in registers over a packed
 * panel):
 * <ul>
 *   <li>forward, {@code z = W col + b}: {@code product(W, col, rows)}, the filters as the 4 rows;
 *   <li>the weight gradient, {@code dW += dz col^T}: {@code productTransposed(dz, col, dW)}, which
 *       packs col's rows as the transposed factor's panel, so no transposed copy of the windows
 *       is made;
 *   <li>the input gradient, {@code dcol = W^T dz}: {@code product(W^T, dz, dcol)} with W
 *       transposed once per backward pass ({@code wtK}, fan_in x filters), then col2im.
 * </ul>
 */
final class VectorIm2colConv implements ConvStrategy {
  @Override
  public List<FieldSpec> fields(ImageLayerPlan p, Num t) {
    int fanIn = p.fanIn();
    int plane = p.plane();
    List<FieldSpec> f = new ArrayList<>();
    f.add(ConvGroups.scratch(t, p.name("col"), fanIn, plane, "One sample's windows (im2col): a row per"
        + " (channel, ky, kx), a column per output position."));
    f.add(ConvGroups.scratch(t, p.name("rows"), p.cols(), plane, "One sample's product or its"
        + " gradient, a row per channel."));
    if (p.dIn() != null) {
      f.add(ConvGroups.scratch(t, p.name("dcol"), fanIn, plane, "Gradient of {@code " + p.name("col")
          + "}, added back onto the input by col2im."));
      f.add(Fields.rows(t, p.name("wt"), fanIn, p.cols(), "{@code " + p.name("w")
          + "} transposed once per backward pass, for the input gradient."));
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
    CodeBlock.Builder before = CodeBlock.builder();
    if (p.dIn() != null) {
      before.addStatement("$T.transpose($L, $L)", RuntimeTypes.OPS, p.name("w"), p.name("wt"));
    }
    return ConvGroups.backward(p, t, before.build());
  }

  @Override
  public void addMembers(TypeSpec.Builder type, ImageLayerPlan p, Num t) {
    ConvGroups.addMembers(type, p, t);
    type.addMethod(product(p, t));
    type.addMethod(Im2colConv.im2col(p, t));
    type.addMethod(sampleBackward(p, t));
    if (p.dIn() != null) {
      type.addMethod(Im2colConv.col2im(p, t));
    }
  }

  /** {@code convK(x, out, weights, bias)}: one sample's product into its output row. */
  private static MethodSpec product(ImageLayerPlan p, Num t) {
    int k = p.index();
    int plane = p.plane();
    MethodSpec.Builder m = MethodSpec.methodBuilder("conv" + k).addModifiers(Modifier.PRIVATE)
        .addParameter(int.class, "g").addParameter(t.row(), "x").addParameter(t.row(), "out")
        .addParameter(t.rows(), "weights").addParameter(t.row(), "bias")
        .addJavadoc("Layer $L's product for one sample: out[f][p] = bias[f] + sum_r weights[f][r]"
            + " col[r][p], channel after channel.\n", k);
    m.addStatement("im2col$L(g, x)", k);
    m.addStatement("$L[][] rows = $L[g]", t.t(), p.name("rows"));
    m.beginControlFlow("for (int f = 0; f < $L; f++)", p.cols());
    m.addStatement("$T.fill(rows[f], bias[f])", Arrays.class);
    m.endControlFlow();
    m.addComment("register-blocked Vector API product: 4 filters x 4 vectors of positions a tile");
    m.addStatement("$T.product(weights, $L[g], rows, $L, $L, 0, $L)", t.kernels(), p.name("col"),
        p.cols(), p.fanIn(), plane);
    copyRows(m, p, "rows[f], 0, out, f * $L", plane);
    return m.build();
  }

  /** {@code System.arraycopy} of each channel's row, {@code args} formatted with the plane. */
  private static void copyRows(MethodSpec.Builder m, ImageLayerPlan p, String args, int plane) {
    m.beginControlFlow("for (int f = 0; f < $L; f++)", p.cols());
    m.addStatement("System.arraycopy(" + args.replace("$L", Integer.toString(plane)) + ", $L)",
        plane);
    m.endControlFlow();
  }

  /**
   * {@code convBackwardK(x, dz, dx)}: one sample's share of dW (and db) from the gradient of the
   * product {@code dz}, and, when {@code dx} is not null, the gradient of its input.
   */
  private static MethodSpec sampleBackward(ImageLayerPlan p, Num t) {
    int k = p.index();
    int plane = p.plane();
    int fanIn = p.fanIn();
    MethodSpec.Builder m = MethodSpec.methodBuilder("convBackward" + k)
        .addModifiers(Modifier.PRIVATE)
        .addParameter(int.class, "g")
        .addParameter(t.row(), "x").addParameter(t.row(), "dz").addParameter(t.row(), "dx")
        .addJavadoc("Layer $L's gradients for one sample: dW += dz col^T"
            + (p.batchNorm() ? "" : ", db[f] += sum_p dz[f][p]")
            + (p.dIn() != null ? ", and dx = col2im(W^T dz)" : "") + ".\n", k);
    m.addStatement("im2col$L(g, x)", k);
    if (!p.batchNorm()) {
      Im2colConv.biasGradient(m, p, t);
    }
    m.addStatement("$L[][] rows = $L[g]", t.t(), p.name("rows"));
    copyRows(m, p, "dz, f * $L, rows[f], 0", plane);
    m.addComment("dW[f][r] += sum_p dz[f][p] col[r][p]: col's rows packed as the transposed factor");
    m.addStatement("$T.productTransposed(rows, $L[g], $L[g], $L, $L, 0, $L)", t.kernels(),
        p.name("col"), p.name("dwPart"), p.cols(), plane, fanIn);
    if (p.dIn() != null) {
      m.addComment("dcol = W^T dz, then col2im adds each window back onto its pixels");
      m.addStatement("$L[][] dcol = $L[g]", t.t(), p.name("dcol"));
      m.beginControlFlow("for (int r = 0; r < $L; r++)", fanIn);
      m.addStatement("$T.fill(dcol[r], $L)", Arrays.class, t.lit(0));
      m.endControlFlow();
      m.addStatement("$T.product($L, rows, dcol, $L, $L, 0, $L)", t.kernels(), p.name("wt"),
          fanIn, p.cols(), plane);
      m.addStatement("col2im$L(g, dx)", k);
    }
    return m.build();
  }
}
