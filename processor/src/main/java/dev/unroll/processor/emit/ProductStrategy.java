package dev.unroll.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeSpec;
import dev.unroll.processor.plan.DensePlan;

/**
 * How one shape of a dense layer's products is written (the planner's {@link
 * dev.unroll.processor.plan.Product}): the forward product {@code z = x W + b}, the weight
 * gradient {@code dW = x^T dz + l2 W, db = sum dz} and the input gradient {@code dx = dz W^T}, side
 * by side in one class, as micrograd keeps {@code _backward} next to its op. The layer's methods
 * ({@link DenseLayer}) put batch norm and the activation between them.
 */
interface ProductStrategy {
  /** {@code z = x W + b} into the layer's {@code z} rows (or wherever the shape writes it). */
  CodeBlock forward(DensePlan p, Num t);

  /** {@code dW} and {@code db} from {@code dz}; {@code reg} is a local holding the L2 strength. */
  CodeBlock weightGradient(DensePlan p, Num t);

  /** {@code dx = dz W^T} into the previous layer's output gradient (layers after the first). */
  CodeBlock inputGradient(DensePlan p, Num t);

  /**
   * Whether the strategy applies the activation and its derivative itself, inside its own passes
   * (a direct layer; a split layer's elementwise activation in its column ranges).
   */
  default boolean ownsActivation(DensePlan p) {
    return false;
  }

  /** The SGD update of W, {@code W -= rate * dW}, {@code rate} a field. */
  default CodeBlock descend(DensePlan p, Num t) {
    return CodeBlock.builder()
        .addStatement("$T.descend($L, $L, rate)", RuntimeTypes.OPS, p.affine().w(),
            p.affine().dw())
        .build();
  }

  /** Members the strategy needs besides the layer methods: range methods, task fields. */
  default void addMembers(TypeSpec.Builder type, DensePlan p, Num t) {}

  /** The planner's choice for {@code p}. */
  static ProductStrategy of(DensePlan p) {
    ProductStrategy shape = switch (p.product()) {
      case WRITTEN_OUT -> WrittenOut.INSTANCE;
      case DIRECT -> Direct.INSTANCE;
      case WRITTEN_OUT_FAN_IN -> WrittenOutFanIn.INSTANCE;
      case FEW_COLUMNS, FEW_COLUMNS_TRANSPOSED -> FewColumns.INSTANCE;
      case PAIRED_ROWS -> PairedRows.INSTANCE;
      case VECTOR_STRIPS -> VectorStrips.INSTANCE;
    };
    return p.split() ? new Split((RangedProduct) shape) : shape;
  }
}
