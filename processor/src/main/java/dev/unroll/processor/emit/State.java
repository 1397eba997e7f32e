package dev.unroll.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.unroll.processor.plan.LayerPlan;
import dev.unroll.processor.plan.NetPlan;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Per-instance state besides the layer arrays, and the named tensor lists tools read. */
final class State {
  static final ClassName TENSOR = ClassName.get("dev.unroll.runtime", "Tensor");
  static final ClassName ROLE = TENSOR.nestedClass("Role");
  static final TypeName TENSORS =
      ParameterizedTypeName.get(ClassName.get(List.class), TENSOR);

  private State() {}

  static void addFields(TypeSpec.Builder type, NetPlan plan, Num t) {
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
    String scratchDoc = "e^(s - max) per class, log-sum and 1 / (sum n) per sample, for the"
        + " vectorized softmax.";
    if (plan.columnar()) {
      type.addField(Columnar.paddedRows(t, "lossScratch", plan.spec().outputs() + 2, maxBatch,
          scratchDoc));
      Columnar.addFields(type, plan, t);
    } else if (LossEmitter.overColumns(plan)) {
      type.addField(FieldSpec.builder(t.rows(), "lossScratch", Modifier.PRIVATE, Modifier.FINAL)
          .initializer("new $L[$L][$L]", t.t(), plan.spec().outputs() + 2, maxBatch)
          .addJavadoc(scratchDoc + "\n")
          .build());
    }
    type.addField(FieldSpec.builder(double.class, "dataLoss", Modifier.PRIVATE).build());
    type.addField(FieldSpec.builder(double.class, "regLoss", Modifier.PRIVATE).build());
    for (String list : List.of("params", "buffers", "activations")) {
      type.addField(FieldSpec.builder(TENSORS, list, Modifier.PRIVATE, Modifier.FINAL).build());
    }
  }

  /** Constructor code filling the three immutable tensor lists. */
  static CodeBlock tensorLists(NetPlan plan) {
    List<CodeBlock> params = new ArrayList<>();
    List<CodeBlock> buffers = new ArrayList<>();
    List<CodeBlock> activations = new ArrayList<>();
    ImageLayers.tensors(plan, params, buffers, activations);
    for (LayerPlan p : plan.layers()) {
      int k = p.index();
      params.add(tensor(k, "W", "WEIGHT", p.w(), p.dw()));
      if (p.b() != null) {
        params.add(tensor(k, "b", "BIAS", p.b(), p.db()));
      }
      if (p.gamma() != null) {
        params.add(tensor(k, "gamma", "GAMMA", p.gamma(), p.dgamma()));
        params.add(tensor(k, "beta", "BETA", p.beta(), p.dbeta()));
        buffers.add(tensor(k, "runningMean", "RUNNING_MEAN", p.runningMean(), null));
        buffers.add(tensor(k, "runningVar", "RUNNING_VAR", p.runningVar(), null));
      }
      if (p.alpha() != null) {
        params.add(tensor(k, "alpha", "ALPHA", p.alpha(), p.dalpha()));
      }
      activations.add(tensor(k, "h", "ACTIVATION", p.h(), p.dh()));
    }
    return CodeBlock.builder()
        .addStatement("this.params = $T.of($L)", List.class, joined(params))
        .addStatement("this.buffers = $T.of($L)", List.class, joined(buffers))
        .addStatement("this.activations = $T.of($L)", List.class, joined(activations))
        .build();
  }

  private static CodeBlock tensor(int k, String name, String role, String value, String grad) {
    return CodeBlock.of("\n$T.of($S, $T.$L, $L, $L, $L)", TENSOR, "layer" + k + "." + name, ROLE,
        role, k, value, grad == null ? "null" : grad);
  }

  private static CodeBlock joined(List<CodeBlock> items) {
    return CodeBlock.join(items, ",");
  }
}
