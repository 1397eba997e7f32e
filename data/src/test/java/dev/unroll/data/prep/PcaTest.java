package dev.unroll.data.prep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PcaTest {
  private final float[][] train = Gaussians.correlated(3000, 6, -4, 2);

  @Test
  void rotatedTrainingCovarianceIsDiagonalAndDecreasing() {
    Pca pca = (Pca) Steps.pca(6).fit(train);
    double[][] cov = Gaussians.covariance(pca.apply(train));
    double largest = cov[0][0];
    for (int a = 0; a < 6; a++) {
      for (int b = 0; b < 6; b++) {
        if (a != b) {
          assertEquals(0, cov[a][b], 1e-5 * largest, "covariance[" + a + "][" + b + "]");
        }
      }
      assertEquals(pca.eigenvalues()[a], cov[a][a], 1e-5 * largest);
      if (a > 0) {
        assertTrue(cov[a][a] < cov[a - 1][a - 1], "variances decrease");
      }
    }
  }

  @Test
  void whitenedTrainingCovarianceIsTheIdentity() {
    Pca white = (Pca) Steps.whiten(6).fit(train);
    assertEquals(1e-5, white.eps());
    double[][] cov = Gaussians.covariance(white.apply(train));
    for (int a = 0; a < 6; a++) {
      for (int b = 0; b < 6; b++) {
        assertEquals(a == b ? 1 : 0, cov[a][b], 1e-3, "covariance[" + a + "][" + b + "]");
      }
    }
  }

  @Test
  void keepingKComponentsKeepsTheLargest() {
    Pca full = (Pca) Steps.pca(6).fit(train);
    Pca two = (Pca) Steps.pca(2).fit(train);
    assertEquals(2, two.outputSize());
    float[][] a = full.apply(train);
    float[][] b = two.apply(train);
    for (int i = 0; i < 10; i++) {
      assertArrayEquals(new float[] {a[i][0], a[i][1]}, b[i]);
    }
    double[] s = full.eigenvalues();
    double total = 0;
    for (double v : s) {
      total += v;
    }
    assertEquals((s[0] + s[1]) / total, two.explainedVariance(), 1e-12);
  }

  @Test
  void varianceFractionChoosesTheFewestComponents() {
    double[] s = ((Pca) Steps.pca(6).fit(train)).eigenvalues();
    double total = 0;
    for (double v : s) {
      total += v;
    }
    double firstThree = (s[0] + s[1] + s[2]) / total;
    assertEquals(3, Steps.pcaVariance(firstThree).fit(train).outputSize());
    assertEquals(4, Steps.pcaVariance(firstThree + 1e-9).fit(train).outputSize());
    assertEquals(6, Steps.pcaVariance(1).fit(train).outputSize());
  }

  @Test
  void knownTwoDimensionalCase() {
    // Points on the line y = x at +-1 and +-3: variance along (1, 1)/sqrt(2) is
    // mean(2 * t^2) = 2 * 5 = 10, none across it.
    float[][] x = {{-3, -3}, {-1, -1}, {1, 1}, {3, 3}};
    Pca pca = (Pca) Steps.pca(2).fit(x);
    assertArrayEquals(new double[] {10, 0}, pca.eigenvalues(), 1e-12);
    double r = Math.sqrt(0.5);
    assertArrayEquals(new double[] {r, r}, pca.components()[0], 1e-12, "largest entry positive");
    assertArrayEquals(new float[] {(float) (3 * Math.sqrt(2)), 0}, pca.apply(x)[3], 1e-6f);
  }

  @Test
  void badComponentCountsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> Steps.pca(0));
    assertThrows(IllegalArgumentException.class, () -> Steps.pca(7).fit(train));
    assertThrows(IllegalArgumentException.class, () -> Steps.pcaVariance(1.5));
  }
}
