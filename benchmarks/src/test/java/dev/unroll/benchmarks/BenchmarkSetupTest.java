package dev.unroll.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    "W1, vector, 1", "W2, vector, 1", "W2n, vector, 1", "W4, vector, 1", "W4, vector, 2"
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

  @Test
  void inferenceRuns() {
    for (String backend : new String[] {"plain", "vector"}) {
      UnrollInfer unroll = new UnrollInfer();
      unroll.backend = backend;
      unroll.setup();
      int c = unroll.w3();
      assertTrue(c >= 0 && c < Workload.W3.classes(), backend + ": class " + c);
    }
    PlainInfer plain = new PlainInfer();
    plain.setup();
    int c = plain.w3();
    assertTrue(c >= 0 && c < Workload.W3.classes(), "class " + c);
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
