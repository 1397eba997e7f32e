package dev.unroll.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unroll.data.prep.FittedPipeline;
import dev.unroll.data.prep.Pipeline;
import dev.unroll.data.prep.Steps;
import dev.unroll.runtime.Model;
import dev.unroll.spec.Precision;
import dev.unroll.train.checkpoint.Checkpoint;
import dev.unroll.train.checkpoint.CheckpointException;
import dev.unroll.train.optim.Optimizer;
import dev.unroll.train.optim.Optimizers;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Round trips, refusals, and saves that never destroy the last good file. */
class CheckpointTest {
  @TempDir Path dir;
  private final Problems data = Problems.blobs(96, 5, 3, 1.0, 4);

  private TestNet trained(Precision p, long seed) {
    TestNet net = new TestNet(TestNet.Config.of(5, 12, 3).precision(p), seed);
    new Trainer().epochs(2).batchSize(16).optimizer(Optimizers.adam()).learningRate(1e-2)
        .fit(net, data.x, data.y);
    return net;
  }

  @ParameterizedTest
  @EnumSource(Precision.class)
  void roundTripRestoresBitIdenticalPredictionsAndOptimizerState(Precision p) throws IOException {
    TestNet net = trained(p, 1);
    net.setL2(1e-3);
    Optimizer opt = Optimizers.adam().create(net);
    step(net, opt, 3);
    FittedPipeline prep = Pipeline.of(Steps.standardize()).fit(data.x);
    Path file = dir.resolve("net.safetensors");
    Checkpoint.save(file, net, opt, prep);

    TestNet other = new TestNet(TestNet.Config.of(5, 12, 3).precision(p), 99);
    Optimizer otherOpt = Optimizers.adam().create(other);
    Checkpoint.Loaded loaded = Checkpoint.load(file, other, otherOpt);
    assertArrayEquals(scores(net), scores(other));
    assertArrayEquals(net.buffers().get(0).toArray(), other.buffers().get(0).toArray());
    assertEquals(1e-3, other.l2());
    assertEquals(3, otherOpt.steps());
    assertTrue(loaded.hasPreprocessing());
    assertEquals(prep.statistics().size(), loaded.preprocessing().tensors().size());
    assertEquals(prep.statistics().get(0).toDoubles()[0],
        loaded.preprocessing().tensors().get(0).toDoubles()[0]);
    // Same optimizer state: further steps stay identical.
    step(net, opt, 2);
    step(other, otherOpt, 2);
    assertArrayEquals(scores(net), scores(other));
  }

  @Test
  void refusesAnotherArchitectureAndLeavesTheNetworkAlone() throws IOException {
    Path file = dir.resolve("a.safetensors");
    Checkpoint.save(file, trained(Precision.FLOAT, 1));
    TestNet wider = new TestNet(TestNet.Config.of(5, 16, 3), 2);
    double[] before = wider.params().get(0).toArray();
    CheckpointException e = assertThrows(CheckpointException.class,
        () -> Checkpoint.load(file, wider));
    assertTrue(e.getMessage().contains("another architecture"), e.getMessage());
    assertTrue(e.getMessage().contains("hidden=12") && e.getMessage().contains("hidden=16"),
        e.getMessage());
    assertArrayEquals(before, wider.params().get(0).toArray());
  }

  @Test
  void refusesATruncatedFile() throws IOException {
    Path file = dir.resolve("t.safetensors");
    Checkpoint.save(file, trained(Precision.FLOAT, 1));
    byte[] bytes = Files.readAllBytes(file);
    for (int keep : new int[] {bytes.length - 5, 100, 4}) {
      Path cut = dir.resolve("cut" + keep + ".safetensors");
      Files.write(cut, java.util.Arrays.copyOf(bytes, keep));
      CheckpointException e = assertThrows(CheckpointException.class,
          () -> Checkpoint.load(cut, new TestNet(TestNet.Config.of(5, 12, 3), 3)));
      assertTrue(e.getMessage().startsWith(cut.toString()), e.getMessage());
      assertTrue(e.getMessage().contains("not a readable checkpoint"), e.getMessage());
    }
  }

  @Test
  void refusesAnOptimizerOfAnotherKind() throws IOException {
    TestNet net = trained(Precision.FLOAT, 1);
    Path file = dir.resolve("o.safetensors");
    Checkpoint.save(file, net, Optimizers.adam().create(net), null);
    CheckpointException e = assertThrows(CheckpointException.class,
        () -> Checkpoint.load(file, net, Optimizers.momentum(0.9).create(net)));
    assertTrue(e.getMessage().contains("optimizer state is from adam"), e.getMessage());
  }

  @Test
  void aSaveInterruptedBeforeTheRenameKeepsTheOldFile() throws IOException {
    Path file = dir.resolve("keep.safetensors");
    TestNet first = trained(Precision.FLOAT, 1);
    Checkpoint.save(file, first);
    byte[] good = Files.readAllBytes(file);
    TestNet second = trained(Precision.FLOAT, 2);
    // An interrupted thread makes the file channel fail on its first write, after the
    // temporary file exists and before the rename.
    Thread.currentThread().interrupt();
    try {
      assertThrows(ClosedByInterruptException.class, () -> Checkpoint.save(file, second));
    } finally {
      Thread.interrupted();
    }
    assertArrayEquals(good, Files.readAllBytes(file));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
    }
    TestNet restored = new TestNet(TestNet.Config.of(5, 12, 3), 7);
    Checkpoint.load(file, restored);
    assertArrayEquals(scores(first), scores(restored));
  }

  @Test
  void aStaleTemporaryFileDoesNotDisturbSavingOrLoading() throws IOException {
    Path file = dir.resolve("net.safetensors");
    Files.write(dir.resolve(".net.safetensors123.tmp"), new byte[] {1, 2, 3});
    TestNet net = trained(Precision.FLOAT, 1);
    Checkpoint.save(file, net);
    TestNet restored = new TestNet(TestNet.Config.of(5, 12, 3), 7);
    Checkpoint.load(file, restored);
    assertArrayEquals(scores(net), scores(restored));
  }

  private void step(Model net, Optimizer opt, int steps) {
    for (int s = 0; s < steps; s++) {
      net.forward(data.x, 32);
      net.loss(data.y, 32);
      net.backward();
      opt.step(1e-2);
    }
  }

  private double[] scores(Model net) {
    net.setTraining(false);
    net.forward(data.x, 64);
    double[] out = new double[64 * net.outputs()];
    for (int i = 0; i < 64; i++) {
      for (int c = 0; c < net.outputs(); c++) {
        out[i * net.outputs() + c] = net.score(i, c);
      }
    }
    return out;
  }
}
