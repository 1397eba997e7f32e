package dev.unroll.processor.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.unroll.processor.model.ImageLayerSpec;
import dev.unroll.processor.model.LayerSpec;
import dev.unroll.processor.plan.ImageLayerPlan;
import dev.unroll.processor.plan.NetPlan;
import dev.unroll.spec.Activation;
import dev.unroll.spec.LayerKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.Modifier;

/**
 * The one place the class emitter reaches the conv and pooling layers: their arrays, their
 * {@code forwardK}/{@code backwardK} methods (with {@link ConvEmitter}, {@link SpatialBatchNorm},
 * {@link ImageActivation} and {@link PoolEmitter} writing the formulas), and their share of the
 * {@code Model} methods (tensors, init, SGD, copy, L2, folding). Image layers run before the
 * dense ones; the first dense layer reads the last image layer's output rows as its input.
 */
final class ImageLayers {
  private static final ClassName INIT = ClassName.get("dev.unroll.runtime", "Init");
  private static final ClassName OPS = ClassName.get("dev.unroll.runtime", "Ops");

  private ImageLayers() {}

  static void addFields(TypeSpec.Builder type, NetPlan plan, Num t) {
    int maxBatch = plan.spec().maxBatch();
    for (ImageLayerPlan p : plan.image()) {
      ImageLayerSpec s = p.spec();
      int k = p.index();
      List<FieldSpec> f = new ArrayList<>();
      if (s.isConv()) {
        int cols = p.cols();
        int fanIn = p.fanIn();
        int plane = p.plane();
        f.add(Fields.rows(t, p.name("w"), cols, fanIn, "Layer " + k + " filters, " + cols
            + " x " + fanIn + ": one row per filter, its " + s.in().c() + " x "
            + s.window().size() + " x " + s.window().size() + " weights (channel, ky, kx)."));
        f.add(Fields.rows(t, p.name("dw"), cols, fanIn, "Gradient of {@code " + p.name("w")
            + "}."));
        if (!p.batchNorm()) {
          f.add(Fields.rows(t, p.name("b"), 1, cols, "Layer " + k + " bias, one per filter."));
          f.add(Fields.rows(t, p.name("db"), 1, cols, "Gradient of {@code " + p.name("b")
              + "}."));
        }
        f.add(Fields.rows(t, p.z(), maxBatch, cols * plane, "Layer " + k + " product"
            + (p.batchNorm() ? " after batch norm" : "") + ", one row per sample: " + cols
            + " channels of " + s.out().h() + " x " + s.out().w() + "."));
        f.add(Fields.rows(t, p.dz(), maxBatch, cols * plane, "Gradient of {@code " + p.z()
            + "}."));
        if (p.hasOwnActivation()) {
          f.add(Fields.rows(t, p.h(), maxBatch, s.out().size(), "Layer " + k + " output, "
              + p.unit().activation() + ", " + s.out() + " per sample."));
          f.add(Fields.rows(t, p.dh(), maxBatch, s.out().size(), "Gradient of {@code " + p.h()
              + "}."));
        }
        if (p.batchNorm()) {
          for (String name : new String[] {"gamma", "beta", "dgamma", "dbeta", "runningMean",
              "runningVar", "batchMean", "invStd", "bf", "noBias"}) {
            f.add(Fields.rows(t, p.name(name), 1, cols, "Layer " + k + " spatial batch norm: "
                + name + ", one per channel."));
          }
          f.add(Fields.rows(t, p.name("xhat"), maxBatch, cols * plane, "Normalized product,"
              + " kept for backward."));
          f.add(Fields.rows(t, p.name("wf"), cols, fanIn, "{@code " + p.name("w") + "} with"
              + " batch norm folded in, for evaluation."));
        }
        if (p.unit().activation() == Activation.PRELU) {
          f.add(Fields.rows(t, p.name("alpha"), 1, p.unit().units(), "Layer " + k
              + " PReLU slopes, one per channel."));
          f.add(Fields.rows(t, p.name("dalpha"), 1, p.unit().units(), "Gradient of {@code "
              + p.name("alpha") + "}."));
        }
        if (p.unit().activation() == Activation.MAXOUT) {
          f.add(ints(p.name("argmax"), maxBatch, s.out().size(), "Winning maxout piece of each"
              + " output."));
        }
        f.add(Fields.rows(t, p.name("col"), fanIn, plane, "One sample's windows (im2col): a"
            + " row per (channel, ky, kx), a column per output position."));
        f.add(Fields.rows(t, p.name("colT"), plane, fanIn, "{@code " + p.name("col")
            + "} transposed, for the weight gradient."));
        f.add(Fields.rows(t, p.name("rows"), cols, plane, "One sample's product or its"
            + " gradient, a row per channel."));
        if (p.dIn() != null) {
          f.add(Fields.rows(t, p.name("dcol"), fanIn, plane, "Gradient of {@code "
              + p.name("col") + "}, added back onto the input by col2im."));
        }
      } else {
        String what = s.kind() == LayerKind.MAX_POOL ? "max" : "average";
        f.add(Fields.rows(t, p.h(), maxBatch, s.out().size(), "Layer " + k + " " + what
            + " pool output, " + s.out() + " per sample."));
        f.add(Fields.rows(t, p.dh(), maxBatch, s.out().size(), "Gradient of {@code " + p.h()
            + "}."));
        if (s.kind() == LayerKind.MAX_POOL) {
          f.add(ints(p.name("argmax"), maxBatch, s.out().size(), "Index in the input row of"
              + " each window's winner (the first largest value, row-major)."));
        }
      }
      f.forEach(type::addField);
    }
  }

  private static FieldSpec ints(String name, int rows, int cols, String doc) {
    return FieldSpec.builder(ArrayTypeName.of(ArrayTypeName.of(TypeName.INT)), name,
            Modifier.PRIVATE, Modifier.FINAL)
        .initializer("new int[$L][$L]", rows, cols)
        .addJavadoc(doc + "\n")
        .build();
  }

  static void addMethods(TypeSpec.Builder type, NetPlan plan, Num t) {
    for (ImageLayerPlan p : plan.image()) {
      type.addMethod(forward(p, t));
      if (hasBackward(p)) {
        type.addMethod(backward(p, t));
      }
      if (p.spec().isConv()) {
        type.addMethod(ConvEmitter.product(p, t));
        type.addMethod(ConvEmitter.im2col(p, t));
        type.addMethod(ConvEmitter.backward(p, t));
        if (p.dIn() != null) {
          type.addMethod(ConvEmitter.col2im(p, t));
        }
        if (p.batchNorm()) {
          type.addMethod(MethodSpec.methodBuilder("fold" + p.index())
              .addModifiers(Modifier.PRIVATE)
              .addJavadoc("Layer $L's batch norm folded into its filters, for evaluation.\n",
                  p.index())
              .addCode(SpatialBatchNorm.fold(p, t))
              .build());
        }
      }
    }
  }

  private static MethodSpec forward(ImageLayerPlan p, Num t) {
    ImageLayerSpec s = p.spec();
    MethodSpec.Builder m = MethodSpec.methodBuilder("forward" + p.index())
        .addModifiers(Modifier.PRIVATE)
        .addParameter(int.class, "n")
        .addJavadoc("Layer $L forward: $L.\n", p.index(), describe(s));
    if (!s.isConv()) {
      return m.addCode(PoolEmitter.forward(p, t)).build();
    }
    if (p.batchNorm()) {
      m.addComment("training: the filters, no bias (beta replaces it); evaluation: batch norm"
          + " folded in");
      m.addStatement("$L[][] weights = training ? $L : $L", t.t(), p.name("w"), p.name("wf"));
      m.addStatement("$L[] bias = training ? $L[0] : $L[0]", t.t(), p.name("noBias"),
          p.name("bf"));
    } else {
      m.addStatement("$L[][] weights = $L", t.t(), p.name("w"));
      m.addStatement("$L[] bias = $L[0]", t.t(), p.name("b"));
    }
    m.beginControlFlow("for (int i = 0; i < n; i++)");
    m.addStatement("conv$L($L[i], $L[i], weights, bias)", p.index(), p.in(), p.z());
    m.endControlFlow();
    if (p.batchNorm()) {
      m.addCode(SpatialBatchNorm.forward(p, t));
    }
    if (p.hasOwnActivation()) {
      m.addCode(ImageActivation.forward(p, t));
    }
    return m.build();
  }

  private static MethodSpec backward(ImageLayerPlan p, Num t) {
    MethodSpec.Builder m = MethodSpec.methodBuilder("backward" + p.index())
        .addModifiers(Modifier.PRIVATE)
        .addParameter(int.class, "n")
        .addParameter(t.type(), "reg")
        .addJavadoc("Layer $L backward, in mirror order of {@code forward$L}.\n", p.index(),
            p.index());
    if (!p.spec().isConv()) {
      return m.addCode(PoolEmitter.backward(p, t)).build();
    }
    if (p.hasOwnActivation()) {
      m.addCode(ImageActivation.backward(p, t));
    }
    if (p.batchNorm()) {
      m.addCode(SpatialBatchNorm.backward(p, t));
    }
    m.addCode(ConvEmitter.resetGradients(p, t));
    m.beginControlFlow("for (int i = 0; i < n; i++)");
    m.addStatement("convBackward$L($L[i], $L[i], $L)", p.index(), p.in(), p.dz(),
        p.dIn() == null ? "null" : p.dIn() + "[i]");
    m.endControlFlow();
    return m.build();
  }

  /** Whether {@code backwardK} is needed: a pool at the very front has nothing to pass back. */
  private static boolean hasBackward(ImageLayerPlan p) {
    return p.spec().isConv() || p.dIn() != null;
  }

  /** Forward calls, in layer order. */
  static void forwardCalls(MethodSpec.Builder m, NetPlan plan) {
    for (ImageLayerPlan p : plan.image()) {
      m.addStatement("forward$L(n)", p.index());
    }
  }

  /** Backward calls, in reverse layer order, after the dense layers'. */
  static void backwardCalls(MethodSpec.Builder m, NetPlan plan) {
    for (int i = plan.image().size() - 1; i >= 0; i--) {
      ImageLayerPlan p = plan.image().get(i);
      if (hasBackward(p)) {
        m.addStatement("backward$L(n, reg)", p.index());
      }
    }
  }

  /** Pairs (parameter, gradient) of every image layer, in layer order. */
  static List<String[]> params(NetPlan plan) {
    List<String[]> out = new ArrayList<>();
    for (ImageLayerPlan p : plan.image()) {
      if (!p.spec().isConv()) {
        continue;
      }
      out.add(new String[] {p.name("w"), p.name("dw"), "W", "WEIGHT", "" + p.index()});
      if (!p.batchNorm()) {
        out.add(new String[] {p.name("b"), p.name("db"), "b", "BIAS", "" + p.index()});
      } else {
        out.add(new String[] {p.name("gamma"), p.name("dgamma"), "gamma", "GAMMA",
            "" + p.index()});
        out.add(new String[] {p.name("beta"), p.name("dbeta"), "beta", "BETA", "" + p.index()});
      }
      if (p.unit().activation() == Activation.PRELU) {
        out.add(new String[] {p.name("alpha"), p.name("dalpha"), "alpha", "ALPHA",
            "" + p.index()});
      }
    }
    return out;
  }

  /** The tensors of the image layers, in layer order, for the three lists. */
  static void tensors(NetPlan plan, List<CodeBlock> params, List<CodeBlock> buffers,
      List<CodeBlock> activations) {
    for (String[] pair : params(plan)) {
      params.add(tensor(pair[4], pair[2], pair[3], pair[0], pair[1]));
    }
    for (ImageLayerPlan p : plan.image()) {
      if (p.batchNorm()) {
        buffers.add(tensor("" + p.index(), "runningMean", "RUNNING_MEAN",
            p.name("runningMean"), null));
        buffers.add(tensor("" + p.index(), "runningVar", "RUNNING_VAR", p.name("runningVar"),
            null));
      }
      activations.add(tensor("" + p.index(), "h", "ACTIVATION", p.h(), p.dh()));
    }
  }

  private static CodeBlock tensor(String k, String name, String role, String value,
      String grad) {
    return CodeBlock.of("\n$T.of($S, $T.$L, $L, $L, $L)", State.TENSOR, "layer" + k + "." + name,
        State.ROLE, role, k, value, grad == null ? "null" : grad);
  }

  /** {@code initialize(seed)}'s statements for the image layers, drawn before the dense ones. */
  static CodeBlock initialize(NetPlan plan) {
    CodeBlock.Builder c = CodeBlock.builder();
    for (ImageLayerPlan p : plan.image()) {
      if (!p.spec().isConv()) {
        continue;
      }
      LayerSpec u = p.unit();
      int fanIn = u.fanIn();
      int fanOut = p.cols() * p.spec().window().size() * p.spec().window().size();
      String w = p.name("w");
      switch (u.init()) {
        case ZERO -> c.add("// layer $L: zeros\n", p.index())
            .addStatement("$T.fill($L, 0)", INIT, w);
        case SMALL_RANDOM -> normal(c, p, "0.01 N(0, 1)", 0.01);
        case NORMAL -> normal(c, p, u.scale() + " N(0, 1)", u.scale());
        case XAVIER -> normal(c, p, "Xavier, N(0, 1) / sqrt(C k k = " + fanIn + ")",
            1 / Math.sqrt(fanIn));
        case HE -> normal(c, p, "He, N(0, 1) * sqrt(2 / (C k k = " + fanIn + "))",
            Math.sqrt(2.0 / fanIn));
        case GLOROT_UNIFORM -> c.add("// layer $L: Glorot, U(-l, l), l = sqrt(6 / (C k k + F k k"
                + " = $L + $L))\n", p.index(), fanIn, fanOut)
            .addStatement("$T.uniform($L, rng, $L)", INIT, w, Math.sqrt(6.0 / (fanIn + fanOut)));
      }
      if (p.batchNorm()) {
        c.addStatement("$T.fill($L, 1)", INIT, p.name("gamma"));
        c.addStatement("$T.fill($L, 0)", INIT, p.name("beta"));
        c.addStatement("$T.fill($L, 0)", INIT, p.name("runningMean"));
        c.addStatement("$T.fill($L, 1)", INIT, p.name("runningVar"));
      } else {
        c.addStatement("$T.fill($L, 0)", INIT, p.name("b"));
      }
      if (u.activation() == Activation.PRELU) {
        c.addStatement("$T.fill($L, $L)", INIT, p.name("alpha"), u.alpha());
      }
    }
    return c.build();
  }

  private static void normal(CodeBlock.Builder c, ImageLayerPlan p, String what, double std) {
    c.add("// layer $L: $L\n", p.index(), what);
    c.addStatement("$T.normal($L, rng, $L)", INIT, p.name("w"), std);
  }

  /** SGD on the image layers' parameters. */
  static void sgd(MethodSpec.Builder m, NetPlan plan) {
    for (String[] pair : params(plan)) {
      m.addStatement("$T.descend($L, $L, rate)", OPS, pair[0], pair[1]);
    }
  }

  /** copyFrom's statements: parameters and running averages. */
  static void copyFrom(MethodSpec.Builder m, NetPlan plan) {
    for (String[] pair : params(plan)) {
      m.addStatement("$T.copy(from.$L, $L)", INIT, pair[0], pair[0]);
    }
    for (ImageLayerPlan p : plan.image()) {
      if (p.batchNorm()) {
        m.addStatement("$T.copy(from.$L, $L)", INIT, p.name("runningMean"),
            p.name("runningMean"));
        m.addStatement("$T.copy(from.$L, $L)", INIT, p.name("runningVar"), p.name("runningVar"));
      }
    }
  }

  /** The L2 terms of the conv filters. */
  static void squares(List<CodeBlock> squares, NetPlan plan) {
    for (ImageLayerPlan p : plan.image()) {
      if (p.spec().isConv()) {
        squares.add(CodeBlock.of("$T.sumOfSquares($L)", OPS, p.name("w")));
      }
    }
  }

  /** Whether any image layer folds batch norm for evaluation. */
  static boolean folds(NetPlan plan) {
    return plan.image().stream().anyMatch(ImageLayerPlan::batchNorm);
  }

  /** fold()'s calls for the image layers. */
  static void foldCalls(MethodSpec.Builder m, NetPlan plan) {
    for (ImageLayerPlan p : plan.image()) {
      if (p.batchNorm()) {
        m.addStatement("fold$L()", p.index());
      }
    }
  }

  /** {@code 1x28x28 -> conv 16 3x3 BN RELU -> max pool 2x2}: the summary's image part. */
  static String summary(NetPlan plan) {
    StringBuilder sb = new StringBuilder();
    for (ImageLayerPlan p : plan.image()) {
      sb.append(" -> ").append(describe(p.spec()));
    }
    return sb.toString();
  }

  static String describe(ImageLayerSpec s) {
    int size = s.window().size();
    StringBuilder sb = new StringBuilder();
    if (s.isConv()) {
      sb.append("conv ").append(s.unit().units()).append(' ').append(size).append('x')
          .append(size);
      if (s.window().stride() != 1) {
        sb.append(" stride ").append(s.window().stride());
      }
      if (s.window().pad() != 0) {
        sb.append(" pad ").append(s.window().pad());
      }
      if (s.unit().batchNorm()) {
        sb.append(" BN");
      }
      if (s.unit().activation() != Activation.IDENTITY) {
        sb.append(' ').append(s.unit().activation());
      }
    } else {
      sb.append(s.kind() == LayerKind.MAX_POOL ? "max" : "avg").append(" pool ").append(size)
          .append('x').append(size);
      if (s.window().stride() != size) {
        sb.append(" stride ").append(s.window().stride());
      }
    }
    return sb.append(" (").append(s.out()).append(')').toString();
  }

  /**
   * The class Javadoc's table: each layer's output shape, parameters and multiply-add FLOPs (2 a
   * multiply-add) of one sample's forward pass.
   */
  static CodeBlock table(NetPlan plan) {
    CodeBlock.Builder c = CodeBlock.builder();
    c.add("\n<table>\n<caption>Layers (FLOPs: one sample's forward pass, 2 per multiply-add)"
        + "</caption>\n<tr><th>layer</th><th>output</th><th>parameters</th><th>FLOPs</th></tr>\n");
    c.add("<tr><td>input</td><td>$L</td><td>0</td><td>0</td></tr>\n",
        plan.spec().image().input());
    for (ImageLayerPlan p : plan.image()) {
      ImageLayerSpec s = p.spec();
      long params = s.isConv() ? (long) p.cols() * p.fanIn() + 2L * p.cols()
          * (p.batchNorm() ? 1 : 0) + (p.batchNorm() ? 0 : p.cols()) : 0;
      c.add("<tr><td>$L $L</td><td>$L</td><td>$L</td><td>$L</td></tr>\n", p.index(),
          describe(s).replaceAll(" \\(.*\\)$", ""), s.out(), params, 2 * s.macs());
    }
    for (var p : plan.layers()) {
      LayerSpec u = p.spec();
      long params = (long) u.fanIn() * u.cols() + (u.batchNorm() ? 2L : 1L) * u.cols();
      c.add("<tr><td>$L dense $L$L</td><td>$L</td><td>$L</td><td>$L</td></tr>\n", p.index(),
          u.units(), u.activation() == Activation.IDENTITY ? ""
              : " " + u.activation().name().toLowerCase(Locale.ROOT), u.units(), params,
          2L * u.fanIn() * u.cols());
    }
    return c.add("</table>\n").build();
  }
}
