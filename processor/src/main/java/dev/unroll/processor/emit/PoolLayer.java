package dev.unroll.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import dev.unroll.processor.model.ImageLayerSpec;
import dev.unroll.processor.plan.ImageLayerPlan;
import dev.unroll.spec.LayerKind;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * A max or average pooling layer: no parameters, its output rows and their gradient, and for max
 * pooling the index of each window's winner, kept from the forward pass ({@link PoolEmitter}
 * writes the loops).
 */
final class PoolLayer implements LayerEmitter {
  private final ImageLayerPlan p;
  private final Num t;
  private final int maxBatch;

  PoolLayer(ImageLayerPlan p, Num t, int maxBatch) {
    this.p = p;
    this.t = t;
    this.maxBatch = maxBatch;
  }

  @Override
  public ImageLayerPlan plan() {
    return p;
  }

  @Override
  public List<FieldSpec> fields() {
    ImageLayerSpec s = p.image();
    int k = p.index();
    boolean max = s.kind() == LayerKind.MAX_POOL;
    List<FieldSpec> f = new ArrayList<>();
    f.add(Fields.rows(t, p.h(), maxBatch, s.out().size(), "Layer " + k + " "
        + (max ? "max" : "average") + " pool output, " + s.out() + " per sample."));
    f.add(Fields.rows(t, p.dh(), maxBatch, s.out().size(), "Gradient of {@code " + p.h()
        + "}."));
    if (max) {
      f.add(ConvLayer.ints(p.name("argmax"), maxBatch, s.out().size(), "Index in the input row"
          + " of each window's winner (the first largest value, row-major)."));
    }
    return f;
  }

  @Override
  public List<TensorRef> params() {
    return List.of();
  }

  @Override
  public List<TensorRef> buffers() {
    return List.of();
  }

  @Override
  public List<String> penalized() {
    return List.of();
  }

  @Override
  public CodeBlock initialize() {
    return CodeBlock.builder().build();
  }

  @Override
  public CodeBlock descend() {
    return CodeBlock.builder().build();
  }

  @Override
  public MethodSpec forward() {
    return MethodSpec.methodBuilder("forward" + p.index())
        .addModifiers(Modifier.PRIVATE)
        .addParameter(int.class, "n")
        .addJavadoc("Layer $L forward: $L.\n", p.index(), ImageTable.describe(p.image()))
        .addCode(PoolEmitter.forward(p, t))
        .build();
  }

  @Override
  public MethodSpec backward() {
    MethodSpec.Builder m = MethodSpec.methodBuilder("backward" + p.index())
        .addModifiers(Modifier.PRIVATE)
        .addParameter(int.class, "n")
        .addParameter(t.type(), "reg")
        .addJavadoc("Layer $L backward, in mirror order of {@code forward$L}.\n", p.index(),
            p.index());
    if (p.dIn() == null) {
      return m.addComment("nothing before this layer learns: no input gradient to pass back")
          .build();
    }
    return m.addCode(PoolEmitter.backward(p, t)).build();
  }

  @Override
  public String summary() {
    return " (" + ImageTable.describe(p.image()) + ")";
  }
}
