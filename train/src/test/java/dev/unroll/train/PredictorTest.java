package dev.unroll.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unroll.data.prep.FittedPipeline;
import dev.unroll.data.prep.Pipeline;
import dev.unroll.data.prep.Steps;
import dev.unroll.runtime.Model;
import dev.unroll.train.checkpoint.Checkpoint;
import dev.unroll.train.optim.Optimizers;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictorTest {
  @TempDir Path dir;

  /** Raw features far from standardized, so a forgotten preprocessing changes predictions. */
  private final Problems raw = shifted(Problems.blobs(300, 4, 3, 1.0, 7));

  private static Problems shifted(Problems p) {
    for (float[] row : p.x) {
      for (int j = 0; j < row.length; j++) {
        row[j] = 100 + 20 * row[j];
      }
    }
    return p;
  }

  private Model trained(FittedPipeline prep) {
    Model net = new TestNet(TestNet.Config.of(4, 8, 3).maxBatch(32), 1);
    new Trainer().epochs(5).batchSize(32).optimizer(Optimizers.momentum(0.9)).learningRate(0.05)
        .fit(net, prep.apply(raw.x), raw.y);
    return net;
  }

  /** What the network says about each preprocessed row, one forward pass per row. */
  private static int[] oneByOne(Model net, float[][] x) {
    net.setTraining(false);
    int[] out = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      net.forward(new float[][] {x[i]}, 1);
      out[i] = net.predict(0);
    }
    return out;
  }

  @Test
  void anyNumberOfRowsInBatchesOfMaxBatchWithThePreprocessingApplied() {
    FittedPipeline prep = Pipeline.of(Steps.standardize()).fit(raw.x);
    Model net = trained(prep);
    int[] expected = oneByOne(net, prep.apply(raw.x));
    Predictor p = new Predictor(net, prep);
    int[] out = new int[300];
    p.predict(raw.x, out);
    assertArrayEquals(expected, out);
    assertEquals(expected[123], p.predict(raw.x[123]));
    float[][] scores = new float[300][3];
    p.scores(raw.x, scores);
    for (int i = 0; i < 300; i++) {
      int best = scores[i][0] >= scores[i][1] && scores[i][0] >= scores[i][2] ? 0
          : scores[i][1] >= scores[i][2] ? 1 : 2;
      assertEquals(expected[i], best, "row " + i);
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> p.predict(new float[] {1, 2, 3}));
    assertTrue(e.getMessage().contains("row 0 has 3 features, expected 4"), e.getMessage());
  }

  @Test
  void predictingAllocatesNothingForTheCallersArrays() {
    FittedPipeline prep = Pipeline.of(Steps.standardize()).fit(raw.x);
    Predictor p = new Predictor(trained(prep), prep);
    int[] out = new int[300];
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    for (int i = 0; i < 2_000; i++) {
      p.predict(raw.x, out);
      p.predict(raw.x[i % 300]);
    }
    long before = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
    for (int i = 0; i < 1_000; i++) {
      p.predict(raw.x, out);
      p.predict(raw.x[i % 300]);
    }
    long bytes = mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
    // a per-call allocation would show as >= 16 KB
    assertTrue(bytes < 8_000, "allocated " + bytes + " bytes");
  }

  @Test
  void loadingACheckpointRestoresTheWeightsAndTheSavedPreprocessing() throws IOException {
    FittedPipeline prep = Pipeline.of(Steps.standardize()).fit(raw.x);
    Model net = trained(prep);
    Path file = dir.resolve("net.ck");
    Checkpoint.save(file, net, null, prep);
    int[] expected = new int[300];
    new Predictor(net, prep).predict(raw.x, expected);

    Predictor loaded = Predictor.load(file, new TestNet(TestNet.Config.of(4, 8, 3)
        .maxBatch(32), 99));
    for (int i = 0; i < 300; i++) {
      assertEquals(expected[i], loaded.predict(raw.x[i]), "row " + i);
    }
    // without the saved preprocessing the raw rows would be misread
    Checkpoint.save(file, net);
    Predictor bare = Predictor.load(file, new TestNet(TestNet.Config.of(4, 8, 3)
        .maxBatch(32), 99));
    int[] unprepared = new int[300];
    bare.predict(raw.x, unprepared);
    assertTrue(!java.util.Arrays.equals(expected, unprepared));
  }

  @Test
  void aNonFiniteFeatureIsRefusedByRowAndColumnBeforeTheNetworkRuns() {
    FittedPipeline prep = Pipeline.of(Steps.standardize()).fit(raw.x);
    Predictor p = new Predictor(trained(prep), prep);
    float[][] rows = {raw.x[0].clone(), raw.x[1].clone(), raw.x[2].clone()};
    int[] out = {-1, -1, -1};
    for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
      rows[2][3] = bad;
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> p.predict(rows, out));
      assertEquals("row 2, column 3 is " + bad + "; a prediction needs finite features (fill"
          + " or drop missing values first)", e.getMessage());
      assertArrayEquals(new int[] {-1, -1, -1}, out, "nothing written");
      assertThrows(IllegalArgumentException.class, () -> p.predict(rows[2]));
      assertThrows(IllegalArgumentException.class, () -> p.scores(rows, new float[3][3]));
    }
    rows[2][3] = raw.x[2][3];
    p.predict(rows, out);
    assertEquals(p.predict(raw.x[2]), out[2]);
  }
}
