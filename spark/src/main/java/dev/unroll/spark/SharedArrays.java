package dev.unroll.spark;

import dev.unroll.data.Dataset;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * One dataset as plain arrays, what a broadcast carries ({@link Dataset} itself is not {@code
 * Serializable}). Rebuilding gives the same rows, labels and number of classes.
 *
 * @param x features, one row per sample
 * @param y labels
 * @param classes number of classes
 * @param classNames the names, or empty
 */
record SharedArrays(float[][] x, int[] y, int classes, ArrayList<String> classNames)
    implements Serializable {
  static SharedArrays of(Dataset d) {
    return new SharedArrays(d.x(), d.y(), d.numClasses(), new ArrayList<>(d.classNames()));
  }

  Dataset dataset() {
    if (!classNames.isEmpty()) {
      return Dataset.of(x, y, classNames);
    }
    int max = -1;
    for (int label : y) {
      max = Math.max(max, label);
    }
    if (max + 1 == classes) {
      return Dataset.of(x, y);
    }
    // A split that lacks the top classes keeps the full count through numbered names.
    List<String> names = new ArrayList<>(classes);
    for (int c = 0; c < classes; c++) {
      names.add(Integer.toString(c));
    }
    return Dataset.of(x, y, names);
  }
}
