package dev.unroll.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unroll.runtime.Model;
import dev.unroll.train.monitor.EpochStats;
import dev.unroll.train.optim.Optimizers;
import org.junit.jupiter.api.Test;

/**
 * Model selection only on a split named as validation, and only when asked; the training-set pass
 * per epoch is optional; NaN features are named for what they are before training.
 */
class TrainerSelectionTest {
  private final Problems train = Problems.blobs(120, 4, 3, 1.5, 1);
  private final Problems val = Problems.blobs(60, 4, 3, 1.5, 2);

  private Trainer trainer() {
    return new Trainer().epochs(6).batchSize(16).optimizer(Optimizers.momentum(0.9))
        .learningRate(0.05).seed(3);
  }

  @Test
  void aValidationSplitIsWatchedButTheLastEpochIsKeptUnlessRestoreBestIsAsked() {
    Model plain = new TestNet(TestNet.Config.of(4, 8, 3), 1);
    Model watched = new TestNet(TestNet.Config.of(4, 8, 3), 1);
    trainer().fit(plain, train.x, train.y);
    TrainingResult r = trainer().validateOn(val.x, val.y).fit(watched, train.x, train.y);
    // watching does not select: the weights are the last epoch's, as without validation
    assertArrayEquals(plain.params().get(0).toArray(), watched.params().get(0).toArray());
    assertFalse(r.message().contains("restored"), r.message());
    assertTrue(r.bestEpoch() > 0);
    for (EpochStats e : r.history().epochs()) {
      assertFalse(Double.isNaN(e.valAccuracy()));
    }
  }

  @Test
  void restoreBestAndPatienceWithoutAValidationSplitAreRefused() {
    Model net = new TestNet(TestNet.Config.of(4, 8, 3), 1);
    double[] before = net.params().get(0).toArray();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> trainer().restoreBest(true).fit(net, train.x, train.y));
    assertTrue(e.getMessage().contains("restoreBest(true) needs a validation split: call"
        + " validateOn(validation) first"), e.getMessage());
    e = assertThrows(IllegalStateException.class,
        () -> trainer().patience(2).fit(net, train.x, train.y));
    assertTrue(e.getMessage().startsWith("patience(2) needs a validation split"), e.getMessage());
    assertArrayEquals(before, net.params().get(0).toArray());
  }

  @Test
  void theTrainingSetPassIsOptional() {
    Model on = new TestNet(TestNet.Config.of(4, 8, 3), 1);
    Model off = new TestNet(TestNet.Config.of(4, 8, 3), 1);
    TrainingResult withPass = trainer().validateOn(val.x, val.y).fit(on, train.x, train.y);
    TrainingResult without = trainer().validateOn(val.x, val.y).evaluateTraining(false)
        .fit(off, train.x, train.y);
    for (int i = 0; i < 6; i++) {
      EpochStats a = withPass.history().epochs().get(i);
      EpochStats b = without.history().epochs().get(i);
      assertFalse(Double.isNaN(a.trainAccuracy()));
      assertTrue(Double.isNaN(b.trainAccuracy()));
      assertEquals(a.valAccuracy(), b.valAccuracy());
    }
    assertArrayEquals(on.params().get(0).toArray(), off.params().get(0).toArray());
  }

  @Test
  void aNanOrInfiniteFeatureIsNamedByRowAndColumnBeforeTraining() {
    Model net = new TestNet(TestNet.Config.of(4, 8, 3), 1);
    double[] before = net.params().get(0).toArray();
    float[][] x = train.x.clone();
    x[7] = x[7].clone();
    x[7][2] = Float.NaN;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> trainer().fit(net, x, train.y));
    assertTrue(e.getMessage().startsWith("training features: row 7, column 2 is NaN"),
        e.getMessage());
    assertFalse(e.getMessage().contains("learning rate"), e.getMessage());
    float[][] xv = val.x.clone();
    xv[3] = xv[3].clone();
    xv[3][0] = Float.NEGATIVE_INFINITY;
    e = assertThrows(IllegalArgumentException.class,
        () -> trainer().validateOn(xv, val.y).fit(net, train.x, train.y));
    assertTrue(e.getMessage().startsWith("validation features: row 3, column 0 is -Infinity"),
        e.getMessage());
    assertArrayEquals(before, net.params().get(0).toArray());
  }
}
