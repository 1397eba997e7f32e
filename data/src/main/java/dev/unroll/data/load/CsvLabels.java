package dev.unroll.data.load;

import dev.unroll.data.Dataset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Turns a CSV file's label texts into integer labels and, for names, the class-name list. */
final class CsvLabels {
  private CsvLabels() {}

  static Dataset dataset(float[][] x, String[] texts, CsvLoader.ClassOrder order) {
    boolean numeric = true;
    for (String t : texts) {
      numeric &= CsvFields.isLabelNumber(t);
    }
    int[] y = new int[texts.length];
    if (numeric) {
      // Numeric labels stay as given: "3" is class 3 even when classes 0-2 never occur.
      for (int i = 0; i < texts.length; i++) {
        y[i] = Integer.parseInt(texts[i]);
      }
      return Dataset.of(x, y);
    }
    // LinkedHashSet keeps first appearance; TreeSet sorts.
    Set<String> distinct = order == CsvLoader.ClassOrder.SORTED
        ? new TreeSet<>(List.of(texts))
        : new LinkedHashSet<>(List.of(texts));
    List<String> names = new ArrayList<>(distinct);
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int c = 0; c < names.size(); c++) {
      index.put(names.get(c), c);
    }
    for (int i = 0; i < texts.length; i++) {
      y[i] = index.get(texts[i]);
    }
    return Dataset.of(x, y, names);
  }
}
