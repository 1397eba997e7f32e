package dev.unroll.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unroll.runtime.Model;
import dev.unroll.runtime.Rng;
import dev.unroll.train.augment.ImageAugmentation;
import dev.unroll.train.check.SanityChecks;
import dev.unroll.train.check.SanityReport;
import dev.unroll.train.optim.Optimizers;
import dev.unroll.train.report.HtmlReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tools, unchanged, on a generated conv network: the sanity checks (overfitting 20 images
 * included), the trainer with its monitor and with augmentation, and the report's conv part.
 */
class ConvToolsTest {
  @TempDir Path dir;

  /** 6x6 images of a vertical bar at column 1, 3 or 5 (the class), with noise. */
  static Problems bars(int n, long seed) {
    Rng rng = new Rng(seed);
    Problems p = new Problems(new float[n][36], new int[n]);
    for (int i = 0; i < n; i++) {
      int c = i % 3;
      p.y[i] = c;
      for (int j = 0; j < 36; j++) {
        p.x[i][j] = (float) (0.3 * rng.gaussian() + (j % 6 == 1 + 2 * c ? 1 : 0));
      }
    }
    return p;
  }

  @Test
  void convNetworkPassesTheSanityChecks() {
    Model net = new GeneratedSpecs_SmallConvNet(3);
    Problems data = bars(300, 4);
    SanityReport report = new SanityChecks().runAll(net, data.x, data.y);
    assertTrue(report.allPassed(), report.toString());
  }

  @Test
  void trainsWithAugmentationAndReportsFiltersAndChannels() throws IOException {
    Model net = new GeneratedSpecs_SmallConvNet(1);
    Problems data = bars(300, 5);
    TrainingResult r = new Trainer().epochs(8).batchSize(32).optimizer(Optimizers.adam())
        .learningRate(1e-2)
        .augmentation(new ImageAugmentation(1, 6, 6, false, 1, 32, 7))
        .validateOn(data.tail(240).x, data.tail(240).y)
        .fit(net, data.head(240).x, data.head(240).y);
    assertTrue(r.bestValAccuracy() > 0.9, r.history().summary());
    assertEquals(3, r.history().last().layers().size(), "conv, pool and dense layers monitored");
    Path file = dir.resolve("report.html");
    HtmlReport.of(r.history()).model(net).write(file);
    String html = Files.readString(file);
    assertTrue(html.contains("First conv layer's filters"), "filter pictures");
    assertTrue(html.contains("<table><caption>layer 1: 4 channels</caption>"), "channel table");
  }
}
