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
}
