package dev.unroll.train;

import dev.unroll.data.Dataset;
import dev.unroll.runtime.Model;
import java.util.List;

/**
 * How a network does on labelled data: accuracy, mean data loss and the confusion matrix, with
 * each class's precision and recall. Computed in evaluation mode (batch norm uses its running
 * statistics), in batches of at most {@code maxBatch} rows referenced, not copied.
 *
 * <pre>{@code
 * Evaluation test = Evaluation.of(net, testSplit);
 * System.out.println(test.table(testSplit.classNames()));
 * }</pre>
 */
public final class Evaluation {
  /** No data: accuracy and loss NaN, no classes. */
  public static final Evaluation NONE = new Evaluation(Double.NaN, new long[0][0]);

  private final double loss;
  private final long[][] confusion;
  private final long count;
  private final long correct;

  private Evaluation(double loss, long[][] confusion) {
    this.loss = loss;
    this.confusion = confusion;
    long all = 0;
    long diagonal = 0;
    for (int t = 0; t < confusion.length; t++) {
      for (int p = 0; p < confusion.length; p++) {
        all += confusion[t][p];
      }
      diagonal += confusion[t][t];
    }
    this.count = all;
    this.correct = diagonal;
  }

  /** Evaluates {@code model} on {@code data}; see {@link #of(Model, float[][], int[])}. */
  public static Evaluation of(Model model, Dataset data) {
    return of(model, data.x(), data.y());
  }

  /**
   * Evaluates {@code model} on all rows of {@code x}; the training mode is restored after.
   *
   * @throws IllegalArgumentException when the row and label counts differ or a label is outside
   *     the network's classes
   */
  public static Evaluation of(Model model, float[][] x, int[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "features have " + x.length + " rows but labels have " + y.length);
    }
    if (x.length == 0) {
      return NONE;
    }
    int classes = model.outputs();
    for (int i = 0; i < y.length; i++) {
      if (y[i] < 0 || y[i] >= classes) {
        throw new IllegalArgumentException("label " + y[i] + " at row " + i + " is outside [0, "
            + classes + ")");
      }
    }
    long[][] confusion = new long[classes][classes];
    boolean wasTraining = model.isTraining();
    model.setTraining(false);
    int batch = model.maxBatch();
    float[][] rows = new float[batch][];
    int[] labels = new int[batch];
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
          confusion[labels[i]][model.predict(i)]++;
        }
      }
    } finally {
      model.setTraining(wasTraining);
    }
    return new Evaluation(lossSum / x.length, confusion);
  }

  /** Fraction of rows whose highest score is the label; NaN without rows. */
  public double accuracy() {
    return count == 0 ? Double.NaN : (double) correct / count;
  }

  /** Mean data loss (no L2 term); NaN without rows. */
  public double loss() {
    return loss;
  }

  /** Rows evaluated. */
  public long count() {
    return count;
  }

  /** Rows whose prediction was the label. */
  public long correct() {
    return correct;
  }

  /** Number of classes (the network's outputs). */
  public int classes() {
    return confusion.length;
  }

  /** Rows of true class {@code actual} predicted as {@code predicted}. */
  public long confusion(int actual, int predicted) {
    return confusion[actual][predicted];
  }

  /** The confusion matrix, a copy: {@code [actual][predicted]}. */
  public long[][] confusionMatrix() {
    long[][] copy = new long[confusion.length][];
    for (int t = 0; t < copy.length; t++) {
      copy[t] = confusion[t].clone();
    }
    return copy;
  }

  /** Rows whose true class is {@code c} (the confusion matrix's row sum). */
  public long support(int c) {
    long sum = 0;
    for (long v : confusion[c]) {
      sum += v;
    }
    return sum;
  }

  /** Rows predicted as {@code c} (the column sum). */
  public long predicted(int c) {
    long sum = 0;
    for (long[] row : confusion) {
      sum += row[c];
    }
    return sum;
  }

  /**
   * Of the rows predicted as {@code c}, the fraction that are {@code c}: TP / (TP + FP); NaN
   * when nothing was predicted as {@code c}.
   */
  public double precision(int c) {
    long p = predicted(c);
    return p == 0 ? Double.NaN : (double) confusion[c][c] / p;
  }

  /**
   * Of the rows of class {@code c}, the fraction predicted as {@code c}: TP / (TP + FN); NaN
   * when no row is of class {@code c}.
   */
  public double recall(int c) {
    long s = support(c);
    return s == 0 ? Double.NaN : (double) confusion[c][c] / s;
  }

  /**
   * The summary line and the confusion matrix as a text table, rows the true class, columns the
   * prediction, each row ending with the class's recall and a last row of precisions ({@code
   * n/a} where undefined).
   *
   * @param classNames names of the classes, or an empty list for their numbers
   */
  public String table(List<String> classNames) {
    return EvaluationTable.text(this, classNames);
  }

  /** The summary line: accuracy, correct of all, mean loss. */
  @Override
  public String toString() {
    return String.format("accuracy %.1f%% (%d of %d), mean loss %.4g", 100 * accuracy(), correct,
        count, loss);
  }
}
