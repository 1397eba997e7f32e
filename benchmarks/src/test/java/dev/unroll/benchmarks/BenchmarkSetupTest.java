package dev.unroll.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each benchmark's setup and one call of its body run without error. No timing: speed is measured
 * by run.sh, never asserted in a test.
 */
class BenchmarkSetupTest {
  @ParameterizedTest
  @CsvSource({
    "W1, plain, 1", "W2, plain, 1", "W2n, plain, 1", "W4, plain, 1", "W4, plain, 2",
    "W1, vector, 1", "W2, vector, 1", "W2n, vector, 1", "W4, vector, 1", "W4, vector, 2",
    "W5, plain, 1", "W5, vector, 1", "W6, plain, 1", "W6, plain, 2", "W6, vector, 1",
    "W6, vector, 2"
  })
  void unrollTrainingStepRuns(String workload, String backend, int threads) {
    UnrollBench bench = new UnrollBench();
    bench.workload = workload;
    bench.backend = backend;
    bench.threads = threads;
    bench.setup();
    assertTrue(Double.isFinite(bench.train()));
    bench.check();
  }

  @ParameterizedTest
  @ValueSource(strings = {"W1", "W2", "W2n", "W4"})
  void plainTrainingStepRuns(String workload) {
    PlainBench bench = new PlainBench();
    bench.workload = workload;
    bench.setup();
    assertTrue(Double.isFinite(bench.train()));
    bench.check();
  }

  @ParameterizedTest
  @CsvSource({"W3, plain", "W3, vector", "W7, plain", "W7, vector"})
  void unrollInferenceRuns(String workload, String backend) {
    UnrollInfer unroll = new UnrollInfer();
    unroll.workload = workload;
    unroll.backend = backend;
    unroll.setup();
    int c = unroll.infer();
    assertTrue(c >= 0 && c < 10, workload + " " + backend + ": class " + c);
  }

  @Test
  void plainInferenceRuns() {
    PlainInfer plain = new PlainInfer();
    plain.setup();
    int c = plain.w3();
    assertTrue(c >= 0 && c < Workload.W3.classes(), "class " + c);
  }

  @Test
  void everyWorkloadIdResolves() {
    for (String id : new String[] {"W1", "W2", "W2n", "W3", "W4", "W5", "W6", "W7"}) {
      assertEquals(id, AnyWorkload.of(id).name());
    }
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> AnyWorkload.of("W8"));
    assertTrue(e.getMessage().contains("was W8"), e.getMessage());
  }

  @Test
  void eachBenchmarkRefusesTheOtherKindOfWorkload() {
    UnrollBench train = new UnrollBench();
    train.workload = "W7";
    train.backend = "plain";
    train.threads = 1;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, train::setup);
    assertEquals("W7 is an inference workload: UnrollInfer", e.getMessage());
    UnrollInfer infer = new UnrollInfer();
    infer.workload = "W5";
    infer.backend = "plain";
    e = assertThrows(IllegalArgumentException.class, infer::setup);
    assertEquals("W5 is a training workload: UnrollBench", e.getMessage());
  }

  @Test
  void convLabelsUseEveryClass() {
    for (ConvWorkload w : new ConvWorkload[] {ConvWorkload.W5, ConvWorkload.W6}) {
      boolean[] seen = new boolean[10];
      int[][] ys = w.labelBatches();
      assertEquals(Workload.BATCHES, ys.length);
      for (int[] batch : ys) {
        assertEquals(w.batch(), batch.length);
        for (int y : batch) {
          seen[y] = true;
        }
      }
      for (int c = 0; c < seen.length; c++) {
        assertTrue(seen[c], w + " never labels class " + c);
      }
    }
  }

  @Test
  void labelsUseEveryClass() {
    // A labelling with one class only would make the task trivial and the loss collapse.
    for (Workload w : Workload.values()) {
      if (!w.training()) {
        continue;
      }
      boolean[] seen = new boolean[w.classes()];
      for (int[] batch : w.labelBatches()) {
        for (int y : batch) {
          seen[y] = true;
        }
      }
      for (int c = 0; c < seen.length; c++) {
        assertTrue(seen[c], w + " never labels class " + c);
      }
    }
  }

  @Test
  void weightCountsMatchTheWorkloads() {
    assertEquals(2 * 100 + 100 * 3, Workload.W1.weights());
    assertEquals(784 * 256 + 256 * 128 + 128 * 10, Workload.W2.weights());
    assertEquals(1024 * 1024 * 2 + 1024 * 10, Workload.W4.weights());
  }
}
