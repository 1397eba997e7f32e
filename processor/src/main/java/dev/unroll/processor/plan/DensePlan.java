package dev.unroll.processor.plan;

import dev.unroll.processor.model.LayerSpec;

/**
 * A fully connected layer: its product, optional batch norm and activation, in that order, and
 * the transposed arrays its product shape keeps.
 *
 * @param in the input rows ({@code input} for the first layer)
 * @param dIn gradient rows of the input, or null for the first layer
 * @param affine {@code z = x W + b} and the product's shape
 * @param batchNorm batch norm on {@code z}, or null
 * @param activation {@code h = f(z)}
 * @param layout transposed arrays of the few-column products around a direct layer
 */
public record DensePlan(LayerSpec spec, String in, String dIn, AffinePlan affine,
    BatchNormPlan batchNorm, ActivationPlan activation, Layout layout) implements LayerPlan {

  @Override
  public String h() {
    return activation.h();
  }

  @Override
  public String dh() {
    return activation.dh();
  }

  /** Columns of the affine output: units times pieces for maxout. */
  public int cols() {
    return spec.cols();
  }

  /** The product's shape. */
  public Product product() {
    return affine.product();
  }

  /** Whether the products run in column ranges split across threads. */
  public boolean split() {
    return affine.split();
  }

  /**
   * The weights the forward product reads: the layer's own, or for batch norm a local chosen by
   * mode ({@code W} in training, the folded {@code wf} in evaluation).
   */
  public String productWeights() {
    return batchNorm == null ? affine.w() : "weights";
  }

  /** Whether the forward product adds a bias row (batch norm's: zeros or the folded bias). */
  public boolean productHasBias() {
    return affine.b() != null || batchNorm != null;
  }

  /**
   * This layer's product without bias or folding, into {@code xhat}, on one thread: evaluation
   * mode's backward recomputes the normalized input batch norm's gamma gradient needs, which the
   * folded forward pass never formed.
   */
  public DensePlan productIntoXhat() {
    return new DensePlan(spec, in, dIn, affine.unsplitWithoutBias(), null,
        activation.withZ(batchNorm.xhat()), layout);
  }
}
