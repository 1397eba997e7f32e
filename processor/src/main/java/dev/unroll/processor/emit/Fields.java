package dev.unroll.processor.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeName;
import dev.unroll.processor.plan.LayerPlan;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/** The arrays of each layer, allocated once in their field initializers. */
final class Fields {
  private Fields() {}

  /**
   * {@code columnar}: the network runs on transposed arrays ({@link Columnar}), padded to whole
   * vectors, and keeps no transposed weight gradient.
   */
  static List<FieldSpec> of(LayerPlan p, Num t, int maxBatch, boolean columnar) {
    List<FieldSpec> f = new ArrayList<>();
    int k = p.index();
    int cols = p.cols();
    String shape = p.fanIn() + " x " + cols;
    f.add(rows(t, p.w(), p.fanIn(), cols, "Layer " + k + " weights, " + shape
        + ": one row per input."));
    f.add(rows(t, p.dw(), p.fanIn(), cols, "Gradient of {@code " + p.w() + "}."));
    if (p.dwt() != null && !columnar) {
      f.add(rows(t, p.dwt(), cols, p.fanIn(), "{@code " + p.dw() + "} transposed, accumulated"
          + " one output column at a time."));
    }
    if (p.wt() != null) {
      f.add(rows(t, p.wt(), cols, p.fanIn(), "{@code " + p.w() + "} transposed, for dx = dz W^T."));
    }
    if (p.b() != null) {
      f.add(rows(t, p.b(), 1, cols, "Layer " + k + " bias."));
      f.add(rows(t, p.db(), 1, cols, "Gradient of {@code " + p.b() + "}."));
    }
    // a direct layer with an activation writes h from the product: z is never stored, and dz
    // only for the input gradient of a layer that has one
    boolean skipZ = p.direct() && p.hasOwnActivation();
    if (!skipZ) {
      f.add(rows(t, p.z(), maxBatch, cols, "Layer " + k + " pre-activations"
          + (p.gamma() != null ? " (after batch norm)" : "")
          + (p.hasOwnActivation() ? "" : ", also its output") + ", one row per sample."));
    }
    if (!skipZ || p.dIn() != null) {
      f.add(rows(t, p.dz(), maxBatch, cols, "Gradient of the layer " + k
          + " pre-activations."));
    }
    if (p.hasOwnActivation()) {
      f.add(rows(t, p.h(), maxBatch, p.units(), "Layer " + k + " output, "
          + p.activation() + " of its pre-activations."));
      f.add(rows(t, p.dh(), maxBatch, p.units(), "Gradient of {@code " + p.h() + "}."));
    }
    if (p.gamma() != null) {
      f.add(rows(t, p.gamma(), 1, cols, "Layer " + k + " batch-norm scale."));
      f.add(rows(t, p.beta(), 1, cols, "Layer " + k + " batch-norm shift."));
      f.add(rows(t, p.dgamma(), 1, cols, "Gradient of {@code " + p.gamma() + "}."));
      f.add(rows(t, p.dbeta(), 1, cols, "Gradient of {@code " + p.beta() + "}."));
      f.add(rows(t, p.runningMean(), 1, cols, "Layer " + k + " running mean."));
      f.add(rows(t, p.runningVar(), 1, cols, "Layer " + k + " running (biased) variance."));
      f.add(rows(t, p.batchMean(), 1, cols, "Mean used by the last forward pass."));
      f.add(rows(t, p.invStd(), 1, cols, "1 / sqrt(var + eps) of the last forward pass."));
      f.add(rows(t, p.xhat(), maxBatch, cols, "Normalized pre-activations, kept for backward."));
      f.add(rows(t, p.wf(), p.fanIn(), cols, "{@code " + p.w() + "} with batch norm folded in,"
          + " for evaluation."));
      f.add(rows(t, p.bf(), 1, cols, "The folded bias, for evaluation."));
      f.add(rows(t, p.noBias(), 1, cols, "Zeros: the bias of the product in training."));
    }
    if (p.wp() != null) {
      f.add(FieldSpec.builder(t.row(), p.wp(), Modifier.PRIVATE, Modifier.FINAL)
          .initializer("new $L[$T.flatSize($L, $L)]", t.t(), t.kernels(), p.fanIn(), cols)
          .addJavadoc("{@code $L}$L row after row in one array, for evaluating 1 to 3 samples"
              + " (see fold()).\n", p.w(), p.wf() != null ? " with batch norm folded in" : "")
          .build());
    }
    if (p.alpha() != null) {
      f.add(rows(t, p.alpha(), 1, p.units(), "Layer " + k + " PReLU slopes, one per unit."));
      f.add(rows(t, p.dalpha(), 1, p.units(), "Gradient of {@code " + p.alpha() + "}."));
    }
    if (p.ht() != null) {
      String doc = "{@code " + p.h() + "} transposed (one row per unit), for the next layer's"
          + " few-column product.";
      String xtDoc = "This layer's input transposed, to write {@code " + p.ht() + "}.";
      f.add(columnar ? Columnar.paddedRows(t, p.ht(), p.units(), maxBatch, doc)
          : rows(t, p.ht(), p.units(), maxBatch, doc));
      f.add(columnar ? Columnar.paddedRows(t, p.xt(), p.fanIn(), maxBatch, xtDoc)
          : rows(t, p.xt(), p.fanIn(), maxBatch, xtDoc));
    }
    if (p.zt() != null) {
      String doc = "{@code " + p.z() + "} transposed: the product as axpys over the batch.";
      f.add(columnar ? Columnar.paddedRows(t, p.zt(), cols, maxBatch, doc)
          : rows(t, p.zt(), cols, maxBatch, doc));
    }
    if (p.argmax() != null) {
      f.add(FieldSpec.builder(ArrayTypeName.of(ArrayTypeName.of(TypeName.INT)), p.argmax(),
              Modifier.PRIVATE, Modifier.FINAL)
          .initializer("new int[$L][$L]", maxBatch, p.units())
          .addJavadoc("Winning maxout piece of each output.\n")
          .build());
    }
    return f;
  }

  static FieldSpec rows(Num t, String name, int rows, int cols, String doc) {
    return FieldSpec.builder(t.rows(), name, Modifier.PRIVATE, Modifier.FINAL)
        .initializer("new $L[$L][$L]", t.t(), rows, cols)
        .addJavadoc(doc + "\n")
        .build();
  }
}
