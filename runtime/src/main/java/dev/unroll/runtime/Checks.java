package dev.unroll.runtime;

/**
 * Argument checks the generated classes call at the start of each public step, so a wrong array
 * size or label fails with what and where instead of an index error deep in a kernel.
 */
public final class Checks {
  private Checks() {}

  /** Checks a batch of input rows. */
  public static void batch(Object[] x, int n, int inputs, int maxBatch) {
    if (n < 1 || n > maxBatch) {
      throw new IllegalArgumentException(
          "batch size " + n + " is outside [1, " + maxBatch + "]; maxBatch is fixed by @Network");
    }
    if (x.length < n) {
      throw new IllegalArgumentException(
          "input has " + x.length + " rows, but the batch size is " + n);
    }
    for (int i = 0; i < n; i++) {
      int len = x[i] instanceof float[] ? ((float[]) x[i]).length : ((double[]) x[i]).length;
      if (len != inputs) {
        throw new IllegalArgumentException(
            "input row " + i + " has " + len + " values, the network expects " + inputs);
      }
    }
  }

  /** Checks labels against the number of classes. */
  public static void labels(int[] labels, int n, int classes, int lastBatch) {
    if (lastBatch == 0) {
      throw new IllegalStateException("loss() needs a forward() first");
    }
    if (n != lastBatch) {
      throw new IllegalArgumentException(
          "loss for " + n + " labels, but the last forward pass had " + lastBatch + " rows");
    }
    if (labels.length < n) {
      throw new IllegalArgumentException(
          "labels has " + labels.length + " entries, but the batch size is " + n);
    }
    for (int i = 0; i < n; i++) {
      if (labels[i] < 0 || labels[i] >= classes) {
        throw new IllegalArgumentException(
            "label " + labels[i] + " at row " + i + " is outside [0, " + classes + ")");
      }
    }
  }

  /** Checks that {@code other} is the same generated class, for copyFrom. */
  public static void sameClass(Object self, Object other) {
    if (other == null || other.getClass() != self.getClass()) {
      throw new IllegalArgumentException(
          "cannot copy from " + (other == null ? "null" : other.getClass().getName()) + " into "
              + self.getClass().getName());
    }
  }
}
