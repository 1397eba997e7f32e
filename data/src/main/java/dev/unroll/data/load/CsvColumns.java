package dev.unroll.data.load;

import dev.unroll.data.DataFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;

/** Which CSV column is the label, which are features, and whether line 1 is a header. */
final class CsvColumns {
  private final String[] names;
  private final int label;
  private final int[] features;

  private CsvColumns(String[] names, int label, int[] features) {
    this.names = names;
    this.label = label;
    this.features = features;
  }

  /**
   * Resolves the columns from the first row.
   *
   * @param header true or false when the user said so, null to detect it
   */
  static CsvColumns resolve(Path path, String[] first, String labelName, int labelIndex,
      Collection<String> ignoredNames, Set<Integer> ignoredIndices, Boolean header)
      throws DataFileException {
    int columns = first.length;
    boolean byName = labelName != null || !ignoredNames.isEmpty();
    if (byName && Boolean.FALSE.equals(header)) {
      throw new IllegalArgumentException("columns named by header name need a header");
    }
    int label;
    if (labelName != null) {
      label = indexOf(path, first, labelName);
    } else {
      label = labelIndex < 0 ? columns + labelIndex : labelIndex;
      if (label < 0 || label >= columns) {
        throw new DataFileException(path, "label column " + labelIndex + " is outside the "
            + columns + " columns of line 1");
      }
    }
    boolean[] skip = new boolean[columns];
    skip[label] = true;
    for (int i : ignoredIndices) {
      if (i < 0 || i >= columns) {
        throw new DataFileException(path, "ignored column " + i + " is outside the " + columns
            + " columns of line 1");
      }
      skip[i] = true;
    }
    for (String name : ignoredNames) {
      skip[indexOf(path, first, name)] = true;
    }
    int[] features = new int[columns];
    int n = 0;
    for (int c = 0; c < columns; c++) {
      if (!skip[c]) {
        features[n++] = c;
      }
    }
    features = Arrays.copyOf(features, n);
    if (n == 0) {
      throw new DataFileException(path, "no feature columns: all " + columns
          + " columns are the label or ignored");
    }
    boolean hasHeader = header != null ? header : byName || !allNumbers(first, features);
    return new CsvColumns(hasHeader ? first : null, label, features);
  }

  private static int indexOf(Path path, String[] header, String name) throws DataFileException {
    for (int c = 0; c < header.length; c++) {
      if (header[c].equals(name)) {
        return c;
      }
    }
    throw new DataFileException(path, "no column named '" + name + "'; the header has "
        + Arrays.toString(header));
  }

  private static boolean allNumbers(String[] row, int[] columns) {
    for (int c : columns) {
      if (!CsvFields.isNumber(row[c])) {
        return false;
      }
    }
    return true;
  }

  boolean hasHeader() {
    return names != null;
  }

  /** Index of the label column. */
  int label() {
    return label;
  }

  /** Indices of the feature columns, in file order. */
  int[] features() {
    return features;
  }

  /** The header name of column {@code c}, or null without a header. */
  String name(int c) {
    return names == null ? null : names[c];
  }
}
