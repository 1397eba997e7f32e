package dev.unroll.examples.spiral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The README's main job reaches the course's accuracy. */
class SpiralExampleTest {
  @Test
  void spiralNetworkReachesNinetyFivePercentTrainingAccuracy() {
    SpiralExample.Result r = SpiralExample.train(42, SpiralExample.STEPS, null, false);
    assertTrue(r.accuracy() >= 0.95, "training accuracy " + r.accuracy());
  }

  @Test
  void spiralDataHasThreeArmsOfOneHundredPoints() {
    SpiralData data = new SpiralData(1);
    int[] counts = new int[3];
    for (int label : data.y) {
      counts[label]++;
    }
    assertEquals(100, counts[0]);
    assertEquals(100, counts[2]);
    assertEquals(0.0, Math.hypot(data.x[0][0], data.x[0][1]), 1e-6, "each arm starts at 0");
  }
}
