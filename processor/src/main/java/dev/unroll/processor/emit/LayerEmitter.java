package dev.unroll.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.unroll.processor.plan.DensePlan;
import dev.unroll.processor.plan.ImageLayerPlan;
import dev.unroll.processor.plan.LayerPlan;
import java.util.List;

/**
 * How one kind of layer is written into the class: its arrays, its tensors, its share of the
 * class-wide methods ({@code initialize}, {@code sgdStep}, the L2 term, {@code fold}) and its two
 * layer methods {@code forwardK(n)} and {@code backwardK(n, reg)}. The row step calls the layer
 * methods in order; everything else iterates the layers through this interface, so a new kind
 * (convolution, pooling) is a new {@link LayerPlan} record and a new implementation here, chosen
 * in {@link #of}.
 */
interface LayerEmitter {
  /** The emitter of {@code plan}'s kind. */
  static LayerEmitter of(LayerPlan plan, Num t, int maxBatch) {
    if (plan instanceof DensePlan dense) {
      return new DenseLayer(dense, t, maxBatch);
    }
    if (plan instanceof ImageLayerPlan image) {
      return image.image().isConv() ? new ConvLayer(image, t, maxBatch)
          : new PoolLayer(image, t, maxBatch);
    }
    throw new IllegalStateException("no emitter for " + plan.getClass().getSimpleName());
  }

  /** The planned layer. */
  LayerPlan plan();

  /** Its arrays, each allocated once in its field initializer. */
  List<FieldSpec> fields();

  /** Learned tensors with their gradients, in {@code params()} order. */
  List<TensorRef> params();

  /** Tensors that are state but not learned (running statistics), in {@code buffers()} order. */
  List<TensorRef> buffers();

  /** The weights the L2 term penalizes (not biases, not batch norm's parameters). */
  List<String> penalized();

  /** Its part of {@code initialize(seed)}, drawing from the local {@code rng}. */
  CodeBlock initialize();

  /** Its part of {@code sgdStep}: every param less {@code rate} times its gradient. */
  CodeBlock descend();

  /** {@code forwardK(n)}: the layer's output rows from its input rows. */
  MethodSpec forward();

  /** {@code backwardK(n, reg)}: parameter gradients and the input gradient from {@code dh}. */
  MethodSpec backward();

  /**
   * Statements of {@code fold()}: the layer's weights prepared for evaluation (batch norm
   * folded, a flat copy), or an empty block when it has none.
   */
  default CodeBlock prepareForEvaluation() {
    return CodeBlock.builder().build();
  }

  /** Methods {@link #prepareForEvaluation} calls. */
  default List<MethodSpec> evaluationMethods() {
    return List.of();
  }

  /** Further members: the range methods and task fields of a split product. */
  default void addMembers(TypeSpec.Builder type) {}

  /** A few words for the class's Javadoc and toString: " BN RELU" after the units. */
  String summary();
}
