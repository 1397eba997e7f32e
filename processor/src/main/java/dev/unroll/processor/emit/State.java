package dev.unroll.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.unroll.processor.plan.NetPlan;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Per-instance state besides the layer arrays, and the named tensor lists tools read. */
final class State {
  private static final List<String> LISTS = List.of("params", "buffers", "activations");

  private State() {}

  static void addFields(TypeSpec.Builder type, NetPlan plan, Num t, NetworkStep step) {
    int inputs = plan.spec().inputs();
    int maxBatch = plan.spec().maxBatch();
    type.addField(FieldSpec.builder(t.rows(), "converted", Modifier.PRIVATE, Modifier.FINAL)
        .initializer("new $L[$L][$L]", t.t(), maxBatch, inputs)
        .addJavadoc("Inputs given in the other precision, converted here without allocating.\n")
        .build());
    type.addField(FieldSpec.builder(t.rows(), "input", Modifier.PRIVATE)
        .addJavadoc("The last forward pass's input rows (not copied), for the weight gradient.\n")
        .build());
    type.addField(FieldSpec.builder(int.class, "n", Modifier.PRIVATE)
        .addJavadoc("Rows in the last forward pass.\n").build());
    type.addField(FieldSpec.builder(boolean.class, "lossReady", Modifier.PRIVATE)
        .addJavadoc("Whether loss() ran since the last forward pass.\n").build());
    type.addField(FieldSpec.builder(boolean.class, "training", Modifier.PRIVATE)
        .initializer("true").build());
    type.addField(FieldSpec.builder(double.class, "l2", Modifier.PRIVATE).build());
    type.addField(FieldSpec.builder(t.type(), "rate", Modifier.PRIVATE)
        .addJavadoc("Learning rate of the update in progress, for the update's worker tasks.\n")
        .build());
    step.addFields(type);
    type.addField(FieldSpec.builder(double.class, "dataLoss", Modifier.PRIVATE).build());
    type.addField(FieldSpec.builder(double.class, "regLoss", Modifier.PRIVATE).build());
    for (String list : LISTS) {
      type.addField(FieldSpec.builder(RuntimeTypes.TENSORS, list, Modifier.PRIVATE, Modifier.FINAL)
          .build());
    }
  }

  /**
   * Constructor code filling the three immutable tensor lists; a deep network's go through
   * lists the chunk methods {@code tensorsLayersAToB} fill.
   */
  static CodeBlock tensorLists(TypeSpec.Builder type, List<LayerEmitter> layers) {
    if (PerLayer.deep(layers)) {
      return deepTensorLists(type, layers);
    }
    List<CodeBlock> params = new ArrayList<>();
    List<CodeBlock> buffers = new ArrayList<>();
    List<CodeBlock> activations = new ArrayList<>();
    for (LayerEmitter layer : layers) {
      int k = layer.plan().index();
      for (TensorRef p : layer.params()) {
        params.add(tensor(k, p));
      }
      for (TensorRef b : layer.buffers()) {
        buffers.add(tensor(k, b));
      }
      activations.add(tensor(k,
          new TensorRef("h", "ACTIVATION", layer.plan().h(), layer.plan().dh())));
    }
    return CodeBlock.builder()
        .addStatement("this.params = $T.of($L)", List.class, joined(params))
        .addStatement("this.buffers = $T.of($L)", List.class, joined(buffers))
        .addStatement("this.activations = $T.of($L)", List.class, joined(activations))
        .build();
  }

  private static CodeBlock deepTensorLists(TypeSpec.Builder type, List<LayerEmitter> layers) {
    TypeName list = RuntimeTypes.TENSORS;
    MethodSpec.Builder c = MethodSpec.constructorBuilder();
    for (String name : LISTS) {
      c.addStatement("$T $LList = new $T<>()", list, name, ArrayList.class);
    }
    List<PerLayer.Block> blocks = new ArrayList<>();
    for (LayerEmitter layer : layers) {
      int k = layer.plan().index();
      CodeBlock.Builder b = CodeBlock.builder();
      for (TensorRef p : layer.params()) {
        b.addStatement("paramsList.add($L)", tensor(k, p));
      }
      for (TensorRef r : layer.buffers()) {
        b.addStatement("buffersList.add($L)", tensor(k, r));
      }
      b.addStatement("activationsList.add($L)", tensor(k,
          new TensorRef("h", "ACTIVATION", layer.plan().h(), layer.plan().dh())));
      blocks.add(new PerLayer.Block(k, b.build()));
    }
    List<ParameterSpec> params = LISTS.stream()
        .map(name -> ParameterSpec.builder(list, name + "List").build()).toList();
    PerLayer.add(type, c, true, "tensors", blocks, params,
        "paramsList, buffersList, activationsList");
    for (String name : LISTS) {
      c.addStatement("this.$L = $T.copyOf($LList)", name, List.class, name);
    }
    return c.build().code();
  }

  private static CodeBlock tensor(int k, TensorRef r) {
    return CodeBlock.of("\n$T.of($S, $T.$L, $L, $L, $L)", RuntimeTypes.TENSOR,
        "layer" + k + "." + r.name(), RuntimeTypes.ROLE, r.role(), k, r.value(),
        r.grad() == null ? "null" : r.grad());
  }

  private static CodeBlock joined(List<CodeBlock> items) {
    return CodeBlock.join(items, ",");
  }
}
