package dev.unroll.processor.plan;

/**
 * The fully connected map {@code z = x W + b} of a layer: its arrays and its product's shape.
 *
 * @param w the weights, fan-in x cols, one row per input
 * @param dw gradient of {@code w}
 * @param b the bias row, or null with batch norm (beta replaces it)
 * @param db gradient of {@code b}, or null
 * @param wt the transposed weights the input gradient reads, or null where not needed (the first
 *     layer, written-out layers, and vector layers, whose kernels read W's rows)
 * @param dwt the transposed weight gradient, accumulated as axpys when the layer has few columns
 *     (then dW is its transpose), or null
 * @param wp the weights of a vector layer laid out flat for evaluating 1 to 3 samples (W, or W'
 *     with batch norm, row after row: one contiguous stream), or null
 * @param product the shape of the three products
 * @param split whether the products are large enough to split across threads (ranged shapes
 *     only)
 */
public record AffinePlan(String w, String dw, String b, String db, String wt, String dwt,
    String wp, Product product, boolean split) {

  /** The same map without bias, on one thread: the product batch norm's backward recomputes. */
  AffinePlan unsplitWithoutBias() {
    return new AffinePlan(w, dw, null, null, wt, dwt, null, product, false);
  }
}
