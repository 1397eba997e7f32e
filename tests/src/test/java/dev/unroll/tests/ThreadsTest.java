package dev.unroll.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unroll.runtime.GradientCheck;
import dev.unroll.runtime.Model;
import dev.unroll.runtime.Rng;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/**
 * Large layers split their products across threads by output columns: the split code passes the
 * gradient check and gives results bit-identical to one thread.
 */
class ThreadsTest {
  private static final int N = 12;

  @Test
  void splitProductsPassTheGradientCheckOnOneAndTwoThreads() {
    checkSplit(OtherSpecs_ParallelDoubleNet::new);
  }

  @Test
  void splitVectorKernelsPassTheGradientCheckOnOneAndTwoThreads() {
    checkSplit(OtherSpecs_ParallelVectorDoubleNet::new);
  }

  /**
   * Batches of 1 to 3 rows take the Vector API's one-row kernel (no 4-row tiles to share a packed
   * panel) through all its column blocks: 16 vectors (on 512-bit machines), 8, 4, 1 and scalars
   * (256 and 300 columns). Evaluation mode, so batch norm passes gradients for a single sample.
   */
  @Test
  void vectorRowKernelPassesTheGradientCheckOnBatchesBelowFour() {
    for (int n = 1; n <= 3; n += 2) {
      Model net = new OtherSpecs_ParallelVectorDoubleNet(8);
      Rng rng = new Rng(10 + n);
      net.forward(GradientCheckTest.inputs(rng, N, 256), N);
      net.setTraining(false);
      double[][] x = GradientCheckTest.inputs(rng, n, 256);
      int[] y = new int[n];
      for (int i = 0; i < n; i++) {
        y[i] = rng.nextInt(5);
      }
      GradientCheck.Report report =
          GradientCheck.of(1e-5, 1e-5, 1e-5, false).sampled(150, 9).run(net, x, y, n);
      assertTrue(report.maxRelError() <= 1e-4, report::toString);
      assertTrue(report.kinks() <= 0.05 * (report.checked() + report.kinks()), report::toString);
    }
  }

  private static void checkSplit(LongFunction<Model> factory) {
    for (int threads = 1; threads <= 2; threads++) {
      Model net = factory.apply(3);
      net.setThreads(threads);
      net.setL2(0.01);
      Rng rng = new Rng(6);
      double[][] x = GradientCheckTest.inputs(rng, N, 256);
      int[] y = new int[N];
      for (int i = 0; i < N; i++) {
        y[i] = rng.nextInt(5);
      }
      // ReLU has kinks: the notes' centered difference at h = 1e-5, on 150 sampled entries per
      // parameter (the notes' grad_check_sparse), as in GradientCheckTest's kinked networks
      GradientCheck.Report report =
          GradientCheck.of(1e-5, 1e-5, 1e-5, false).sampled(150, 9).run(net, x, y, N);
      assertTrue(report.maxRelError() <= 1e-4, report::toString);
      assertTrue(report.kinks() <= 0.05 * (report.checked() + report.kinks()), report::toString);
    }
  }

  @Test
  void twoThreadsTrainBitIdenticallyToOne() {
    assertArrayEquals(train(OtherSpecs_ParallelFloatNet::new, 1),
        train(OtherSpecs_ParallelFloatNet::new, 2));
    assertArrayEquals(train(OtherSpecs_ParallelDoubleNet::new, 1),
        train(OtherSpecs_ParallelDoubleNet::new, 2));
  }

  private static double[] train(LongFunction<Model> factory, int threads) {
    Model net = factory.apply(4);
    net.setThreads(threads);
    assertEquals(threads, net.threads());
    double[][] x = GradientCheckTest.inputs(new Rng(2), N, 256);
    int[] y = new int[N];
    for (int i = 0; i < N; i++) {
      y[i] = i % 5;
    }
    for (int step = 0; step < 5; step++) {
      net.forward(x, N);
      net.loss(y, N);
      net.backward();
      net.sgdStep(0.05);
    }
    double[] all = new double[0];
    for (var t : net.params()) {
      double[] v = t.toArray();
      double[] joined = java.util.Arrays.copyOf(all, all.length + v.length);
      System.arraycopy(v, 0, joined, all.length, v.length);
      all = joined;
    }
    return all;
  }

  @Test
  void threadCountMustBePositive() {
    Model net = new OtherSpecs_ParallelFloatNet(1);
    assertThrows(IllegalArgumentException.class, () -> net.setThreads(0));
    net.setThreads(2);
    net.setThreads(1);
    assertEquals(1, net.threads());
  }
}
