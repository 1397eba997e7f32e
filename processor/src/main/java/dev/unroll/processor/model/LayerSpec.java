package dev.unroll.processor.model;

import dev.unroll.spec.Activation;
import dev.unroll.spec.Init;
import dev.unroll.spec.LayerKind;
import java.util.Locale;

/**
 * One layer as the compiler understands it, with every default resolved: {@code slope}, {@code
 * alpha}, {@code scale} and {@code pieces} hold the value the generated code uses (or NaN / 0 where
 * the activation or init has none).
 *
 * @param index 1-based position in source order
 * @param fanIn number of inputs (the previous layer's units, or the network's inputs)
 */
public record LayerSpec(
    int index,
    int fanIn,
    LayerKind kind,
    int units,
    Activation activation,
    Init init,
    double scale,
    boolean batchNorm,
    double slope,
    double alpha,
    int pieces) {

  /** Columns of the affine output: units times pieces for maxout. */
  public int cols() {
    return activation == Activation.MAXOUT ? units * pieces : units;
  }

  /** Whether the affine map has a bias (batch norm's beta replaces it). */
  public boolean hasBias() {
    return !batchNorm;
  }

  /** Canonical text of what shapes the weights, for the fingerprint. */
  public String architecture() {
    StringBuilder sb = new StringBuilder();
    sb.append(kind.name().toLowerCase(Locale.ROOT)).append(" units=").append(units);
    sb.append(" activation=").append(activation);
    switch (activation) {
      case LEAKY_RELU -> sb.append(" slope=").append(slope);
      case ELU -> sb.append(" alpha=").append(alpha);
      case MAXOUT -> sb.append(" pieces=").append(pieces);
      default -> { }
    }
    sb.append(" batchNorm=").append(batchNorm);
    return sb.toString();
  }
}
