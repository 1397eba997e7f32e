package dev.unroll.data.load;

import dev.unroll.data.DataFileException;
import dev.unroll.data.Dataset;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Turns a CSV file's label texts into integer labels and, for names, the class-name list. */
final class CsvLabels {
  /** Classes no row has that numeric labels may leave, at least; see {@link #dataset}. */
  static final int MIN_GAPS = 10;

  private CsvLabels() {}

  /**
   * Numeric labels when every text is a decimal non-negative integer, else class names.
   *
   * @param lines the file's line number of each row, for errors
   * @param declared the declared class count, 0 when none
   */
  static Dataset dataset(Path path, float[][] x, String[] texts, List<Integer> lines,
      CsvLoader.ClassOrder order, int declared) throws DataFileException {
    boolean numeric = true;
    for (String t : texts) {
      numeric &= CsvFields.isLabelNumber(t);
    }
    return numeric ? numbered(path, x, texts, lines, declared)
        : named(path, x, texts, order, declared);
  }

  /**
   * Numeric labels stay as given: "3" is class 3 even when classes 0-2 never occur. They are class
   * numbers, so the class count is the largest plus one; a label far above the others (a stray
   * 999999999) would make that count absurd, so without a declared count the classes no row has
   * may number at most max(MIN_GAPS, distinct labels).
   */
  private static Dataset numbered(Path path, float[][] x, String[] texts, List<Integer> lines,
      int declared) throws DataFileException {
    Set<Long> distinct = new HashSet<>();
    long[] values = new long[texts.length];
    int argMax = 0;
    for (int i = 0; i < texts.length; i++) {
      // 19 digits still fit a long; more is certainly out of range.
      values[i] = texts[i].length() > 18 ? Long.MAX_VALUE : Long.parseLong(texts[i]);
      distinct.add(values[i]);
      if (values[i] > values[argMax]) {
        argMax = i;
      }
      if (declared > 0 && values[i] >= declared) {
        throw new DataFileException(path, "line " + lines.get(i) + ": label " + texts[i]
            + " is outside the " + declared + " declared classes (0 to " + (declared - 1) + ")");
      }
    }
    int[] y = new int[texts.length];
    if (declared > 0) {
      for (int i = 0; i < y.length; i++) {
        y[i] = (int) values[i];
      }
      return Dataset.of(x, y, declared);
    }
    long limit = distinct.size() + Math.max(MIN_GAPS, distinct.size());
    if (values[argMax] >= limit) {
      throw new DataFileException(path, String.format("line %d: label %s would make %s classes,"
          + " of which %d occur: numeric labels are class numbers from 0. Declare the count with"
          + " classes(n), or fix the label", lines.get(argMax), texts[argMax],
          new BigInteger(texts[argMax]).add(BigInteger.ONE), distinct.size()));
    }
    for (int i = 0; i < y.length; i++) {
      y[i] = (int) values[i];
    }
    return Dataset.of(x, y);
  }

  private static Dataset named(Path path, float[][] x, String[] texts,
      CsvLoader.ClassOrder order, int declared) throws DataFileException {
    // LinkedHashSet keeps first appearance; TreeSet sorts.
    Set<String> distinct = order == CsvLoader.ClassOrder.SORTED
        ? new TreeSet<>(List.of(texts))
        : new LinkedHashSet<>(List.of(texts));
    if (declared > 0 && distinct.size() > declared) {
      throw new DataFileException(path, "the label column has " + distinct.size()
          + " distinct names, more than the " + declared + " declared classes: " + distinct);
    }
    List<String> names = new ArrayList<>(distinct);
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int c = 0; c < names.size(); c++) {
      index.put(names.get(c), c);
    }
    int[] y = new int[texts.length];
    for (int i = 0; i < texts.length; i++) {
      y[i] = index.get(texts[i]);
    }
    return Dataset.of(x, y, names);
  }
}
