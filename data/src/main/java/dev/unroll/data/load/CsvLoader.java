package dev.unroll.data.load;

import dev.unroll.data.DataFileException;
import dev.unroll.data.Dataset;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Loads a CSV file of numeric features and one label column as a {@link Dataset}.
 *
 * <pre>{@code
 * Dataset iris = new CsvLoader().labelColumn("species").load(path);
 * }</pre>
 *
 * <p>Labels: when every label is a non-negative integer ({@code 0}, {@code 7}) the labels are
 * those integers, as given, and the dataset has no class names; they are class numbers, so they
 * are bounded: by {@link #classes(int)} when declared, else the classes no row has may number at
 * most {@code max(10, distinct labels)} (a stray {@code 999999999} is an error naming its line,
 * not a billion classes). Otherwise each distinct label text is a class name, numbered in
 * {@linkplain ClassOrder#SORTED sorted order} by default (the numbering then does not depend on
 * the order of the rows) or in order of first appearance.
 *
 * <p>Defaults: comma delimiter, the last column is the label, the header is detected (the first
 * line is a header when one of its feature fields is not a number). Fields may be quoted ({@code
 * "a,b"}); blank lines are skipped; a UTF-8 byte-order mark is ignored; a gzipped file is
 * recognised by its first bytes and read as it is. Leading lines before the header or the data,
 * such as scikit-learn's title line {@code 150,4,setosa,versicolor,virginica}, are skipped with
 * {@link #skipLines(int)}. Every other column is a feature unless {@link #ignoreColumns
 * ignored}, and must hold a finite decimal number. A bad row is a {@link DataFileException}
 * naming the file, the line and, for a value, the column.
 */
public final class CsvLoader {
  /** How class names are numbered. */
  public enum ClassOrder {
    /** Alphabetically (by {@link String#compareTo}): independent of row order. The default. */
    SORTED,
    /** In the order the names first appear in the file. */
    FIRST_APPEARANCE
  }

  private char delimiter = ',';
  private Boolean header;
  private int skipLines;
  private int classes;
  private int labelIndex = -1;
  private String labelName;
  private ClassOrder classOrder = ClassOrder.SORTED;
  private final List<String> ignoredNames = new ArrayList<>();
  private final Set<Integer> ignoredIndices = new HashSet<>();

  /** A loader with the defaults of the class comment. */
  public CsvLoader() {}

  /** The field delimiter, {@code ','} by default ({@code ';'} and {@code '\t'} are common). */
  public CsvLoader delimiter(char delimiter) {
    this.delimiter = delimiter;
    return this;
  }

  /** Whether the first line is a header; by default it is detected. */
  public CsvLoader header(boolean present) {
    this.header = present;
    return this;
  }

  /**
   * Skips the first {@code lines} lines of the file, blank or not, before the header or the data:
   * a title line such as scikit-learn's {@code 150,4,setosa,versicolor,virginica}, or comments.
   */
  public CsvLoader skipLines(int lines) {
    if (lines < 0) {
      throw new IllegalArgumentException("lines to skip must be >= 0, got " + lines);
    }
    this.skipLines = lines;
    return this;
  }

  /**
   * Declares the number of classes: numeric labels must then be in {@code [0, classes)} and the
   * dataset has that many classes even when the file lacks the last ones; class names may then
   * number at most {@code classes}. Without it the count comes from the labels (see the class
   * comment).
   */
  public CsvLoader classes(int classes) {
    if (classes < 1) {
      throw new IllegalArgumentException("classes must be >= 1, got " + classes);
    }
    this.classes = classes;
    return this;
  }

  /** The label column by 0-based index; negative counts from the end (-1 is the last). */
  public CsvLoader labelColumn(int index) {
    this.labelIndex = index;
    this.labelName = null;
    return this;
  }

  /** The label column by its header name; implies a header. */
  public CsvLoader labelColumn(String name) {
    this.labelName = name;
    return this;
  }

  /** How class names are numbered; {@link ClassOrder#SORTED} by default. */
  public CsvLoader classOrder(ClassOrder order) {
    this.classOrder = order;
    return this;
  }

  /** Columns that are neither features nor the label, such as an id; by header name. */
  public CsvLoader ignoreColumns(String... names) {
    ignoredNames.addAll(List.of(names));
    return this;
  }

  /** Columns that are neither features nor the label; by 0-based index. */
  public CsvLoader ignoreColumns(int... indices) {
    for (int i : indices) {
      ignoredIndices.add(i);
    }
    return this;
  }

  /**
   * Reads the file.
   *
   * @throws DataFileException when the file has no data rows, a row has the wrong number of
   *     columns, a quote is not closed, a feature is not a finite number, or a named column is
   *     not in the header
   */
  public Dataset load(Path path) throws IOException {
    List<String[]> rows = new ArrayList<>();
    List<Integer> lineNumbers = new ArrayList<>();
    List<String> lines = CsvText.lines(path);
    for (int i = skipLines; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      List<String> fields = CsvFields.split(line, delimiter);
      if (fields == null) {
        throw new DataFileException(path, "line " + (i + 1) + ": a quote is not closed");
      }
      rows.add(fields.toArray(new String[0]));
      lineNumbers.add(i + 1);
    }
    if (rows.isEmpty()) {
      throw new DataFileException(path, skipLines == 0 || lines.isEmpty()
          ? "no rows: the file is empty"
          : "no rows after skipping " + skipLines + " of its " + lines.size() + " lines");
    }
    checkColumnCounts(path, rows, lineNumbers);
    CsvColumns layout = CsvColumns.resolve(path, rows.get(0), labelName, labelIndex,
        ignoredNames, ignoredIndices, header);
    int first = layout.hasHeader() ? 1 : 0;
    if (rows.size() == first) {
      throw new DataFileException(path, "no data rows after the header");
    }
    int[] featureColumns = layout.features();
    float[][] x = new float[rows.size() - first][featureColumns.length];
    String[] labelTexts = new String[x.length];
    for (int r = first; r < rows.size(); r++) {
      String[] fields = rows.get(r);
      float[] row = x[r - first];
      for (int f = 0; f < featureColumns.length; f++) {
        int col = featureColumns[f];
        row[f] = number(path, lineNumbers.get(r), col, layout.name(col), fields[col]);
      }
      labelTexts[r - first] = fields[layout.label()];
    }
    List<Integer> dataLines = lineNumbers.subList(first, lineNumbers.size());
    return CsvLabels.dataset(path, x, labelTexts, dataLines, classOrder, classes);
  }

  /**
   * Every row must have as many fields as the first. When only the first differs and the rest
   * agree, the first is most likely a title line (scikit-learn's CSV files start with one), and
   * the message says how to skip it.
   */
  private void checkColumnCounts(Path path, List<String[]> rows, List<Integer> lineNumbers)
      throws DataFileException {
    int columns = rows.get(0).length;
    int bad = 1;
    while (bad < rows.size() && rows.get(bad).length == columns) {
      bad++;
    }
    if (bad == rows.size()) {
      return;
    }
    int dataColumns = rows.get(1).length;
    boolean restAgree = bad == 1;
    for (int r = 2; restAgree && r < rows.size(); r++) {
      restAgree = rows.get(r).length == dataColumns;
    }
    int firstLine = lineNumbers.get(0);
    if (restAgree) {
      throw new DataFileException(path, String.format("line %d has %d fields, the data rows %d:"
          + " is line %d a title? use skipLines(%d)", firstLine, columns, dataColumns, firstLine,
          firstLine));
    }
    throw new DataFileException(path, "line " + lineNumbers.get(bad) + ": expected " + columns
        + " columns, found " + rows.get(bad).length + " (line " + firstLine + " has " + columns
        + ")");
  }

  private static float number(Path path, int line, int col, String name, String text)
      throws DataFileException {
    String where = "line " + line + ", column " + (col + 1) + (name == null ? "" : " (" + name
        + ")");
    if (!CsvFields.isNumber(text)) {
      throw new DataFileException(path, where + ": '" + text + "' is not a number");
    }
    float v = Float.parseFloat(text);
    if (!Float.isFinite(v)) {
      throw new DataFileException(path, where + ": " + text + " is outside the float range");
    }
    return v;
  }
}
