package dev.unroll.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unroll.search.report.SearchReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report is one page with the (lr, l2) scatter embedded as a PNG, and the trials. */
class SearchReportTest {
  @TempDir Path dir;

  @Test
  void writesTheScatterAndTheTable() throws IOException {
    SearchSpace space = SearchSpace.builder().logUniform("lr", 1e-6, 10)
        .logUniform("l2", 1e-6, 1).build();
    // A good diagonal band, as in the lecture's picture; trials with a huge lr fail.
    SearchResult r = new Search(space).model(TestSpecs_TinyNet::new).trial((trial, model) -> {
      double lr = Math.log10(trial.config().get("lr"));
      double l2 = Math.log10(trial.config().get("l2"));
      if (lr > 0.5) {
        throw new ArithmeticException("loss is NaN");
      }
      return Stubs.result(1 / (1 + 0.3 * Math.abs(lr + 2) + 0.2 * Math.abs(l2 + 4)));
    }).stages(Stage.of("coarse", 80, 1), Stage.of("fine", 30, 1).keep(0.3)).seed(9).run();
    Path file = dir.resolve("search.html");
    SearchReport report = SearchReport.of(r).title("Blobs search");
    report.write(file);
    String html = Files.readString(file);
    for (String part : new String[] {"Blobs search", "Validation accuracy over (lr, l2)",
        "Stages", "Trials, best first", "Stopped early or failed",
        "loss is NaN"}) {
      assertTrue(html.contains(part), part);
    }
    assertTrue(!html.contains("src=\"http") && !html.contains("<script"), "no external content");
    // One decodable picture per stage.
    Matcher m = Pattern.compile("data:image/png;base64,([A-Za-z0-9+/=]+)").matcher(html);
    int images = 0;
    while (m.find()) {
      var image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))));
      assertEquals(760, image.getWidth());
      images++;
    }
    assertEquals(2, images);
    // Kept beside the build output so a person can look at the pictures.
    Files.write(Path.of("target", "search-scatter-1.png"), report.scatterPng(1));
    Files.write(Path.of("target", "search-scatter-2.png"), report.scatterPng(2));
  }
}
