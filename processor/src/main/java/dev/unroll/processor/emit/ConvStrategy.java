package dev.unroll.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeSpec;
import dev.unroll.processor.plan.ImageLayerPlan;
import java.util.List;

/**
 * How a conv layer's product runs, chosen by the planner ({@code ImageLayerPlan.product()}): one
 * implementation per loop shape, each writing the forward product beside the weight and input
 * gradients, as {@link ProductStrategy} does for dense layers. On entry to {@link #forward} the
 * locals {@code weights} and {@code bias} hold the filters and bias of the mode (batch norm folded
 * in evaluation); {@link #backward} starts from {@code dz}, the gradient of the product.
 */
interface ConvStrategy {
  /** The strategy of {@code p}'s product. */
  static ConvStrategy of(ImageLayerPlan p) {
    return switch (p.product()) {
      case IM2COL -> new Im2colConv();
      case IM2COL_VECTOR -> new VectorIm2colConv();
      case DIRECT -> new DirectConv();
    };
  }

  /** Scratch arrays the product needs, allocated once. */
  List<FieldSpec> fields(ImageLayerPlan p, Num t);

  /** {@code z = conv(x, weights) + bias} for every sample. */
  CodeBlock forward(ImageLayerPlan p, Num t);

  /** {@code dW = l2 W + sum ...}, {@code db}, and the input gradient where there is one. */
  CodeBlock backward(ImageLayerPlan p, Num t);

  /** Helper methods (one sample's product, window copies). */
  void addMembers(TypeSpec.Builder type, ImageLayerPlan p, Num t);
}
