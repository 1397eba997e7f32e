package dev.unroll.processor.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.unroll.processor.model.ImageLayerSpec;
import dev.unroll.processor.plan.ImageLayerPlan;
import dev.unroll.spec.Activation;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * A conv layer: the product its {@link ConvStrategy} writes (per sample, with every shape a
 * constant), spatial batch norm ({@link SpatialBatchNorm}), then the activation ({@link
 * ImageActivation}); backward in mirror order. Arrays hold a row per sample, channel after
 * channel.
 */
final class ConvLayer implements LayerEmitter {
  private final ImageLayerPlan p;
  private final Num t;
  private final int maxBatch;
  private final ConvStrategy product;

  ConvLayer(ImageLayerPlan p, Num t, int maxBatch) {
    this.p = p;
    this.t = t;
    this.maxBatch = maxBatch;
    this.product = ConvStrategy.of(p);
  }

  @Override
  public ImageLayerPlan plan() {
    return p;
  }

  @Override
  public List<FieldSpec> fields() {
    ImageLayerSpec s = p.image();
    int k = p.index();
    int cols = p.cols();
    int fanIn = p.fanIn();
    int plane = p.plane();
    List<FieldSpec> f = new ArrayList<>();
    f.add(Fields.rows(t, p.name("w"), cols, fanIn, "Layer " + k + " filters, " + cols + " x "
        + fanIn + ": one row per filter, its " + s.in().c() + " x " + s.window().size() + " x "
        + s.window().size() + " weights (channel, ky, kx)."));
    f.add(Fields.rows(t, p.name("dw"), cols, fanIn, "Gradient of {@code " + p.name("w") + "}."));
    if (!p.batchNorm()) {
      f.add(Fields.rows(t, p.name("b"), 1, cols, "Layer " + k + " bias, one per filter."));
      f.add(Fields.rows(t, p.name("db"), 1, cols, "Gradient of {@code " + p.name("b") + "}."));
    }
    f.add(Fields.rows(t, p.z(), maxBatch, cols * plane, "Layer " + k + " product"
        + (p.batchNorm() ? " after batch norm" : "") + ", one row per sample: " + cols
        + " channels of " + s.out().h() + " x " + s.out().w() + "."));
    f.add(Fields.rows(t, p.dz(), maxBatch, cols * plane, "Gradient of {@code " + p.z() + "}."));
    if (p.hasOwnActivation()) {
      f.add(Fields.rows(t, p.h(), maxBatch, s.out().size(), "Layer " + k + " output, "
          + p.spec().activation() + ", " + s.out() + " per sample."));
      f.add(Fields.rows(t, p.dh(), maxBatch, s.out().size(), "Gradient of {@code " + p.h()
          + "}."));
    }
    if (p.batchNorm()) {
      for (String name : new String[] {"gamma", "beta", "dgamma", "dbeta", "runningMean",
          "runningVar", "batchMean", "invStd", "bf", "noBias"}) {
        f.add(Fields.rows(t, p.name(name), 1, cols, "Layer " + k + " spatial batch norm: "
            + name + ", one per channel."));
      }
      f.add(Fields.rows(t, p.name("xhat"), maxBatch, cols * plane, "Normalized product, kept"
          + " for backward."));
      f.add(Fields.rows(t, p.name("wf"), cols, fanIn, "{@code " + p.name("w") + "} with batch"
          + " norm folded in, for evaluation."));
    }
    if (p.spec().activation() == Activation.PRELU) {
      f.add(Fields.rows(t, p.name("alpha"), 1, p.spec().units(), "Layer " + k
          + " PReLU slopes, one per channel."));
      f.add(Fields.rows(t, p.name("dalpha"), 1, p.spec().units(), "Gradient of {@code "
          + p.name("alpha") + "}."));
    }
    if (p.spec().activation() == Activation.MAXOUT) {
      f.add(ints(p.name("argmax"), maxBatch, s.out().size(), "Winning maxout piece of each"
          + " output."));
    }
    f.addAll(product.fields(p, t));
    return f;
  }

  static FieldSpec ints(String name, int rows, int cols, String doc) {
    return FieldSpec.builder(ArrayTypeName.of(ArrayTypeName.of(TypeName.INT)), name,
            Modifier.PRIVATE, Modifier.FINAL)
        .initializer("new int[$L][$L]", rows, cols)
        .addJavadoc(doc + "\n")
        .build();
  }

  @Override
  public List<TensorRef> params() {
    List<TensorRef> out = new ArrayList<>();
    out.add(new TensorRef("W", "WEIGHT", p.name("w"), p.name("dw")));
    if (p.batchNorm()) {
      out.add(new TensorRef("gamma", "GAMMA", p.name("gamma"), p.name("dgamma")));
      out.add(new TensorRef("beta", "BETA", p.name("beta"), p.name("dbeta")));
    } else {
      out.add(new TensorRef("b", "BIAS", p.name("b"), p.name("db")));
    }
    if (p.spec().activation() == Activation.PRELU) {
      out.add(new TensorRef("alpha", "ALPHA", p.name("alpha"), p.name("dalpha")));
    }
    return out;
  }

  @Override
  public List<TensorRef> buffers() {
    if (!p.batchNorm()) {
      return List.of();
    }
    return List.of(new TensorRef("runningMean", "RUNNING_MEAN", p.name("runningMean"), null),
        new TensorRef("runningVar", "RUNNING_VAR", p.name("runningVar"), null));
  }

  @Override
  public List<String> penalized() {
    return List.of(p.name("w"));
  }

  /** Weights by fan_in = C k k (and fan_out = F k k for Glorot), as PyTorch's conv layers. */
  @Override
  public CodeBlock initialize() {
    int size = p.image().window().size();
    CodeBlock.Builder c = CodeBlock.builder();
    c.add(InitEmitter.weights(p.spec(), p.name("w"), p.fanIn(), p.cols() * size * size));
    if (p.batchNorm()) {
      c.addStatement("$T.fill($L, 1)", RuntimeTypes.INIT, p.name("gamma"));
      c.addStatement("$T.fill($L, 0)", RuntimeTypes.INIT, p.name("beta"));
      c.addStatement("$T.fill($L, 0)", RuntimeTypes.INIT, p.name("runningMean"));
      c.addStatement("$T.fill($L, 1)", RuntimeTypes.INIT, p.name("runningVar"));
    } else {
      c.addStatement("$T.fill($L, 0)", RuntimeTypes.INIT, p.name("b"));
    }
    if (p.spec().activation() == Activation.PRELU) {
      c.addStatement("$T.fill($L, $L)", RuntimeTypes.INIT, p.name("alpha"), p.spec().alpha());
    }
    return c.build();
  }

  @Override
  public CodeBlock descend() {
    CodeBlock.Builder c = CodeBlock.builder();
    for (TensorRef param : params()) {
      c.addStatement("$T.descend($L, $L, rate)", RuntimeTypes.OPS, param.value(), param.grad());
    }
    return c.build();
  }

  @Override
  public MethodSpec forward() {
    MethodSpec.Builder m = MethodSpec.methodBuilder("forward" + p.index())
        .addModifiers(Modifier.PRIVATE)
        .addParameter(int.class, "n")
        .addJavadoc("Layer $L forward: $L.\n", p.index(), ImageTable.describe(p.image()));
    m.addCode(weightsOfMode(p, t));
    m.addCode(product.forward(p, t));
    if (p.batchNorm()) {
      m.addCode(SpatialBatchNorm.forward(p, t));
    }
    if (p.hasOwnActivation()) {
      m.addCode(ImageActivation.forward(p, t));
    }
    return m.build();
  }

  /** The locals {@code weights} and {@code bias}: the filters and bias of the mode. */
  static CodeBlock weightsOfMode(ImageLayerPlan p, Num t) {
    CodeBlock.Builder c = CodeBlock.builder();
    if (p.batchNorm()) {
      c.add("// training: the filters, no bias (beta replaces it); evaluation: batch norm folded"
          + " in\n");
      c.addStatement("$L[][] weights = training ? $L : $L", t.t(), p.name("w"), p.name("wf"));
      c.addStatement("$L[] bias = training ? $L[0] : $L[0]", t.t(), p.name("noBias"),
          p.name("bf"));
    } else {
      c.addStatement("$L[][] weights = $L", t.t(), p.name("w"));
      c.addStatement("$L[] bias = $L[0]", t.t(), p.name("b"));
    }
    return c.build();
  }

  @Override
  public MethodSpec backward() {
    MethodSpec.Builder m = MethodSpec.methodBuilder("backward" + p.index())
        .addModifiers(Modifier.PRIVATE)
        .addParameter(int.class, "n")
        .addParameter(t.type(), "reg")
        .addJavadoc("Layer $L backward, in mirror order of {@code forward$L}.\n", p.index(),
            p.index());
    if (p.hasOwnActivation()) {
      m.addCode(ImageActivation.backward(p, t));
    }
    if (p.batchNorm()) {
      m.addCode(SpatialBatchNorm.backward(p, t));
    }
    m.addCode(product.backward(p, t));
    return m.build();
  }

  @Override
  public CodeBlock prepareForEvaluation() {
    return p.batchNorm() ? CodeBlock.of("fold$L();\n", p.index()) : CodeBlock.builder().build();
  }

  @Override
  public List<MethodSpec> evaluationMethods() {
    if (!p.batchNorm()) {
      return List.of();
    }
    return List.of(MethodSpec.methodBuilder("fold" + p.index())
        .addModifiers(Modifier.PRIVATE)
        .addJavadoc("Layer $L's batch norm folded into its filters, for evaluation.\n",
            p.index())
        .addCode(SpatialBatchNorm.fold(p, t))
        .build());
  }

  @Override
  public void addMembers(TypeSpec.Builder type) {
    product.addMembers(type, p, t);
  }

  @Override
  public String summary() {
    return " (" + ImageTable.describe(p.image()) + ")";
  }
}
