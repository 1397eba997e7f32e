package dev.unroll.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unroll.runtime.Model;
import dev.unroll.runtime.Rng;
import dev.unroll.runtime.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Each init draws from the distribution the lecture gives, biases start at 0, batch norm at
 * gamma 1 / beta 0 / running variance 1, PReLU at its alpha; and the untrained loss sits where the
 * babysitting checks expect it.
 */
class InitTest {
  private final Model net = new OtherSpecs_InitsNet(2024);

  @Test
  void zeroInitIsAllZeros() {
    assertStats(net.params().get(0), 0, 0, 0);
  }

  @Test
  void smallRandomIsOneHundredthOfNormal() {
    assertStats(net.params().get(2), 0, 0.01, 0.03);
  }

  @Test
  void normalUsesTheGivenScale() {
    assertStats(net.params().get(4), 0, 0.5, 0.03);
  }

  @Test
  void xavierIsNormalOverSqrtFanIn() {
    assertStats(net.params().get(6), 0, 1 / Math.sqrt(300), 0.03);
  }

  @Test
  void glorotUniformSpansSqrtSixOverFanInPlusFanOut() {
    Tensor w = net.params().get(8);
    double limit = Math.sqrt(6.0 / (300 + 300));
    double max = 0;
    for (double v : w.toArray()) {
      max = Math.max(max, Math.abs(v));
    }
    assertTrue(max <= limit && max > 0.99 * limit, "max |w| " + max + " vs limit " + limit);
    assertStats(w, 0, limit / Math.sqrt(3), 0.03);
  }

  @Test
  void heIsNormalTimesSqrtTwoOverFanIn() {
    assertStats(net.params().get(10), 0, Math.sqrt(2.0 / 300), 0.03);
  }

  @Test
  void biasesBatchNormAndPreluStartWhereTheLectureSays() {
    for (Tensor t : net.params()) {
      double expected = switch (t.role()) {
        case BIAS, BETA -> 0;
        case GAMMA -> 1;
        case ALPHA -> 0.3f;
        default -> Double.NaN;
      };
      if (!Double.isNaN(expected)) {
        for (double v : t.toArray()) {
          assertEquals(expected, v, 0.0, t.name());
        }
      }
    }
    assertEquals("layer7.runningMean", net.buffers().get(0).name());
    for (double v : net.buffers().get(1).toArray()) {
      assertEquals(1.0, v, 0.0, "running variance starts at 1");
    }
  }

  @Test
  void softmaxWithSmallInitStartsAtLnOfClassCount() {
    Model softmax = new OtherSpecs_SmallInitSoftmaxNet(1);
    double loss = initialLoss(softmax);
    assertEquals(Math.log(10), loss, 0.1, "softmax over 10 classes starts at ln 10");
  }

  @Test
  void svmWithSmallInitStartsAtClassCountMinusOne() {
    Model svm = new OtherSpecs_SmallInitSvmNet(1);
    assertEquals(9.0, initialLoss(svm), 0.1, "an SVM over 10 classes starts at C - 1");
  }

  private static double initialLoss(Model net) {
    Rng rng = new Rng(4);
    int n = 64;
    float[][] x = new float[n][net.inputs()];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < net.inputs(); j++) {
        x[i][j] = (float) rng.gaussian();
      }
      y[i] = rng.nextInt(net.outputs());
    }
    net.forward(x, n);
    return net.loss(y, n);
  }

  private static void assertStats(Tensor w, double mean, double std, double relTolerance) {
    double[] v = w.toArray();
    double sum = 0;
    for (double d : v) {
      sum += d;
    }
    double m = sum / v.length;
    double sq = 0;
    for (double d : v) {
      sq += (d - m) * (d - m);
    }
    double s = Math.sqrt(sq / v.length);
    assertEquals(mean, m, 3 * std / Math.sqrt(v.length) + 1e-12, w.name() + " mean");
    assertEquals(std, s, relTolerance * std + 1e-12, w.name() + " std");
  }
}
