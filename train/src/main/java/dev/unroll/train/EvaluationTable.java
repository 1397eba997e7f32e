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
    // each column as wide as its name, its counts and a percentage
    int first = "precision".length();
    int[] width = new int[k];
    for (int c = 0; c < k; c++) {
      first = Math.max(first, name(names, c).length());
      width[c] = Math.max(name(names, c).length(), "100.0%".length());
      for (int t = 0; t < k; t++) {
        width[c] = Math.max(width[c], Long.toString(e.confusion(t, c)).length());
      }
    }
    int last = "100.0%".length();
    StringBuilder s = new StringBuilder(e.toString()).append('\n');
    s.append("confusion matrix (rows: true class, columns: predicted)\n");
    s.append(pad("", first));
    for (int c = 0; c < k; c++) {
      s.append("  ").append(pad(name(names, c), width[c]));
    }
    s.append("  ").append(pad("recall", last)).append('\n');
    for (int t = 0; t < k; t++) {
      s.append(padRight(name(names, t), first));
      for (int p = 0; p < k; p++) {
        s.append("  ").append(pad(Long.toString(e.confusion(t, p)), width[p]));
      }
      s.append("  ").append(pad(percent(e.recall(t)), last)).append('\n');
    }
    s.append(padRight("precision", first));
    for (int c = 0; c < k; c++) {
      s.append("  ").append(pad(percent(e.precision(c)), width[c]));
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
