package dev.unroll.train.report;

import dev.unroll.runtime.Model;
import dev.unroll.runtime.Tensor;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The report's part for a conv network: the first conv layer's filters as pictures (the
 * lecture's picture of learned edge and color detectors), and statistics of every conv layer's
 * activations per channel (mean, standard deviation, and the share of values that are exactly
 * zero: a ReLU channel at 100% is dead). Shapes come from the network's canonical architecture
 * text ({@code conv filters=16 ... size=3 stride=1 pad=1 in=1x28x28}).
 */
final class ConvSection {
  private static final Pattern CONV =
      Pattern.compile("conv filters=(\\d+) .*?size=(\\d+) stride=\\d+ pad=\\d+ in=(\\d+)x");
  private static final int ZOOM = 8;
  private static final int GAP = 3;

  private ConvSection() {}

  /** One conv layer as the architecture text describes it. */
  record ConvLayer(int index, int filters, int size, int channels) {}

  /** The conv layers of {@code model}, in order (empty for a dense network). */
  static List<ConvLayer> convLayers(Model model) {
    List<ConvLayer> out = new ArrayList<>();
    String[] layers = model.architecture().split(" \\| ");
    for (int i = 1; i < layers.length; i++) {
      Matcher m = CONV.matcher(layers[i]);
      if (m.lookingAt()) {
        out.add(new ConvLayer(i, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3))));
      }
    }
    return out;
  }

  /** Appends the filters of the first conv layer and the per-channel tables; false if none. */
  static boolean append(StringBuilder h, Model model) {
    List<ConvLayer> convs = convLayers(model);
    if (convs.isEmpty()) {
      return false;
    }
    ConvLayer first = convs.get(0);
    Tensor w = null;
    for (Tensor t : model.params()) {
      if (t.role() == Tensor.Role.WEIGHT && t.layer() == first.index()) {
        w = t;
      }
    }
    if (w != null && (first.channels() == 1 || first.channels() == 3)) {
      h.append("<h2>First conv layer's filters</h2>\n<p>Each tile is one ")
          .append(first.size()).append(" x ").append(first.size())
          .append(first.channels() == 3 ? " RGB" : " grey")
          .append(" filter, scaled from its own minimum (black) to maximum (white): trained")
          .append(" filters look like edge, blob and color detectors.</p>\n");
      HtmlImages.img(h, WeightImages.png(filters(w, first)), "first conv layer's filters");
    }
    h.append("<h2>Conv layer activations per channel</h2>\n<p>Over the last batch the network")
        .append(" ran. A channel whose outputs are all exactly zero is a dead ReLU.</p>\n");
    for (ConvLayer c : convs) {
      for (Tensor a : model.activations()) {
        if (a.layer() == c.index()) {
          table(h, c, a, model.batchSize());
        }
      }
    }
    return true;
  }

  /** A tile per filter, {@code size x size}, RGB for three channels. */
  static BufferedImage filters(Tensor w, ConvLayer layer) {
    int size = layer.size();
    int count = w.rows();
    int perRow = (int) Math.ceil(Math.sqrt(count));
    int rows = (count + perRow - 1) / perRow;
    int tile = size * ZOOM + GAP;
    BufferedImage img = new BufferedImage(perRow * tile + GAP, rows * tile + GAP,
        BufferedImage.TYPE_INT_RGB);
    var g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, img.getWidth(), img.getHeight());
    g.dispose();
    int plane = size * size;
    for (int f = 0; f < count; f++) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (int r = 0; r < w.cols(); r++) {
        min = Math.min(min, w.get(f, r));
        max = Math.max(max, w.get(f, r));
      }
      double scale = max > min ? 255 / (max - min) : 0;
      int ox = GAP + (f % perRow) * tile;
      int oy = GAP + (f / perRow) * tile;
      for (int p = 0; p < plane; p++) {
        int red = level(w.get(f, p), min, scale);
        int green = layer.channels() == 3 ? level(w.get(f, plane + p), min, scale) : red;
        int blue = layer.channels() == 3 ? level(w.get(f, 2 * plane + p), min, scale) : red;
        int rgb = (red << 16) | (green << 8) | blue;
        for (int dy = 0; dy < ZOOM; dy++) {
          for (int dx = 0; dx < ZOOM; dx++) {
            img.setRGB(ox + (p % size) * ZOOM + dx, oy + (p / size) * ZOOM + dy, rgb);
          }
        }
      }
    }
    return img;
  }

  private static int level(double v, double min, double scale) {
    return (int) Math.max(0, Math.min(255, Math.round((v - min) * scale)));
  }

  /** Mean, standard deviation and share of zeros per channel of one layer's output rows. */
  static double[][] channelStats(Tensor a, int channels, int n) {
    int plane = a.cols() / channels;
    double[][] stats = new double[channels][3];
    for (int c = 0; c < channels; c++) {
      double sum = 0;
      double squares = 0;
      long zeros = 0;
      for (int i = 0; i < n; i++) {
        for (int p = c * plane; p < (c + 1) * plane; p++) {
          double v = a.get(i, p);
          sum += v;
          squares += v * v;
          zeros += v == 0 ? 1 : 0;
        }
      }
      double count = Math.max(1.0, (double) n * plane);
      double mean = sum / count;
      stats[c] = new double[] {mean, Math.sqrt(Math.max(0, squares / count - mean * mean)),
          zeros / count};
    }
    return stats;
  }

  private static void table(StringBuilder h, ConvLayer c, Tensor a, int n) {
    if (n <= 0) {
      return;
    }
    double[][] stats = channelStats(a, c.filters(), n);
    h.append("<table><caption>layer ").append(c.index()).append(": ").append(c.filters())
        .append(" channels</caption>\n<tr><th>channel</th><th>mean</th><th>std</th>")
        .append("<th>zeros</th></tr>\n");
    for (int ch = 0; ch < stats.length; ch++) {
      h.append(String.format(Locale.ROOT,
          "<tr><td>%d</td><td>%.4f</td><td>%.4f</td><td>%.1f%%</td></tr>%n", ch, stats[ch][0],
          stats[ch][1], 100 * stats[ch][2]));
    }
    h.append("</table>\n");
  }
}
