package dev.unroll.train;

import java.util.List;

/** The text table of an {@link Evaluation}: the confusion matrix with recall and precision. */
final class EvaluationTable {
  private EvaluationTable() {}

  /** The name of class {@code c}: the given name, else its number. */
  static String name(List<String> names, int c) {
    return c < names.size() ? names.get(c) : Integer.toString(c);
  }

  /** A fraction as a percentage, or {@code n/a} when it is undefined (NaN). */
  static String percent(double fraction) {
    return Double.isNaN(fraction) ? "n/a" : String.format("%.1f%%", 100 * fraction);
  }

  static String text(Evaluation e, List<String> names) {
    int k = e.classes();
    int first = "precision".length();
    int width = "recall".length();
    for (int c = 0; c < k; c++) {
      first = Math.max(first, name(names, c).length());
      width = Math.max(width, name(names, c).length());
      width = Math.max(width, Long.toString(e.support(c)).length());
    }
    width = Math.max(width, "100.0%".length());
    StringBuilder s = new StringBuilder(e.toString()).append('\n');
    s.append("confusion matrix (rows: true class, columns: predicted)\n");
    s.append(pad("", first));
    for (int c = 0; c < k; c++) {
      s.append("  ").append(pad(name(names, c), width));
    }
    s.append("  ").append(pad("recall", width)).append('\n');
    for (int t = 0; t < k; t++) {
      s.append(padRight(name(names, t), first));
      for (int p = 0; p < k; p++) {
        s.append("  ").append(pad(Long.toString(e.confusion(t, p)), width));
      }
      s.append("  ").append(pad(percent(e.recall(t)), width)).append('\n');
    }
    s.append(padRight("precision", first));
    for (int c = 0; c < k; c++) {
      s.append("  ").append(pad(percent(e.precision(c)), width));
    }
    return s.append('\n').toString();
  }

  private static String pad(String text, int width) {
    return " ".repeat(Math.max(0, width - text.length())) + text;
  }

  private static String padRight(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }
}
