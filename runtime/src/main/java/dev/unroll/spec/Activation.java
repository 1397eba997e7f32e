package dev.unroll.spec;

/** The nonlinearities of CS231n lecture 6, each with its derivative generated next to it. */
public enum Activation {
  /** f(x) = x. */
  IDENTITY,
  /** f(x) = 1 / (1 + e^-x); saturates, not zero-centered. */
  SIGMOID,
  /** f(x) = tanh(x); zero-centered, still saturates. */
  TANH,
  /** f(x) = max(0, x). */
  RELU,
  /** f(x) = max(slope * x, x), slope from {@link Layer#slope()} (default 0.01). */
  LEAKY_RELU,
  /** f(x) = max(alpha * x, x) with alpha learned per unit, starting at {@link Layer#alpha()}. */
  PRELU,
  /** f(x) = x for x > 0, alpha (e^x - 1) otherwise; alpha from {@link Layer#alpha()}. */
  ELU,
  /** f = max over {@link Layer#pieces()} affine maps; k times the weights. */
  MAXOUT
}
