package dev.unroll.processor.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeName;
import dev.unroll.processor.plan.ActivationPlan;
import dev.unroll.processor.plan.AffinePlan;
import dev.unroll.processor.plan.BatchNormPlan;
import dev.unroll.processor.plan.DensePlan;
import dev.unroll.processor.plan.Layout;
import dev.unroll.processor.plan.Product;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/** The arrays of a dense layer, allocated once in their field initializers. */
final class Fields {
  private Fields() {}

  /**
   * Every array {@code p} names. Transposed rows of the columnar step ({@link Layout#padded()})
   * are padded to whole vectors.
   */
  static List<FieldSpec> of(DensePlan p, Num t, int maxBatch) {
    List<FieldSpec> f = new ArrayList<>();
    AffinePlan a = p.affine();
    BatchNormPlan bn = p.batchNorm();
    ActivationPlan act = p.activation();
    Layout l = p.layout();
    boolean columnar = l.padded();
    int k = p.index();
    int cols = p.cols();
    String shape = p.fanIn() + " x " + cols;
    f.add(rows(t, a.w(), p.fanIn(), cols, "Layer " + k + " weights, " + shape
        + ": one row per input."));
    f.add(rows(t, a.dw(), p.fanIn(), cols, "Gradient of {@code " + a.w() + "}."));
    if (a.dwt() != null) {
      f.add(rows(t, a.dwt(), cols, p.fanIn(), "{@code " + a.dw() + "} transposed, accumulated"
          + " one output column at a time."));
    }
    if (a.wt() != null) {
      f.add(rows(t, a.wt(), cols, p.fanIn(), "{@code " + a.w() + "} transposed, for dx = dz W^T."));
    }
    if (a.b() != null) {
      f.add(rows(t, a.b(), 1, cols, "Layer " + k + " bias."));
      f.add(rows(t, a.db(), 1, cols, "Gradient of {@code " + a.b() + "}."));
    }
    // a direct layer with an activation writes h from the product: z is never stored, and dz
    // only for the input gradient of a layer that has one
    boolean skipZ = p.product() == Product.DIRECT && act.ownOutput();
    if (!skipZ) {
      f.add(rows(t, act.z(), maxBatch, cols, "Layer " + k + " pre-activations"
          + (bn != null ? " (after batch norm)" : "")
          + (act.ownOutput() ? "" : ", also its output") + ", one row per sample."));
    }
    if (!skipZ || p.dIn() != null) {
      f.add(rows(t, act.dz(), maxBatch, cols, "Gradient of the layer " + k
          + " pre-activations."));
    }
    if (act.ownOutput()) {
      f.add(rows(t, p.h(), maxBatch, p.units(), "Layer " + k + " output, "
          + act.kind() + " of its pre-activations."));
      f.add(rows(t, p.dh(), maxBatch, p.units(), "Gradient of {@code " + p.h() + "}."));
    }
    if (bn != null) {
      f.add(rows(t, bn.gamma(), 1, cols, "Layer " + k + " batch-norm scale."));
      f.add(rows(t, bn.beta(), 1, cols, "Layer " + k + " batch-norm shift."));
      f.add(rows(t, bn.dgamma(), 1, cols, "Gradient of {@code " + bn.gamma() + "}."));
      f.add(rows(t, bn.dbeta(), 1, cols, "Gradient of {@code " + bn.beta() + "}."));
      f.add(rows(t, bn.runningMean(), 1, cols, "Layer " + k + " running mean."));
      f.add(rows(t, bn.runningVar(), 1, cols, "Layer " + k + " running (biased) variance."));
      f.add(rows(t, bn.batchMean(), 1, cols, "Mean used by the last forward pass."));
      f.add(rows(t, bn.invStd(), 1, cols, "1 / sqrt(var + eps) of the last forward pass."));
      f.add(rows(t, bn.xhat(), maxBatch, cols, "Normalized pre-activations, kept for backward."));
      f.add(rows(t, bn.wf(), p.fanIn(), cols, "{@code " + a.w() + "} with batch norm folded in,"
          + " for evaluation."));
      f.add(rows(t, bn.bf(), 1, cols, "The folded bias, for evaluation."));
      f.add(rows(t, bn.noBias(), 1, cols, "Zeros: the bias of the product in training."));
    }
    if (a.wp() != null) {
      f.add(FieldSpec.builder(t.row(), a.wp(), Modifier.PRIVATE, Modifier.FINAL)
          .initializer("new $L[$T.flatSize($L, $L)]", t.t(), t.kernels(), p.fanIn(), cols)
          .addJavadoc("{@code $L}$L row after row in one array, for evaluating 1 to 3 samples"
              + " (see fold()).\n", a.w(), bn != null ? " with batch norm folded in" : "")
          .build());
    }
    if (act.alpha() != null) {
      f.add(rows(t, act.alpha(), 1, p.units(), "Layer " + k + " PReLU slopes, one per unit."));
      f.add(rows(t, act.dalpha(), 1, p.units(), "Gradient of {@code " + act.alpha() + "}."));
    }
    if (l.ht() != null) {
      String doc = "{@code " + p.h() + "} transposed (one row per unit), for the next layer's"
          + " few-column product.";
      String xtDoc = "This layer's input transposed, to write {@code " + l.ht() + "}.";
      f.add(columnar ? paddedRows(t, l.ht(), p.units(), maxBatch, doc)
          : rows(t, l.ht(), p.units(), maxBatch, doc));
      f.add(columnar ? paddedRows(t, l.xt(), p.fanIn(), maxBatch, xtDoc)
          : rows(t, l.xt(), p.fanIn(), maxBatch, xtDoc));
    }
    if (l.zt() != null) {
      String doc = "{@code " + act.z() + "} transposed: the product as axpys over the batch.";
      f.add(columnar ? paddedRows(t, l.zt(), cols, maxBatch, doc)
          : rows(t, l.zt(), cols, maxBatch, doc));
    }
    if (act.argmax() != null) {
      f.add(FieldSpec.builder(ArrayTypeName.of(ArrayTypeName.of(TypeName.INT)), act.argmax(),
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

  /** {@code new float[rows][FloatKernels.padded(maxBatch)]}: rows along the batch. */
  static FieldSpec paddedRows(Num t, String name, int rows, int maxBatch, String doc) {
    return FieldSpec.builder(t.rows(), name, Modifier.PRIVATE, Modifier.FINAL)
        .initializer("new $L[$L][$T.padded($L)]", t.t(), rows, t.kernels(), maxBatch)
        .addJavadoc(doc + "\n")
        .build();
  }
}
