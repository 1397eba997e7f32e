package dev.unroll.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unroll.train.check.SanityChecks;
import dev.unroll.train.check.SanityReport;
import dev.unroll.train.optim.Optimizers;
import dev.unroll.train.report.HtmlReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report is one file whose pictures are all embedded, decodable PNGs. */
class HtmlReportTest {
  @TempDir Path dir;

  @Test
  void writesASelfContainedPageWithEveryPlot() throws IOException {
    // 16 inputs: a 4 x 4 "image", so the first-layer weights are drawn too.
    Problems data = Problems.blobs(240, 16, 3, 1.0, 2);
    TestNet net = new TestNet(TestNet.Config.of(16, 20, 3).initScale(0.01), 3);
    SanityReport sanity = new SanityChecks().runAll(net, data.x, data.y);
    TrainingResult r = new Trainer().epochs(4).batchSize(24).optimizer(Optimizers.adam())
        .learningRate(1e-2).validateOn(data.tail(180).x, data.tail(180).y)
        .fit(net, data.head(180).x, data.head(180).y);
    Path file = dir.resolve("report.html");
    HtmlReport.of(r.history()).model(net).sanity(sanity).write(file);
    String html = Files.readString(file);
    for (String part : new String[] {"Sanity checks", "Loss", "Training vs validation accuracy",
        "Updates, activations and gradients", "Activation histograms", "First-layer weights",
        "PASS"}) {
      assertTrue(html.contains(part), part);
    }
    assertTrue(!html.contains("src=\"http") && !html.contains("<script"), "no external content");
    Matcher m = Pattern.compile("data:image/png;base64,([A-Za-z0-9+/=]+)").matcher(html);
    int images = 0;
    while (m.find()) {
      byte[] png = Base64.getDecoder().decode(m.group(1));
      assertEquals((byte) 0x89, png[0]);
      assertEquals('P', png[1]);
      images++;
    }
    // loss, accuracy, update ratio, 2 layers x 2 epochs of histograms, weights.
    assertEquals(3 + 4 + 1, images);
  }

  @Test
  void drawsTheConfusionMatrixWithRecallAndPrecision() {
    Problems data = Problems.blobs(90, 4, 3, 2.0, 5);
    TestNet net = new TestNet(TestNet.Config.of(4, 8, 3), 1);
    TrainingResult r = new Trainer().epochs(2).batchSize(10).learningRate(0.05)
        .fit(net, data.x, data.y);
    Evaluation e = Evaluation.of(net, data.x, data.y);
    String html = HtmlReport.of(r.history())
        .evaluation("Test set", e, List.of("a<b", "versicolor", "virginica")).html();
    assertTrue(html.contains("<h2>Test set</h2>"), html);
    assertTrue(html.contains("<th>a&lt;b</th><th>versicolor</th><th>virginica</th>"
        + "<th>recall</th>"), html);
    // every cell is a count of the matrix, shaded by its share of the row
    for (int t = 0; t < 3; t++) {
      for (int p = 0; p < 3; p++) {
        long v = e.confusion(t, p);
        String cell = "\">" + v + "</td>";
        assertTrue(html.contains(cell), cell);
      }
    }
    assertTrue(html.contains("<th class=\"l\">precision</th>"), html);
    assertTrue(html.contains(String.format("%.1f%%", 100 * e.recall(0))), html);
  }
}
