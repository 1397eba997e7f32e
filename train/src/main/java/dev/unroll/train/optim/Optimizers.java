package dev.unroll.train.optim;

/**
 * Factories of the optimizers with the CS231n notes' usual hyperparameters, for trainers and
 * sanity checks that build optimizers over copies of a network.
 */
public final class Optimizers {
  private Optimizers() {}

  /** Plain SGD. */
  public static OptimizerFactory sgd() {
    return Sgd::new;
  }

  /** SGD with momentum {@code mu}. */
  public static OptimizerFactory momentum(double mu) {
    return m -> new Momentum(m, mu);
  }

  /** Nesterov momentum {@code mu}. */
  public static OptimizerFactory nesterov(double mu) {
    return m -> new Nesterov(m, mu);
  }

  /** RMSProp with decay 0.99 and eps 1e-8. */
  public static OptimizerFactory rmsProp() {
    return rmsProp(0.99, 1e-8);
  }

  /** RMSProp with the given decay and eps. */
  public static OptimizerFactory rmsProp(double decay, double eps) {
    return m -> new RmsProp(m, decay, eps);
  }

  /** Adam with beta1 0.9, beta2 0.999, eps 1e-8. */
  public static OptimizerFactory adam() {
    return adam(0.9, 0.999, 1e-8);
  }

  /** Adam with the given hyperparameters. */
  public static OptimizerFactory adam(double beta1, double beta2, double eps) {
    return m -> new Adam(m, beta1, beta2, eps);
  }
}
