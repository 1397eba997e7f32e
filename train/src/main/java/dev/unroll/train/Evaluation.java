package dev.unroll.train;

import dev.unroll.runtime.Model;

/**
 * Accuracy and mean data loss of a network on labelled data, in evaluation mode (batch norm uses
 * its running statistics), in batches of at most {@code maxBatch} rows referenced, not copied.
 *
 * @param accuracy fraction of rows whose highest score is the label
 * @param loss mean data loss (no L2 term)
 */
public record Evaluation(double accuracy, double loss) {
  /** Evaluates {@code model} on all rows of {@code x}; the training mode is restored after. */
  public static Evaluation of(Model model, float[][] x, int[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "features have " + x.length + " rows but labels have " + y.length);
    }
    if (x.length == 0) {
      return new Evaluation(Double.NaN, Double.NaN);
    }
    boolean wasTraining = model.isTraining();
    model.setTraining(false);
    int batch = model.maxBatch();
    float[][] rows = new float[batch][];
    int[] labels = new int[batch];
    long correct = 0;
    double lossSum = 0;
    try {
      for (int start = 0; start < x.length; start += batch) {
        int n = Math.min(batch, x.length - start);
        System.arraycopy(x, start, rows, 0, n);
        System.arraycopy(y, start, labels, 0, n);
        model.forward(rows, n);
        model.loss(labels, n);
        lossSum += model.dataLoss() * n;
        for (int i = 0; i < n; i++) {
          if (model.predict(i) == labels[i]) {
            correct++;
          }
        }
      }
    } finally {
      model.setTraining(wasTraining);
    }
    return new Evaluation((double) correct / x.length, lossSum / x.length);
  }
}
