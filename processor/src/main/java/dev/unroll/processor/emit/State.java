package dev.unroll.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeSpec;
import dev.unroll.processor.plan.NetPlan;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Per-instance state besides the layer arrays, and the named tensor lists tools read. */
final class State {
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
    for (String list : List.of("params", "buffers", "activations")) {
      type.addField(FieldSpec.builder(RuntimeTypes.TENSORS, list, Modifier.PRIVATE, Modifier.FINAL)
          .build());
    }
  }

  /** Constructor code filling the three immutable tensor lists. */
  static CodeBlock tensorLists(List<LayerEmitter> layers) {
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

  private static CodeBlock tensor(int k, TensorRef r) {
    return CodeBlock.of("\n$T.of($S, $T.$L, $L, $L, $L)", RuntimeTypes.TENSOR,
        "layer" + k + "." + r.name(), RuntimeTypes.ROLE, r.role(), k, r.value(),
        r.grad() == null ? "null" : r.grad());
  }

  private static CodeBlock joined(List<CodeBlock> items) {
    return CodeBlock.join(items, ",");
  }
}
