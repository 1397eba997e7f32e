package dev.unroll.train.report;

import dev.unroll.train.Evaluation;
import java.util.List;

/**
 * An {@link Evaluation}'s confusion matrix as an HTML table: each cell shaded by the share of its
 * true class's rows it holds (the diagonal green, the confusions red), each row ending with the
 * class's recall, a last row of precisions.
 */
final class ConfusionHtml {
  private ConfusionHtml() {}

  static void append(StringBuilder h, String title, Evaluation e, List<String> names) {
    h.append("<h2>").append(HtmlReport.esc(title)).append("</h2>\n<p>")
        .append(HtmlReport.esc(e.toString()))
        .append(". Rows: the true class; columns: the prediction.</p>\n")
        .append("<table class=\"confusion\"><tr><th></th>");
    int k = e.classes();
    for (int c = 0; c < k; c++) {
      h.append("<th>").append(HtmlReport.esc(name(names, c))).append("</th>");
    }
    h.append("<th>recall</th></tr>\n");
    for (int t = 0; t < k; t++) {
      long support = e.support(t);
      h.append("<tr><th class=\"l\">").append(HtmlReport.esc(name(names, t))).append("</th>");
      for (int p = 0; p < k; p++) {
        long v = e.confusion(t, p);
        double share = support == 0 ? 0 : (double) v / support;
        h.append("<td style=\"background:").append(shade(share, t == p)).append("\">")
            .append(v).append("</td>");
      }
      h.append("<td>").append(percent(e.recall(t))).append("</td></tr>\n");
    }
    h.append("<tr><th class=\"l\">precision</th>");
    for (int c = 0; c < k; c++) {
      h.append("<td>").append(percent(e.precision(c))).append("</td>");
    }
    h.append("<td></td></tr>\n</table>\n");
  }

  /** White at 0, full green (diagonal) or red (confusion) at 1. */
  static String shade(double share, boolean diagonal) {
    int r = diagonal ? 60 : 215;
    int g = diagonal ? 170 : 60;
    int b = diagonal ? 80 : 50;
    double a = Math.max(0, Math.min(1, share));
    return String.format("rgb(%d,%d,%d)", mix(r, a), mix(g, a), mix(b, a));
  }

  private static int mix(int color, double a) {
    return (int) Math.round(255 + (color - 255) * a);
  }

  private static String name(List<String> names, int c) {
    return c < names.size() ? names.get(c) : Integer.toString(c);
  }

  private static String percent(double fraction) {
    return Double.isNaN(fraction) ? "n/a" : String.format("%.1f%%", 100 * fraction);
  }
}
