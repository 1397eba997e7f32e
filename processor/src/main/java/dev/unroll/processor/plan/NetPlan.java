package dev.unroll.processor.plan;

import dev.unroll.processor.model.NetSpec;
import java.util.List;

/**
 * The planned network: the spec, one {@link LayerPlan} per layer, and the constants baked into
 * the generated class.
 *
 * @param image the conv and pooling layers, before {@code layers} (empty for a dense network)
 * @param layers the dense layers
 * @param scores rows of class scores (the last layer's activation output)
 * @param dScores their gradient, written by the loss
 * @param fingerprint SHA-256 of the architecture, computed at compile time
 * @param columnar whether the network (two layers: a direct layer into a few-column softmax head,
 *     vector backend, Vector API readable at compile time) runs forward, loss and backward on
 *     transposed arrays with Vector API loops written into the class
 */
public record NetPlan(NetSpec spec, List<ImageLayerPlan> image, List<LayerPlan> layers, String scores, String dScores,
    String fingerprint, boolean columnar) {}
