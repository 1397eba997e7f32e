package dev.unroll.processor.plan;

/**
 * The transposed arrays (one row per unit, the batch along the row) a layer keeps besides its row
 * arrays, for the few-column product after a direct layer; all null for most layers.
 *
 * @param ht the layer's output transposed (units x max batch), written for a next layer with few
 *     columns, or null
 * @param xt the layer's input transposed (fan-in x max batch), read to write {@code ht}, or null
 * @param inT the input rows transposed (the previous layer's {@code ht}), or null
 * @param zt the product transposed (cols x max batch) when {@code inT} is set, or null
 * @param padded whether the transposed rows are padded to whole vectors (the columnar step)
 */
public record Layout(String ht, String xt, String inT, String zt, boolean padded) {
  /** No transposed arrays. */
  static final Layout ROWS = new Layout(null, null, null, null, false);
}
