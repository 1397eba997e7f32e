package dev.unroll.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.unroll.processor.plan.NetPlan;
import java.util.List;

/**
 * How the network's training step is written, the planner's {@link NetPlan.Step}: layer by layer
 * over row arrays ({@link RowStep}), or the columnar step of a tiny network ({@link
 * ColumnarStep}). {@link ClassEmitter} and {@link Api} delegate every step-shaped part to it: the
 * step's state, the forward, loss and backward calls, and the methods that read what the step
 * leaves behind (scores, predictions, activations).
 */
interface NetworkStep {
  /** The strategy the planner chose for {@code plan}. */
  static NetworkStep of(NetPlan plan, Num t, List<LayerEmitter> layers) {
    return switch (plan.step()) {
      case ROWS -> new RowStep(plan, t, layers);
      case COLUMNAR -> new ColumnarStep(plan, t);
    };
  }

  /** Fields of the step's own state (scratch of the loss, flags of what lags). */
  void addFields(TypeSpec.Builder type);

  /** The step's methods: the layer methods, or the columnar passes. */
  void addMethods(TypeSpec.Builder type);

  /** The forward pass over {@code n} rows, in {@code run(n)}. */
  CodeBlock forward();

  /** {@code dataLoss} and the scores' gradient from {@code labels}, in {@code loss()}. */
  CodeBlock dataLoss();

  /** The backward pass, in {@code backward()}, with the local {@code reg} set. */
  CodeBlock backward();

  /** {@code score(i, c)}. */
  MethodSpec score();

  /** {@code predict(i)}. */
  MethodSpec predict();

  /** {@code activations()}. */
  MethodSpec activations();
}
