package dev.unroll.search;

import java.util.Locale;

/** Number formatting shared by tables, warnings and reports. */
final class Values {
  private Values() {}

  /**
   * {@code 9.1e-01} for log-scale values; otherwise whole numbers as such and others with three
   * significant digits, in exponent form when very small or large.
   */
  static String format(double v, boolean log) {
    if (Double.isNaN(v)) {
      return "-";
    }
    if (log) {
      return String.format(Locale.ROOT, "%.1e", v);
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e9) {
      return Long.toString((long) v);
    }
    if (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e5) {
      return String.format(Locale.ROOT, "%.2e", v);
    }
    return stripZeros(String.format(Locale.ROOT, "%.3g", v));
  }

  /** A bound as written by a person: {@code 1e-06}, {@code 1}, {@code 0.95}. */
  static String bound(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e6) {
      return Long.toString((long) v);
    }
    String s = String.format(Locale.ROOT, "%.3g", v);
    if (s.contains("e")) {
      return s.replaceAll("\\.?0+e", "e");
    }
    return stripZeros(s);
  }

  private static String stripZeros(String s) {
    return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
  }
}
