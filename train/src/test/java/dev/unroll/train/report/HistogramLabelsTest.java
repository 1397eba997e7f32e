package dev.unroll.train.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unroll.train.monitor.Histogram;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;

/**
 * The report's histograms as a person sees them: the rendered PNG's x-axis labels stand apart and
 * the title is not cut at the image's edge. Read from the pixels: the labels are the dark text in
 * the second band of text from the bottom (the first is the axis title).
 */
class HistogramLabelsTest {
  /** Ranges of layer outputs seen in reports: ReLU, tanh, wide and skewed. */
  private static final double[][] RANGES = {
      {0, 3.26}, {-1.2345, 2.9}, {-0.999, 0.999}, {0, 0.0173}, {-312.5, 4890}, {0.5, 0.5001}};

  private static XYChart chart(double lo, double hi) {
    long[] counts = new long[30];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = 1 + (i * 37) % 11;
    }
    XYChart chart = Charts.histogram("layer 12 leaky_relu outputs", new Histogram(lo, hi, counts));
    chart.setXAxisTitle("value (mean -0.000123, std 123.457)");
    return chart;
  }

  @Test
  void xLabelsDoNotRunTogether() {
    for (double[] r : RANGES) {
      BufferedImage img = BitmapEncoder.getBufferedImage(chart(r[0], r[1]));
      int[] band = textBands(img).get(1);
      List<int[]> words = runs(inkColumns(img, band[0], band[1]), 6);
      String where = "range " + r[0] + ".." + r[1] + ": labels at " + describe(words);
      assertTrue(words.size() >= 2, where);
      for (int i = 0; i < words.size(); i++) {
        int[] w = words.get(i);
        // "0.50005" is about 52 pixels in the tick font; two labels run together are wider
        assertTrue(w[1] - w[0] + 1 <= 64, where);
        assertTrue(i == 0 || w[0] - words.get(i - 1)[1] > 12, where);
      }
    }
  }

  @Test
  void theTitleFitsInsideTheImage() {
    for (double[] r : RANGES) {
      BufferedImage img = BitmapEncoder.getBufferedImage(chart(r[0], r[1]));
      List<int[]> bands = textBands(img);
      int[] title = bands.get(bands.size() - 1);
      List<int[]> ink = runs(inkColumns(img, title[0], title[1]), 1);
      int first = ink.get(0)[0];
      int last = ink.get(ink.size() - 1)[1];
      assertTrue(first >= 4 && last <= img.getWidth() - 5,
          "title ink from x=" + first + " to " + last + " of " + img.getWidth());
    }
  }

  /** Dark grey text, not the blue bars or the light grid. */
  private static boolean ink(int rgb) {
    int r = (rgb >> 16) & 0xff;
    int g = (rgb >> 8) & 0xff;
    int b = rgb & 0xff;
    return r < 110 && g < 110 && b < 110 && Math.abs(r - b) < 40;
  }

  private static boolean[] inkColumns(BufferedImage img, int top, int bottom) {
    boolean[] cols = new boolean[img.getWidth()];
    for (int x = 0; x < cols.length; x++) {
      for (int y = top; y <= bottom && !cols[x]; y++) {
        cols[x] = ink(img.getRGB(x, y));
      }
    }
    return cols;
  }

  /** Rows with text, grouped into bands from the bottom up. */
  private static List<int[]> textBands(BufferedImage img) {
    boolean[] rows = new boolean[img.getHeight()];
    for (int y = 0; y < rows.length; y++) {
      // only the middle 90%: the y-axis title's letters sit at the left edge
      for (int x = img.getWidth() / 6; x < img.getWidth() && !rows[y]; x++) {
        rows[y] = ink(img.getRGB(x, y));
      }
    }
    List<int[]> bands = runs(rows, 2);
    List<int[]> up = new ArrayList<>();
    for (int i = bands.size() - 1; i >= 0; i--) {
      up.add(bands.get(i));
    }
    return up;
  }

  /** Runs of true, merging runs separated by fewer than {@code gap} false values. */
  private static List<int[]> runs(boolean[] on, int gap) {
    List<int[]> out = new ArrayList<>();
    int start = -1;
    int lastOn = -gap - 1;
    for (int i = 0; i < on.length; i++) {
      if (!on[i]) {
        continue;
      }
      if (start >= 0 && i - lastOn <= gap) {
        lastOn = i;
        continue;
      }
      if (start >= 0) {
        out.add(new int[] {start, lastOn});
      }
      start = i;
      lastOn = i;
    }
    if (start >= 0) {
      out.add(new int[] {start, lastOn});
    }
    return out;
  }

  private static String describe(List<int[]> words) {
    StringBuilder s = new StringBuilder();
    for (int[] w : words) {
      s.append(' ').append(w[0]).append('-').append(w[1]);
    }
    return s.toString();
  }
}
