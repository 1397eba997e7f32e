package dev.unroll.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unroll.runtime.Model;
import dev.unroll.runtime.Tensor;
import dev.unroll.spec.Precision;
import dev.unroll.train.monitor.EpochStats;
import dev.unroll.train.monitor.LayerStats;
import dev.unroll.train.optim.Optimizers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The training loop: learning, early stopping, the divergence guard and the monitor. */
class TrainerTest {
  private final Problems data = Problems.blobs(300, 4, 3, 0.8, 7);
  private final Problems train = data.head(240);
  private final Problems val = data.tail(240);

  @Test
  void learnsBlobsAndMonitorsEveryLayer() {
    Model net = new TestNet(TestNet.Config.of(4, 16, 3), 1);
    TrainingResult r = new Trainer().epochs(8).batchSize(32).optimizer(Optimizers.adam())
        .learningRate(1e-2).validateOn(val.x, val.y).fit(net, train.x, train.y);
    assertEquals(StopReason.COMPLETED, r.reason(), r.message());
    assertTrue(r.bestValAccuracy() > 0.9, r.history().summary());
    assertEquals(8 * 8, r.history().batchLosses().length);
    EpochStats last = r.history().last();
    assertEquals(2, last.layers().size());
    LayerStats hidden = last.layers().get(0);
    assertEquals(dev.unroll.spec.Activation.RELU, hidden.activation());
    // Adam at 1e-2 on a small net moves weights by about 1e-3..1e-1 of their norm per step.
    assertTrue(hidden.updateRatio() > 1e-4 && hidden.updateRatio() < 1, "" + hidden);
    assertTrue(hidden.actStd() > 0 && hidden.gradStd() > 0, "" + hidden);
    assertTrue(hidden.deadFraction() >= 0 && hidden.deadFraction() < 0.5, "" + hidden);
    assertEquals(40, hidden.histogram().counts().length);
  }

  @Test
  void sameSeedSameWeights() {
    Model a = new TestNet(TestNet.Config.of(4, 8, 3), 1);
    Model b = new TestNet(TestNet.Config.of(4, 8, 3), 1);
    Trainer t = new Trainer().epochs(2).batchSize(16).optimizer(Optimizers.momentum(0.9))
        .learningRate(LearningRate.exponential(0.05, 0.1)).seed(9);
    t.fit(a, train.x, train.y);
    t.fit(b, train.x, train.y);
    assertArrayEquals(a.params().get(0).toArray(), b.params().get(0).toArray());
  }

  @Test
  void schedulesDecay() {
    LearningRate step = LearningRate.step(0.1, 0.5, 2);
    assertEquals(0.1, step.at(1), 0);
    assertEquals(0.05, step.at(2), 0);
    assertEquals(0.025, step.at(5), 1e-15);
    assertEquals(0.1 * Math.exp(-0.3), LearningRate.exponential(0.1, 0.1).at(3), 1e-15);
  }

  @Test
  void earlyStopsAndRestoresTheBestEpoch() {
    // Random labels: validation accuracy cannot keep improving while the net memorizes.
    Problems noise = Problems.randomLabels(200, 4, 3, 3);
    Model net = new TestNet(TestNet.Config.of(4, 32, 3), 2);
    TrainingResult r = new Trainer().epochs(60).batchSize(20).optimizer(Optimizers.adam())
        .learningRate(1e-2).patience(3).validateOn(noise.tail(150).x, noise.tail(150).y)
        .restoreBest(true).fit(net, noise.head(150).x, noise.head(150).y);
    assertEquals(StopReason.EARLY_STOPPED, r.reason(), r.message());
    assertTrue(r.epochsRun() < 60);
    assertEquals(r.bestEpoch() + 3, r.epochsRun(), r.message());
    assertTrue(r.message().contains("restored the weights of epoch " + r.bestEpoch()));
    double acc = Evaluation.of(net, noise.tail(150).x, noise.tail(150).y).accuracy();
    assertEquals(r.bestValAccuracy(), acc, 1e-12);
  }

  @Test
  void divergenceGuardStopsAndKeepsTheLastGoodWeights() {
    for (Precision p : Precision.values()) {
      Model net = new TestNet(TestNet.Config.of(4, 16, 3).precision(p), 4);
      // One sane epoch, so the last good weights are those at its end.
      new Trainer().epochs(1).batchSize(32).learningRate(1e-2).fit(net, train.x, train.y);
      List<double[]> good = snapshot(net);
      TrainingResult r = new Trainer().epochs(5).batchSize(32).learningRate(1e4)
          .fit(net, train.x, train.y);
      assertEquals(StopReason.DIVERGED, r.reason());
      assertTrue(r.message().contains("training stopped: the loss"), r.message());
      assertTrue(r.message().contains("too high"), r.message());
      assertTrue(r.message().contains("starting values") || r.message().contains("end of epoch"),
          r.message());
      if (r.epochsRun() == 0) {
        List<double[]> now = snapshot(net);
        for (int i = 0; i < good.size(); i++) {
          assertArrayEquals(good.get(i), now.get(i), p + " " + i);
        }
      }
      for (double[] t : snapshot(net)) {
        for (double v : t) {
          assertTrue(Double.isFinite(v));
        }
      }
    }
  }

  @Test
  void divergenceInTheFirstEpochReportsNoBestAccuracy() {
    Model net = new TestNet(TestNet.Config.of(4, 16, 3), 5);
    TrainingResult r = new Trainer().epochs(3).batchSize(32).learningRate(1e4)
        .validateOn(val.x, val.y).fit(net, train.x, train.y);
    assertEquals(StopReason.DIVERGED, r.reason(), r.message());
    assertEquals(0, r.epochsRun(), r.message());
    assertEquals(0, r.bestEpoch());
    assertTrue(Double.isNaN(r.bestValAccuracy()), "was " + r.bestValAccuracy());
  }

  @Test
  void refusesBadInput() {
    Model net = new TestNet(TestNet.Config.of(4, 8, 3).maxBatch(16), 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Trainer().batchSize(32).fit(net, train.x, train.y));
    assertTrue(e.getMessage().contains("maxBatch 16"), e.getMessage());
    int[] bad = train.y.clone();
    bad[5] = 7;
    e = assertThrows(IllegalArgumentException.class,
        () -> new Trainer().batchSize(8).fit(net, train.x, bad));
    assertTrue(e.getMessage().contains("label 7 at row 5"), e.getMessage());
  }

  static List<double[]> snapshot(Model net) {
    List<double[]> out = new ArrayList<>();
    for (Tensor t : net.params()) {
      out.add(t.toArray());
    }
    return out;
  }
}
