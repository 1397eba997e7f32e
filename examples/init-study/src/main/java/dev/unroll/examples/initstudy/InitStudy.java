package dev.unroll.examples.initstudy;

import dev.unroll.runtime.Model;
import dev.unroll.runtime.Rng;
import dev.unroll.runtime.Tensor;
import dev.unroll.train.monitor.Histogram;
import dev.unroll.train.report.Charts;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;

/**
 * The lecture's weight-initialization experiment: a batch of 1000 inputs of 500 values from
 * N(0, 1) goes forward through ten 500-unit layers, and the mean and standard deviation of every
 * layer's outputs are printed for five inits, with a picture of each layer's histogram.
 *
 * <p>Run {@code java -jar init-study.jar [output-dir] [seed]}; the pictures go to {@code
 * output-dir} (default {@code init-study}).
 */
public final class InitStudy {
  /** Rows of the input batch. */
  public static final int SAMPLES = 1000;
  /** Features per row. */
  public static final int INPUTS = 500;

  private InitStudy() {}

  /** Runs every configuration on the same input; the map keeps the lecture's order. */
  public static Map<Config, List<LayerStat>> run(long seed) {
    float[][] x = input(seed);
    Map<Config, List<LayerStat>> out = new LinkedHashMap<>();
    for (Config c : Config.all()) {
      out.put(c, measure(c.network().apply(seed), x));
    }
    return out;
  }

  /** The input: 1000 x 500 from N(0, 1), fixed by the seed. */
  public static float[][] input(long seed) {
    Rng rng = new Rng(seed ^ 0x5DEECE66DL);
    float[][] x = new float[SAMPLES][INPUTS];
    for (float[] row : x) {
      for (int j = 0; j < INPUTS; j++) {
        row[j] = (float) rng.gaussian();
      }
    }
    return x;
  }

  /** One forward pass, then every layer's statistics from {@link Model#activations()}. */
  public static List<LayerStat> measure(Model net, float[][] x) {
    net.setTraining(false);
    net.forward(x, x.length);
    List<LayerStat> stats = new ArrayList<>();
    for (Tensor a : net.activations()) {
      stats.add(stat(a, x.length));
    }
    return stats;
  }

  private static LayerStat stat(Tensor a, int n) {
    double sum = 0;
    double sq = 0;
    double max = 0;
    long sat = 0;
    long zero = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < a.cols(); j++) {
        double v = a.get(i, j);
        if (v == 0) {
          zero++;
        }
        sum += v;
        sq += v * v;
        max = Math.max(max, Math.abs(v));
        if (Math.abs(v) > 0.99) {
          sat++;
        }
      }
    }
    long count = (long) n * a.cols();
    double mean = sum / count;
    double std = Math.sqrt(Math.max(0, sq / count - mean * mean));
    double min = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < a.cols(); j++) {
        min = Math.min(min, a.get(i, j));
      }
    }
    // tanh outputs on [-1, 1] as in the lecture's plots; ReLU outputs from 0 to their maximum.
    double lo = min < 0 ? -1 : 0;
    double hi = min < 0 ? 1 : Math.max(max, 1e-30);
    long[] bins = new long[50];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < a.cols(); j++) {
        int k = (int) ((a.get(i, j) - lo) / (hi - lo) * bins.length);
        bins[Math.max(0, Math.min(bins.length - 1, k))]++;
      }
    }
    // Saturation is a tanh/sigmoid notion; a ReLU output above 0.99 is just large.
    return new LayerStat(a.layer(), mean, std, min < 0 ? (double) sat / count : Double.NaN,
        (double) zero / count, new Histogram(lo, hi, bins));
  }

  /**
   * The table the lecture prints: one line per layer, with the fraction that matters for the
   * activation: saturated outputs (|h| > 0.99) for tanh, zero outputs for ReLU.
   */
  public static String table(Config c, List<LayerStat> stats) {
    boolean relu = !stats.isEmpty() && stats.get(0).nonNegative();
    StringBuilder sb = new StringBuilder(c.label()).append('\n');
    sb.append(String.format("  %-6s %12s %12s %10s%n", "layer", "mean", "std",
        relu ? "h = 0" : "|h|>0.99"));
    for (LayerStat s : stats) {
      double fraction = relu ? s.zero() : s.saturated();
      sb.append(String.format("  %-6d %12.4g %12.4g %9.1f%%%n", s.layer(), s.mean(), s.std(),
          100 * fraction));
    }
    return sb.toString();
  }

  /** One picture per configuration: the ten histograms in two rows of five. */
  public static BufferedImage picture(Config c, List<LayerStat> stats) {
    int w = 340;
    int h = 230;
    int cols = 5;
    int rows = (stats.size() + cols - 1) / cols;
    BufferedImage img = new BufferedImage(cols * w, rows * h + 30, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, img.getWidth(), img.getHeight());
    g.setColor(Color.BLACK);
    g.setFont(g.getFont().deriveFont(16f));
    g.drawString(c.label(), 10, 21);
    for (int i = 0; i < stats.size(); i++) {
      LayerStat s = stats.get(i);
      var chart = Charts.histogram(String.format("layer %d: mean %.2g std %.2g", s.layer(),
          s.mean(), s.std()), s.histogram());
      chart.getStyler().setChartTitleFont(chart.getStyler().getChartTitleFont().deriveFont(12f));
      g.drawImage(resized(BitmapEncoder.getBufferedImage(chart), w, h), (i % cols) * w,
          30 + (i / cols) * h, null);
    }
    g.dispose();
    return img;
  }

  private static BufferedImage resized(BufferedImage src, int w, int h) {
    if (src.getWidth() == w && src.getHeight() == h) {
      return src;
    }
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.drawImage(src, 0, 0, w, h, null);
    g.dispose();
    return out;
  }

  /** Prints the five tables and writes {@code <dir>/<config>.png}. */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "init-study");
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
    Files.createDirectories(dir);
    for (Map.Entry<Config, List<LayerStat>> e : run(seed).entrySet()) {
      System.out.println(table(e.getKey(), e.getValue()));
      Path file = dir.resolve(e.getKey().file() + ".png");
      ImageIO.write(picture(e.getKey(), e.getValue()), "png", file.toFile());
      System.out.println("  histograms: " + file);
      System.out.println();
    }
  }
}
