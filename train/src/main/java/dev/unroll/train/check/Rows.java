package dev.unroll.train.check;

import dev.unroll.runtime.Model;
import dev.unroll.runtime.Rng;

/** A batch of row references with their labels, for the checks' forward passes. */
final class Rows {
  final float[][] x;
  final int[] y;
  int n;

  Rows(int capacity) {
    x = new float[capacity][];
    y = new int[capacity];
  }

  /** {@code count} distinct rows drawn with the seed (a partial Fisher-Yates shuffle). */
  static Rows sample(float[][] x, int[] y, int count, long seed) {
    if (x.length != y.length || x.length == 0) {
      throw new IllegalArgumentException(
          "need matching, non-empty features and labels, got " + x.length + " and " + y.length);
    }
    int[] order = new int[x.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Rng rng = new Rng(seed);
    Rows rows = new Rows(count);
    for (int i = 0; i < count; i++) {
      int j = i + rng.nextInt(order.length - i);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
      rows.x[i] = x[order[i]];
      rows.y[i] = y[order[i]];
    }
    rows.n = count;
    return rows;
  }

  /** Fills the batch with rows drawn with replacement. */
  void fillRandom(float[][] data, int[] labels, Rng rng) {
    for (int i = 0; i < x.length; i++) {
      int j = rng.nextInt(data.length);
      x[i] = data[j];
      y[i] = labels[j];
    }
    n = x.length;
  }

  double loss(Model net) {
    net.forward(x, n);
    return net.loss(y, n);
  }

  /** Accuracy of the last forward pass over these rows. */
  double accuracy(Model net) {
    int correct = 0;
    for (int i = 0; i < n; i++) {
      if (net.predict(i) == y[i]) {
        correct++;
      }
    }
    return (double) correct / n;
  }
}
