package dev.unroll.spec;

/**
 * Which kernels a generated network's large products use. Small layers are written out in plain
 * Java whatever the backend.
 */
public enum Backend {
  /** The processor option {@code -Aunroll.backend=plain|vector}, or PLAIN without it. */
  DEFAULT,
  /** Plain Java loops shaped for C2's auto-vectorizer; needs no flags. */
  PLAIN,
  /**
   * Register-blocked kernels on the incubating Vector API, from the {@code unroll-vector}
   * artifact; the program must run with {@code --add-modules jdk.incubator.vector}.
   */
  VECTOR
}
