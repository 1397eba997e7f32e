package dev.unroll.processor.plan;

import dev.unroll.spec.Activation;

/**
 * A layer's nonlinearity {@code h = f(z)} and the arrays it reads and writes.
 *
 * @param kind the activation
 * @param z the pre-activations (after batch norm), one row per sample
 * @param dz their gradient
 * @param h the output; the same array as {@code z} for IDENTITY
 * @param dh gradient of {@code h}; the same array as {@code dz} for IDENTITY
 * @param alpha PReLU's learned slopes, or null
 * @param dalpha their gradient, or null
 * @param argmax maxout's winning piece per output, or null
 * @param vector whether an exp-based activation calls the Vector API (vectorized exp)
 */
public record ActivationPlan(Activation kind, String z, String dz, String h, String dh,
    String alpha, String dalpha, String argmax, boolean vector) {

  /** Whether the output is an array of its own (not IDENTITY's {@code z}). */
  public boolean ownOutput() {
    return kind != Activation.IDENTITY;
  }

  /** The same activation reading {@code z} from another array. */
  ActivationPlan withZ(String otherZ) {
    return new ActivationPlan(kind, otherZ, dz, h, dh, alpha, dalpha, argmax, vector);
  }
}
