package dev.unroll.processor.plan;

import dev.unroll.processor.model.LayerSpec;
import dev.unroll.spec.Activation;

/**
 * How one layer is laid out and looped: the names of its arrays (aliases where a stage is the
 * identity, so no copy is made), and which loops are unrolled.
 *
 * @param in the layer's input rows ({@code input} for the first layer)
 * @param dIn gradient rows of the input, or null for the first layer: the network's input needs
 *     no gradient, so that product is never computed
 * @param h the activation output; the same array as {@code z} for IDENTITY
 * @param dh gradient of {@code h}; the same array as {@code dz} for IDENTITY
 * @param wt the transposed weights used for the input gradient, or null where not needed (the
 *     first layer, tiny layers, and vector layers, whose kernels read W's rows)
 * @param dwt the transposed weight gradient, accumulated as axpys when the layer has few columns
 *     (then dW is its transpose), or null
 * @param unrollInputs whether the loop over inputs is written out (small fan-in)
 * @param unrollCols whether the loop over output columns is written out (few outputs)
 * @param parallel whether the layer's products are large enough to split across threads
 * @param vector whether the layer's products call the Vector API kernels
 * @param vectorActivation whether an exp-based activation calls the Vector API (vectorized exp)
 * @param direct whether the layer (written-out fan-in, many columns, no batch norm, ReLU or
 *     identity) writes its output straight from the product and takes dW, db and the mask in one
 *     pass per sample: on tiny layers every pass over the batch costs L2 bandwidth, not arithmetic
 * @param ht the layer's output transposed (units x max batch), written for a next layer with few
 *     columns, or null
 * @param xt the layer's input transposed (fan-in x max batch), read to write {@code ht}, or null
 * @param inT the input rows transposed (the previous layer's {@code ht}), or null: a few-column
 *     product then runs as axpys over the batch instead of dot products over the fan-in
 * @param zt the product transposed (cols x max batch) when {@code inT} is set, or null
 * @param wf batch norm folded into the weights for evaluation, {@code W[m][j] gamma_j /
 *     sqrt(var_j + eps)}, or null without batch norm
 * @param bf the folded bias, {@code beta_j - mean_j gamma_j / sqrt(var_j + eps)}, or null
 * @param noBias a zero bias row: a batch-norm layer's product in training (beta replaces the
 *     bias), so both modes run one product code, or null
 * @param wp the weights of a Vector API layer laid out flat for evaluating 1 to 3 samples (W, or
 *     W' with batch norm, row after row: one contiguous stream), or null
 */
public record LayerPlan(
    LayerSpec spec,
    String in,
    String dIn,
    String w,
    String dw,
    String wt,
    String dwt,
    String b,
    String db,
    String z,
    String dz,
    String h,
    String dh,
    String gamma,
    String beta,
    String dgamma,
    String dbeta,
    String runningMean,
    String runningVar,
    String xhat,
    String batchMean,
    String invStd,
    String alpha,
    String dalpha,
    String argmax,
    boolean unrollInputs,
    boolean unrollCols,
    boolean parallel,
    boolean vector,
    boolean vectorActivation,
    boolean direct,
    String ht,
    String xt,
    String inT,
    String zt,
    String wf,
    String bf,
    String noBias,
    String wp) {

  /** 1-based index. */
  public int index() {
    return spec.index();
  }

  /** Number of inputs. */
  public int fanIn() {
    return spec.fanIn();
  }

  /** Columns of the affine output. */
  public int cols() {
    return spec.cols();
  }

  /** Units after the activation. */
  public int units() {
    return spec.units();
  }

  /** The activation. */
  public Activation activation() {
    return spec.activation();
  }

  /** Method computing a column range of the forward product. */
  public String affine() {
    return "affine" + index();
  }

  /** Method computing a column range of the weight gradient. */
  public String weightGrad() {
    return "weightGrad" + index();
  }

  /** Method computing a column range of the input gradient. */
  public String inputGrad() {
    return "inputGrad" + index();
  }

  /** Task transposing a column range of the weights into {@code wt}. */
  public String transpose() {
    return "transpose" + index();
  }

  /** Task applying the SGD update to a row range of the weights. */
  public String descend() {
    return "descend" + index();
  }

  /**
   * The weights the forward product reads: the layer's own, or for batch norm a local chosen by
   * mode ({@code W} in training, the folded {@code wf} in evaluation).
   */
  public String productWeights() {
    return wf == null ? w : "weights";
  }

  /** Whether the forward product adds a bias row (batch norm's: zeros or the folded bias). */
  public boolean productHasBias() {
    return b != null || bf != null;
  }

  /**
   * This layer's product without bias or folding, into {@code xhat}, on one thread: evaluation
   * mode's backward recomputes the normalized input batch norm's gamma gradient needs, which the
   * folded forward pass never formed.
   */
  public LayerPlan productIntoXhat() {
    return new LayerPlan(spec, in, dIn, w, dw, wt, dwt, null, null, xhat, dz, h, dh, gamma, beta,
        dgamma, dbeta, runningMean, runningVar, xhat, batchMean, invStd, alpha, dalpha, argmax,
        unrollInputs, unrollCols, false, vector, vectorActivation, direct, ht, xt, inT, zt, null,
        null, null, null);
  }

  /** Whether the activation output is a separate array. */
  public boolean hasOwnActivation() {
    return spec.activation() != Activation.IDENTITY;
  }
}
