package dev.unroll.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unroll.runtime.Model;
import dev.unroll.spec.Activation;
import dev.unroll.train.check.SanityChecks;
import dev.unroll.train.check.SanityReport;
import dev.unroll.train.checkpoint.Checkpoint;
import dev.unroll.train.checkpoint.CheckpointException;
import dev.unroll.train.monitor.EpochStats;
import dev.unroll.train.optim.Optimizer;
import dev.unroll.train.optim.Optimizers;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tools on networks the processor generated, not only on the hand-written TestNet. */
class GeneratedNetworkTest {
  @TempDir Path dir;
  private final Problems data = Problems.blobs(300, 2, 3, 0.3, 12);

  @Test
  void trainsAndMonitorsAGeneratedNetwork() {
    Model net = new GeneratedSpecs_SmallNet(1);
    TrainingResult r = new Trainer().epochs(10).batchSize(32).optimizer(Optimizers.adam())
        .learningRate(1e-2).validateOn(data.tail(240).x, data.tail(240).y)
        .fit(net, data.head(240).x, data.head(240).y);
    assertTrue(r.bestValAccuracy() > 0.85, r.history().summary());
    EpochStats last = r.history().last();
    // Read from the generated class's architecture() text, not guessed from outputs.
    assertEquals(Activation.RELU, last.layers().get(0).activation());
    assertEquals(Activation.IDENTITY, last.layers().get(1).activation());
    assertTrue(last.layers().get(0).updateRatio() > 0, last.layers().toString());
  }

  @Test
  void healthyGeneratedNetworkPassesTheSanityChecks() {
    Model net = new GeneratedSpecs_SmallNet(3);
    SanityReport report = new SanityChecks().runAll(net, data.x, data.y);
    assertTrue(report.allPassed(), report.toString());
  }

  @Test
  void generatedNetworkWithADeliberatelyWrongRateDiverges() {
    Model net = new GeneratedSpecs_SmallNet(3);
    TrainingResult r = new Trainer().epochs(3).batchSize(32).learningRate(1e5)
        .fit(net, data.x, data.y);
    assertEquals(StopReason.DIVERGED, r.reason(), r.message());
    assertFalse(new SanityChecks().sweep(new double[] {1e5}, 10, 32, Optimizers.sgd(), 0.01)
        .learningRateSweep(net, data.x, data.y).passed());
  }

  @Test
  void checkpointRestoresBatchNormStatisticsBitForBit() throws IOException {
    Model net = new GeneratedSpecs_SmallBnNet(5);
    TrainingResult r = new Trainer().epochs(3).batchSize(32).optimizer(Optimizers.rmsProp())
        .learningRate(1e-2).fit(net, data.x, data.y);
    Path file = dir.resolve("bn.safetensors");
    Checkpoint.save(file, net, r.optimizer(), null);
    Model other = new GeneratedSpecs_SmallBnNet(6);
    Optimizer opt = Optimizers.rmsProp().create(other);
    Checkpoint.load(file, other, opt);
    net.setTraining(false);
    other.setTraining(false);
    assertArrayEquals(scores(net), scores(other));
    assertEquals(r.optimizer().steps(), opt.steps());
    CheckpointException e = assertThrows(CheckpointException.class,
        () -> Checkpoint.load(file, new GeneratedSpecs_SmallNet(1)));
    assertTrue(e.getMessage().contains("another architecture"), e.getMessage());
  }

  /**
   * Writes from outside the network (a checkpoint load, an optimizer step) while it is in
   * evaluation mode: the next evaluation must fold batch norm from the new values, giving the
   * scores of a fresh copy of the network.
   */
  @Test
  void loadsAndOptimizerStepsInEvaluationModeAreFoldedAgain() throws IOException {
    Model net = new GeneratedSpecs_SmallBnNet(5);
    TrainingResult r = new Trainer().epochs(2).batchSize(32).optimizer(Optimizers.adam())
        .learningRate(1e-2).fit(net, data.x, data.y);
    Path file = dir.resolve("bn-eval.safetensors");
    Checkpoint.save(file, net, r.optimizer(), null);
    Model other = new GeneratedSpecs_SmallBnNet(6);
    other.setTraining(false);
    double[] before = scores(other);
    Checkpoint.load(file, other);
    net.setTraining(false);
    assertArrayEquals(scores(net), scores(other));
    assertFalse(java.util.Arrays.equals(before, scores(other)));

    Optimizer adam = Optimizers.adam().create(other);
    other.loss(java.util.Arrays.copyOf(data.y, 64), 64);
    other.backward();
    adam.step(0.05);
    Model fresh = other.copy();
    fresh.setTraining(false);
    assertArrayEquals(scores(fresh), scores(other));
  }

  private double[] scores(Model net) {
    net.forward(data.x, 64);
    double[] out = new double[64 * 3];
    for (int i = 0; i < 64; i++) {
      for (int c = 0; c < 3; c++) {
        out[i * 3 + c] = net.score(i, c);
      }
    }
    return out;
  }
}
