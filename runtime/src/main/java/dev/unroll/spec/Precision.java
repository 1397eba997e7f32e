package dev.unroll.spec;

/** Element type of a generated network's arrays. */
public enum Precision {
  /** 32-bit floats: the fast default. */
  FLOAT,
  /** 64-bit doubles: for gradient checks and reference runs. */
  DOUBLE
}
