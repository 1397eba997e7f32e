package dev.unroll.train.report;

import dev.unroll.runtime.Model;
import dev.unroll.runtime.Tensor;
import dev.unroll.train.Evaluation;
import dev.unroll.train.check.LearningRateSweep;
import dev.unroll.train.check.SanityReport;
import dev.unroll.train.check.Verdict;
import dev.unroll.train.monitor.EpochStats;
import dev.unroll.train.monitor.LayerStats;
import dev.unroll.train.monitor.TrainingHistory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One self-contained HTML page about a training run, every picture embedded as a base64 PNG: the
 * sanity checks' verdicts, the loss curve, training vs validation accuracy with the gap notes, the
 * update ratio per layer on a log scale with a per-layer table (activations, gradients, dead and
 * saturated units), histograms of each layer's outputs, and the first layer's weights as images
 * when the input is an image.
 *
 * <pre>{@code
 * HtmlReport.of(result.history()).model(net).sanity(checks)
 *     .evaluation("Test set", Evaluation.of(net, test), test.classNames())
 *     .write(Path.of("report.html"));
 * }</pre>
 */
public final class HtmlReport {
  private final TrainingHistory history;
  private Model model;
  private SanityReport sanity;
  private String title;
  private int imageHeight;
  private int imageWidth;
  private int imageChannels = 1;
  private final List<Scored> evaluations = new ArrayList<>();

  /** An evaluation to show, with its heading and class names. */
  private record Scored(String heading, Evaluation evaluation, List<String> names) {}

  private HtmlReport(TrainingHistory history) {
    this.history = history;
    this.title = "Training report: " + history.specName();
  }

  /** A report of {@code history}. */
  public static HtmlReport of(TrainingHistory history) {
    return new HtmlReport(history);
  }

  /** The trained network, for first-layer weight images. */
  public HtmlReport model(Model model) {
    this.model = model;
    return this;
  }

  /** Sanity-check verdicts to show first. */
  public HtmlReport sanity(SanityReport sanity) {
    this.sanity = sanity;
    return this;
  }

  /**
   * Adds an evaluation's confusion matrix with per-class precision and recall, drawn as a shaded
   * table; may be called for several splits (validation, test).
   *
   * @param classNames names of the classes, or an empty list for their numbers
   */
  public HtmlReport evaluation(String heading, Evaluation evaluation, List<String> classNames) {
    evaluations.add(new Scored(heading, evaluation, List.copyOf(classNames)));
    return this;
  }

  /** The page title. */
  public HtmlReport title(String title) {
    this.title = title;
    return this;
  }

  /**
   * The input's image shape, for the weight pictures; without it a square number of inputs is
   * read as a square grey image.
   */
  public HtmlReport imageShape(int height, int width, int channels) {
    this.imageHeight = height;
    this.imageWidth = width;
    this.imageChannels = channels;
    return this;
  }

  /** Writes the page to a temporary file beside {@code path}, then renames it over the target. */
  public void write(Path path) throws IOException {
    Path target = path.toAbsolutePath();
    Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
    try {
      Files.writeString(temp, html(), StandardCharsets.UTF_8);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** The page. */
  public String html() {
    StringBuilder h = new StringBuilder(1 << 16);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(esc(title)).append("</title>\n<style>")
        .append("body{font-family:sans-serif;max-width:1150px;margin:2em auto;color:#222}")
        .append("table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;")
        .append("padding:3px 8px;text-align:right}th{background:#f2f2f2}")
        .append("td.l{text-align:left}.pass{color:#197a2e}.fail{color:#b3261e}")
        .append(".note{background:#fff6d6;padding:4px 8px}img{margin:4px}")
        .append("code{background:#f4f4f4}</style></head><body>\n");
    h.append("<h1>").append(esc(title)).append("</h1>\n");
    h.append("<p><code>").append(esc(history.architecture())).append("</code></p>\n");
    if (!history.outcome().isEmpty()) {
      h.append("<p class=\"note\">").append(esc(history.outcome())).append("</p>\n");
    }
    if (sanity != null) {
      sanity(h);
    }
    List<EpochStats> epochs = history.epochs();
    for (Scored e : evaluations) {
      ConfusionHtml.append(h, e.heading(), e.evaluation(), e.names());
    }
    h.append("<h2>Loss</h2>\n");
    img(h, Charts.png(Charts.loss(history.batchLosses(), epochs)), "loss per batch");
    h.append("<h2>Training vs validation accuracy</h2>\n");
    img(h, Charts.png(Charts.accuracy(epochs)), "accuracy per epoch");
    for (EpochStats e : epochs) {
      if (!e.note().isEmpty()) {
        h.append("<p class=\"note\">epoch ").append(e.epoch()).append(": ").append(esc(e.note()))
            .append("</p>\n");
      }
    }
    h.append("<h2>Updates, activations and gradients per layer</h2>\n");
    img(h, Charts.png(Charts.updateRatio(epochs, history.layers())), "update ratio");
    if (!epochs.isEmpty()) {
      layerTable(h, epochs.get(epochs.size() - 1));
      h.append("<h2>Activation histograms</h2>\n");
      if (epochs.size() > 1) {
        histograms(h, epochs.get(0));
      }
      histograms(h, epochs.get(epochs.size() - 1));
    }
    weights(h);
    h.append("</body></html>\n");
    return h.toString();
  }

  private void sanity(StringBuilder h) {
    h.append("<h2>Sanity checks</h2>\n<table><tr><th>check</th><th>verdict</th>")
        .append("<th>what it saw</th><th>what to do</th></tr>\n");
    for (Verdict v : sanity.verdicts()) {
      h.append("<tr><td class=\"l\">").append(esc(v.check())).append("</td><td class=\"")
          .append(v.passed() ? "pass\">PASS" : "fail\">FAIL").append("</td><td class=\"l\">")
          .append(esc(v.saw())).append("</td><td class=\"l\">").append(esc(v.advice()))
          .append("</td></tr>\n");
    }
    h.append("</table>\n");
    if (sanity.sweep() != null) {
      h.append("<table><tr><th>learning rate</th><th>loss before</th><th>loss after</th>")
          .append("<th>reading</th></tr>\n");
      for (LearningRateSweep.Trial t : sanity.sweep().trials()) {
        h.append(String.format("<tr><td>%.0e</td><td>%.4f</td><td>%.4g</td><td class=\"l\">%s"
            + "</td></tr>%n", t.learningRate(), t.startLoss(), t.endLoss(),
            t.outcome().name().toLowerCase().replace('_', ' ')));
      }
      h.append("</table>\n");
    }
  }

  private static void layerTable(StringBuilder h, EpochStats e) {
    h.append("<p>Epoch ").append(e.epoch()).append(", averaged over the observed batches. The")
        .append(" lecture's target for the update ratio is about 1e-3 (log10 -3); above -2 the")
        .append(" learning rate is probably too high, below -4 too low.</p>\n")
        .append("<table><tr><th>layer</th><th>activation</th><th>log10 update ratio</th>")
        .append("<th>output mean</th><th>output std</th><th>grad mean</th><th>grad std</th>")
        .append("<th>dead ReLUs</th><th>saturated</th></tr>\n");
    for (LayerStats l : e.layers()) {
      double lr = Math.log10(l.updateRatio());
      String cls = Double.isNaN(lr) ? "" : lr > -2 || lr < -4 ? " class=\"fail\"" : "";
      h.append(String.format("<tr><td>%d</td><td class=\"l\">%s</td><td%s>%.2f</td><td>%.3g"
              + "</td><td>%.3g</td><td>%.3g</td><td>%.3g</td><td>%.1f%%</td><td>%.1f%%</td>"
              + "</tr>%n", l.layer(),
          l.activation() == null ? "?" : l.activation().name().toLowerCase(), cls, lr,
          l.actMean(), l.actStd(), l.gradMean(), l.gradStd(), 100 * l.deadFraction(),
          100 * l.saturatedFraction()));
    }
    h.append("</table>\n");
  }

  private static void histograms(StringBuilder h, EpochStats e) {
    h.append("<h3>Epoch ").append(e.epoch()).append("</h3>\n<div>");
    for (LayerStats l : e.layers()) {
      if (l.histogram() != null) {
        img(h, Charts.png(Charts.histogram(l)), "layer " + l.layer() + " outputs");
      }
    }
    h.append("</div>\n");
  }

  private void weights(StringBuilder h) {
    if (model == null || ConvSection.append(h, model)) {
      return;
    }
    Tensor first = null;
    for (Tensor t : model.params()) {
      if (t.role() == Tensor.Role.WEIGHT && t.layer() == 1) {
        first = t;
        break;
      }
    }
    if (first == null) {
      return;
    }
    int height = imageHeight;
    int width = imageWidth;
    int channels = imageChannels;
    if (height == 0) {
      int side = WeightImages.squareSide(first.rows());
      if (side == 0) {
        return;
      }
      height = side;
      width = side;
      channels = 1;
    }
    h.append("<h2>First-layer weights</h2>\n<p>Each tile is one unit's incoming weights as a ")
        .append(height).append(" x ").append(width)
        .append(" image, scaled from its own minimum (black) to maximum (white). Smooth,")
        .append(" structured tiles are a good sign; noise means too little training or too much")
        .append(" learning rate, identical tiles a broken symmetry.</p>\n");
    img(h, WeightImages.png(WeightImages.tiles(first, height, width, channels, 100)),
        "first-layer weights");
  }

  private static void img(StringBuilder h, byte[] png, String alt) {
    h.append("<img alt=\"").append(esc(alt)).append("\" src=\"data:image/png;base64,")
        .append(Base64.getEncoder().encodeToString(png)).append("\">\n");
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
