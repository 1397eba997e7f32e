package dev.unroll.spec;

/** Weight initializations of the lecture; biases always start at zero. */
public enum Init {
  /** All zeros: every unit computes the same thing and symmetry never breaks. */
  ZERO,
  /** 0.01 * N(0, 1). */
  SMALL_RANDOM,
  /** scale * N(0, 1), scale from {@link Layer#scale()} (default 1.0, the lecture's "large"). */
  NORMAL,
  /** N(0, 1) / sqrt(fan_in). */
  XAVIER,
  /** U(-limit, limit), limit = sqrt(6 / (fan_in + fan_out)). */
  GLOROT_UNIFORM,
  /** N(0, 1) * sqrt(2 / fan_in), for ReLU. */
  HE
}
