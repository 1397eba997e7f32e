package dev.unroll.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unroll.runtime.Model;
import dev.unroll.spec.Loss;
import dev.unroll.train.check.LearningRateSweep;
import dev.unroll.train.check.LearningRateSweep.Outcome;
import dev.unroll.train.check.SanityChecks;
import dev.unroll.train.check.SanityReport;
import dev.unroll.train.check.Verdict;
import dev.unroll.train.optim.Optimizers;
import org.junit.jupiter.api.Test;

/** Each check passes on a healthy network and fails, saying why, on a broken one. */
class SanityChecksTest {
  private final Problems data = Problems.blobs(200, 6, 4, 1.0, 21);
  private final SanityChecks checks = new SanityChecks();

  private static TestNet healthy() {
    return new TestNet(TestNet.Config.of(6, 32, 4).initScale(0.01), 5);
  }

  @Test
  void healthyNetworkPassesAllAndIsUntouched() {
    TestNet net = healthy();
    net.setL2(0.25);
    double[] before = net.params().get(0).toArray();
    SanityReport report = checks.runAll(net, data.x, data.y);
    assertTrue(report.allPassed(), report.toString());
    assertEquals(4, report.verdicts().size());
    assertArrayEquals(before, net.params().get(0).toArray());
    assertEquals(0.25, net.l2());
    assertTrue(report.verdicts().get(0).saw().contains("ln(4) = 1.3863"), report.toString());
  }

  @Test
  void svmInitialLossIsClassesMinusOne() {
    Model net = new TestNet(TestNet.Config.of(6, 32, 4).initScale(0.001).loss(Loss.SVM), 5);
    Verdict v = checks.initialLoss(net, data.x, data.y);
    assertTrue(v.passed(), v.toString());
    assertTrue(v.saw().contains("expected 4 - 1 = 3.0000"), v.saw());
  }

  @Test
  void initialLossFailsWhenWeightsAreTooLarge() {
    Model net = new TestNet(TestNet.Config.of(6, 32, 4).initScale(3.0), 5);
    Verdict v = checks.initialLoss(net, data.x, data.y);
    assertFalse(v.passed(), v.toString());
    assertTrue(v.advice().contains("scores start too large"), v.advice());
  }

  @Test
  void regularizationCheckFailsWhenL2DoesNotReachTheLoss() {
    Model broken = new TestNet(TestNet.Config.of(6, 32, 4).broken(true, false), 5);
    Verdict v = checks.regularizationRaisesLoss(broken, data.x, data.y);
    assertFalse(v.passed(), v.toString());
    assertTrue(v.advice().contains("setL2 does not reach the loss"), v.advice());
    assertTrue(checks.regularizationRaisesLoss(healthy(), data.x, data.y).passed());
  }

  @Test
  void overfitFailsForALinearModelOnRandomLabels() {
    Problems noise = Problems.randomLabels(20, 2, 3, 8);
    Model linear = new TestNet(TestNet.Config.of(2, 0, 3), 5);
    Verdict v = checks.overfitTinySubset(linear, noise.x, noise.y);
    assertFalse(v.passed(), v.toString());
    assertTrue(v.advice().contains("capacity"), v.advice());
    Model deep = new TestNet(TestNet.Config.of(2, 64, 3), 5);
    Verdict ok = new SanityChecks().overfit(20, 2000, Optimizers.adam(), 3e-2)
        .overfitTinySubset(deep, noise.x, noise.y);
    assertTrue(ok.passed(), ok.toString());
  }

  @Test
  void overfitFailsWithADeliberatelyTinyLearningRate() {
    Verdict v = new SanityChecks().overfit(20, 50, Optimizers.sgd(), 1e-9)
        .overfitTinySubset(healthy(), data.x, data.y);
    assertFalse(v.passed(), v.toString());
    assertTrue(v.advice().contains("learning rate is not too low"), v.advice());
  }

  @Test
  void sweepReadsTooLowAndTooHighAndSuggestsARange() {
    LearningRateSweep sweep = checks.sweep(healthy(), data.x, data.y);
    assertEquals(Outcome.TOO_LOW, sweep.trials().get(0).outcome(), sweep.toString());
    assertEquals(Outcome.TOO_HIGH, sweep.trials().get(sweep.trials().size() - 1).outcome(),
        sweep.toString());
    assertTrue(sweep.low() >= 1e-4 && sweep.high() <= 1, sweep.toString());
    Verdict v = checks.learningRateSweep(healthy(), data.x, data.y);
    assertTrue(v.passed() && v.saw().contains("Suggested range"), v.toString());
  }

  @Test
  void sweepFailsWhenEveryRateIsWrong() {
    SanityChecks high = new SanityChecks().sweep(new double[] {1e3, 1e4}, 20, 32,
        Optimizers.sgd(), 0.01);
    Verdict v = high.learningRateSweep(healthy(), data.x, data.y);
    assertFalse(v.passed(), v.toString());
    assertTrue(v.saw().contains("too high") && v.advice().contains("sweep lower rates"),
        v.toString());
    SanityChecks low = new SanityChecks().sweep(new double[] {1e-8, 1e-7}, 20, 32,
        Optimizers.sgd(), 0.01);
    v = low.learningRateSweep(healthy(), data.x, data.y);
    assertFalse(v.passed(), v.toString());
    assertTrue(v.saw().contains("too low") && v.advice().contains("no rate moved"), v.toString());
  }

  @Test
  void sweepFailsWhenGradientsNeverReachTheWeights() {
    Model broken = new TestNet(TestNet.Config.of(6, 32, 4).initScale(0.01).broken(false, true),
        5);
    Verdict v = checks.learningRateSweep(broken, data.x, data.y);
    assertFalse(v.passed(), v.toString());
    assertTrue(v.advice().contains("GradientCheck"), v.advice());
  }
}
