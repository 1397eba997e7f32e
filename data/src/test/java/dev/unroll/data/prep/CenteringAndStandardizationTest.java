package dev.unroll.data.prep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CenteringAndStandardizationTest {
  private final float[][] train = Gaussians.correlated(2000, 5, 10, 1);

  @Test
  void centeringMakesTheTrainingMeanZero() {
    MeanCentering c = (MeanCentering) Steps.center().fit(train);
    assertArrayEquals(Gaussians.mean(train), c.mean(), 1e-9);
    for (double m : Gaussians.mean(c.apply(train))) {
      assertEquals(0, m, 1e-5);
    }
  }

  @Test
  void perChannelCenteringSubtractsOneMeanPerChannel() {
    // 2 samples of 3 channels x 2 pixels, channel-major: channel c holds values near 10 * c.
    float[][] x = {{0, 2, 10, 12, 20, 22}, {4, 6, 14, 16, 24, 26}};
    MeanCentering c = (MeanCentering) Steps.centerPerChannel(3).fit(x);
    assertArrayEquals(new double[] {3, 13, 23}, c.mean(), 0);
    assertArrayEquals(new float[] {-3, -1, -3, -1, -3, -1}, c.apply(x)[0]);
    assertEquals("3", c.settings().get("channels"));
  }

  @Test
  void standardizationGivesUnitVariancePerFeature() {
    Standardization s = (Standardization) Steps.standardize().fit(train);
    float[][] out = s.apply(train);
    double[][] cov = Gaussians.covariance(out);
    double[] mean = Gaussians.mean(out);
    for (int j = 0; j < 5; j++) {
      assertEquals(0, mean[j], 1e-5);
      assertEquals(1, cov[j][j], 1e-4);
    }
    assertTrue(s.std()[4] > s.std()[0], "the generator makes later features wider");
  }

  @Test
  void perChannelStandardizationUsesAllPixelsOfAChannel() {
    float[][] x = {{0, 2, 10, 30}, {4, 6, 50, 70}};
    Standardization s = (Standardization) Steps.standardizePerChannel(2).fit(x);
    assertArrayEquals(new double[] {3, 40}, s.mean(), 0);
    // channel 0: 0, 2, 4, 6 -> population variance 5; channel 1: 10..70 -> 500.
    assertArrayEquals(new double[] {Math.sqrt(5), Math.sqrt(500)}, s.std(), 1e-12);
    float[][] out = s.apply(x);
    double var0 = 0;
    for (float[] row : out) {
      var0 += row[0] * row[0] + row[1] * row[1];
    }
    assertEquals(1, var0 / 4, 1e-6);
  }

  @Test
  void aConstantFeatureIsCenteredNotDividedByZero() {
    float[][] x = {{1, 5}, {3, 5}};
    float[][] out = Steps.standardize().fit(x).apply(x);
    assertArrayEquals(new float[] {1, 0}, out[1]);
  }

  @Test
  void fittingRejectsDataThatDoesNotFit() {
    assertThrows(IllegalArgumentException.class, () -> Steps.center().fit(new float[0][]));
    assertThrows(IllegalArgumentException.class,
        () -> Steps.centerPerChannel(3).fit(new float[][] {{1, 2, 3, 4}}));
    assertThrows(IllegalArgumentException.class,
        () -> Steps.standardize().fit(new float[][] {{1, 2}, {3}}));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Steps.center().fit(train).apply(new float[3], new float[5]));
    assertTrue(e.getMessage().contains("expects rows of 5 features, got 3"), e.getMessage());
  }
}
