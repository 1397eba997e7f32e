package dev.unroll.data.load;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV line into fields: RFC 4180 quoting ({@code "a,b"}, with {@code ""} for a quote
 * inside), surrounding whitespace trimmed from unquoted fields. A record spanning lines is not
 * supported; numeric data never needs one.
 */
final class CsvFields {
  private CsvFields() {}

  /** The fields of {@code line}, or null when a quote is left open (the caller reports it). */
  static List<String> split(String line, char delimiter) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == '"' && field.toString().isBlank()) {
        quoted = true;
        wasQuoted = true;
        field.setLength(0);
      } else if (c == delimiter) {
        fields.add(wasQuoted ? field.toString() : field.toString().strip());
        field.setLength(0);
        wasQuoted = false;
      } else if (!wasQuoted) {
        field.append(c);
      }
    }
    if (quoted) {
      return null;
    }
    fields.add(wasQuoted ? field.toString() : field.toString().strip());
    return fields;
  }

  /**
   * Whether {@code s} is a plain finite decimal number ({@code 1}, {@code -2.5}, {@code .5},
   * {@code 3e-4}). Stricter than {@link Float#parseFloat}, which also takes {@code NaN}, {@code
   * Infinity}, hex and a trailing {@code f} or {@code d}, none of which is data.
   */
  static boolean isNumber(String s) {
    int i = 0;
    int n = s.length();
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int digits = 0;
    while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
      digits++;
    }
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int exp = 0;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
        exp++;
      }
      if (exp == 0) {
        return false;
      }
    }
    return i == n;
  }

  /** Whether {@code s} is a non-negative integer written in decimal digits. */
  static boolean isLabelNumber(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
