package dev.unroll.processor.plan;

/**
 * The shape of a dense layer's three products ({@code z = x W + b}, {@code dW = x^T dz}, {@code
 * dx = dz W^T}), chosen by the {@link Planner} from the layer's sizes and the backend. The emit
 * stage writes each shape with one strategy class, forward beside backward; a layer large enough
 * to split across threads ({@link AffinePlan#split()}) runs its range shape in column ranges.
 */
public enum Product {
  /** Fan-in <= 4 and columns <= 8: every product one written-out expression per element. */
  WRITTEN_OUT,
  /**
   * Fan-in <= 4 written out, columns looped, no batch norm, ReLU or identity: h straight from the
   * product, dz, dW and db in one backward pass per sample; before a few-column head it also
   * writes its output transposed ({@link Layout#ht()}): direct-to-head.
   */
  DIRECT,
  /** Fan-in <= 4 written out, columns looped (batch norm or another activation follows). */
  WRITTEN_OUT_FAN_IN,
  /** Columns <= 8 over a wide fan-in: a register per column, dW as axpys into {@code dW^T}. */
  FEW_COLUMNS,
  /**
   * Few columns after a direct-to-head layer: the forward product as axpys over the batch from
   * the previous layer's transposed output; backward as {@link #FEW_COLUMNS}.
   */
  FEW_COLUMNS_TRANSPOSED,
  /** Wide on both sides, plain backend: axpys of four weight rows per pass, C2 vectorizes them. */
  PAIRED_ROWS,
  /** Wide on both sides, vector backend: the Vector API kernels' register-blocked strips. */
  VECTOR_STRIPS;

  /** Whether the shape computes a column range, so it can be split across threads. */
  public boolean ranged() {
    return this == PAIRED_ROWS || this == VECTOR_STRIPS;
  }
}
