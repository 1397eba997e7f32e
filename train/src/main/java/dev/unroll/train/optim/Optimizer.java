package dev.unroll.train.optim;

import dev.unroll.runtime.Model;
import dev.unroll.runtime.Tensor;
import dev.unroll.spec.Precision;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An update rule applied to every parameter of a {@link Model} that has a gradient, after
 * {@link Model#backward()}. Subclasses name their state slots (Adam's {@code m} and {@code v},
 * say); the base class allocates one array of each slot per parameter, in the parameter's
 * precision and shape, once at construction, so a step allocates nothing. The state is exposed
 * as tensors named {@code <param>.<slot>} for checkpoints.
 */
public abstract class Optimizer {
  private final List<Tensor> params = new ArrayList<>();
  private final List<Tensor> state = new ArrayList<>();
  private final String[] slots;
  private final Model model;
  /** Whether some parameter is float: a learning rate past Float.MAX_VALUE is infinite there. */
  private final boolean floats;
  private long steps;

  /** Allocates the state of {@code slots} for every parameter of {@code model} with a gradient. */
  protected Optimizer(Model model, String... slots) {
    this.slots = slots.clone();
    this.model = model;
    for (Tensor p : model.params()) {
      if (p.hasGrad()) {
        params.add(p);
      }
    }
    this.floats = params.stream().anyMatch(p -> p.precision() == Precision.FLOAT);
    for (String slot : slots) {
      for (Tensor p : params) {
        String name = p.name() + "." + slot;
        state.add(p.precision() == Precision.FLOAT
            ? Tensor.of(name, p.role(), p.layer(), new float[p.rows()][p.cols()], null)
            : Tensor.of(name, p.role(), p.layer(), new double[p.rows()][p.cols()], null));
      }
    }
  }

  /** Short name with the hyperparameters, e.g. {@code adam(beta1=0.9, beta2=0.999, eps=1e-08)}. */
  public abstract String name();

  /**
   * Updates every parameter from its gradient with learning rate {@code lr}.
   *
   * @throws IllegalArgumentException when {@code lr} is NaN, infinite (in the parameters'
   *     precision) or negative, which would make the weights NaN or climb the gradient; nothing
   *     is changed then
   */
  public final void step(double lr) {
    checkLearningRate(lr);
    steps++;
    beginStep(steps);
    for (int i = 0; i < params.size(); i++) {
      Tensor p = params.get(i);
      if (p.precision() == Precision.FLOAT) {
        update(i, p.floats(), p.floatGrads(), (float) lr);
      } else {
        update(i, p.doubles(), p.doubleGrads(), lr);
      }
    }
    // the arrays were written behind the network's back: batch norm refolds for evaluation
    model.parametersChanged();
  }

  private void checkLearningRate(double lr) {
    boolean finite = lr < Double.POSITIVE_INFINITY && (!floats || !Float.isInfinite((float) lr));
    if (!(lr >= 0) || !finite) {
      throw new IllegalArgumentException(name() + ": the learning rate must be finite and >= 0,"
          + " got " + lr + (finite ? "" : " (" + (floats ? "float" : "double") + " parameters)"));
    }
  }

  /** Called once per step before the parameters, with the 1-based step count. */
  protected void beginStep(long step) {}

  /** Updates parameter {@code i}, float precision. */
  protected abstract void update(int i, float[][] p, float[][] g, float lr);

  /** Updates parameter {@code i}, double precision. */
  protected abstract void update(int i, double[][] p, double[][] g, double lr);

  /** The float state of {@code slot} for parameter {@code i}. */
  protected final float[][] floatState(int slot, int i) {
    return state.get(slot * params.size() + i).floats();
  }

  /** The double state of {@code slot} for parameter {@code i}. */
  protected final double[][] doubleState(int slot, int i) {
    return state.get(slot * params.size() + i).doubles();
  }

  /** The parameters updated, in model order. */
  public final List<Tensor> params() {
    return Collections.unmodifiableList(params);
  }

  /** The state arrays, slot by slot, each named {@code <param>.<slot>}; writes go to the state. */
  public final List<Tensor> state() {
    return Collections.unmodifiableList(state);
  }

  /** Names of the state slots. */
  public final List<String> slots() {
    return List.of(slots);
  }

  /** Number of steps taken (Adam's bias correction uses it). */
  public final long steps() {
    return steps;
  }

  /** Sets the step count, when state is restored from a checkpoint. */
  public final void setSteps(long steps) {
    if (steps < 0) {
      throw new IllegalArgumentException("step count must be >= 0, got " + steps);
    }
    this.steps = steps;
  }

  /** Zeroes the state and the step count, as if newly built. */
  public final void reset() {
    steps = 0;
    for (Tensor t : state) {
      if (t.floats() != null) {
        for (float[] row : t.floats()) {
          java.util.Arrays.fill(row, 0f);
        }
      } else {
        for (double[] row : t.doubles()) {
          java.util.Arrays.fill(row, 0.0);
        }
      }
    }
  }

  @Override
  public String toString() {
    return name();
  }
}
