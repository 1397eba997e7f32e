package dev.unroll.processor.plan;

import dev.unroll.processor.model.NetSpec;
import java.util.List;

/**
 * The planned network: the spec, one {@link LayerPlan} per layer, how the step runs, and the
 * constants baked into the generated class.
 *
 * @param step the network step's strategy: row arrays layer by layer, or columnar
 * @param scores rows of class scores (the last layer's activation output)
 * @param dScores their gradient, written by the loss
 * @param fingerprint SHA-256 of the architecture, computed at compile time
 */
public record NetPlan(NetSpec spec, List<LayerPlan> layers, Step step, String scores,
    String dScores, String fingerprint) {

  /** How the training step runs. */
  public enum Step {
    /** Layer methods {@code forwardK}/{@code backwardK} over row arrays. */
    ROWS,
    /**
     * Two layers (a direct layer into a few-column softmax head, vector backend, Vector API
     * readable at compile time) forward, loss and backward on transposed arrays with Vector API
     * loops written into the class.
     */
    COLUMNAR
  }
}
