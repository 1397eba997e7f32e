package dev.unroll.spec;

/**
 * What a {@link Layer} computes. Convolution and pooling will join as further constants with
 * their own {@code Layer} members (all with defaults), so specs written today keep compiling.
 */
public enum LayerKind {
  /** Fully connected: {@code z = x W + b}. */
  DENSE
}
