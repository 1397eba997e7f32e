package dev.unroll.examples.initstudy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The lecture's pattern, on the generated networks, for a fixed seed. */
class InitStudyTest {
  private static Map<Config, List<LayerStat>> results;

  @BeforeAll
  static void run() {
    results = InitStudy.run(42);
  }

  private static List<LayerStat> of(String file) {
    return results.entrySet().stream().filter(e -> e.getKey().file().equals(file)).findFirst()
        .orElseThrow().getValue();
  }

  @Test
  void tenLayersEach() {
    assertEquals(5, results.size());
    results.values().forEach(s -> assertEquals(10, s.size()));
  }

  @Test
  void smallRandomTanhCollapsesTowardZero() {
    List<LayerStat> s = of("tanh-small");
    for (int l = 1; l < s.size(); l++) {
      // Each layer multiplies the spread by about 0.01 * sqrt(500) = 0.22.
      assertTrue(s.get(l).std() < 0.5 * s.get(l - 1).std(),
          InitStudy.table(Config.all().get(0), s));
    }
    assertTrue(s.get(9).std() < 1e-5, "" + s.get(9));
  }

  @Test
  void largeRandomTanhSaturates() {
    for (LayerStat l : of("tanh-large")) {
      assertTrue(l.saturated() > 0.8, "" + l);
      assertTrue(l.std() > 0.95, "" + l);
    }
  }

  @Test
  void xavierKeepsTanhStable() {
    for (LayerStat l : of("tanh-xavier")) {
      assertTrue(l.std() > 0.15 && l.std() < 0.7, "" + l);
      assertTrue(l.saturated() < 0.05, "" + l);
    }
  }

  @Test
  void xavierCollapsesRelu() {
    List<LayerStat> s = of("relu-xavier");
    // ReLU halves the variance each layer: the std shrinks by about 1/sqrt(2) per layer.
    assertTrue(s.get(9).std() < 0.1 * s.get(0).std(), s.get(0) + " -> " + s.get(9));
  }

  @Test
  void heKeepsReluStable() {
    List<LayerStat> s = of("relu-he");
    for (LayerStat l : s) {
      assertTrue(l.std() > 0.5 && l.std() < 1.5, "" + l);
    }
    double ratio = s.get(9).std() / s.get(0).std();
    assertTrue(ratio > 0.5 && ratio < 2, "std ratio layer 10 / layer 1: " + ratio);
  }

  @Test
  void drawsOnePictureOfTenHistograms() {
    Map.Entry<Config, List<LayerStat>> first = results.entrySet().iterator().next();
    BufferedImage img = InitStudy.picture(first.getKey(), first.getValue());
    assertEquals(5 * 340, img.getWidth());
    assertEquals(2 * 230 + 30, img.getHeight());
  }

  @Test
  void reluTablesShowTheFractionOfZeroOutputs() {
    Config he = Config.all().get(4);
    String table = InitStudy.table(he, of("relu-he"));
    assertTrue(table.split("\n")[1].endsWith("h = 0"), table);
    assertTrue(!table.contains(" -\n"), table);
    for (LayerStat l : of("relu-he")) {
      // a ReLU of a symmetric input is zero about half the time
      assertTrue(l.zero() > 0.4 && l.zero() < 0.6, "" + l);
      assertTrue(table.contains(String.format("%9.1f%%", 100 * l.zero())), table);
    }
    String tanh = InitStudy.table(Config.all().get(1), of("tanh-large"));
    assertTrue(tanh.split("\n")[1].endsWith("|h|>0.99"), tanh);
  }
}
