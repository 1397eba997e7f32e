package dev.unroll.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unroll.runtime.Model;
import dev.unroll.runtime.Rng;
import org.junit.jupiter.api.Test;

/**
 * Issue 15.13 end to end, on its 784-512-10 network: a network's worker pools end. No time
 * limits: before the fix the threads never ended, and these tests would not end either.
 */
class PoolLifetimeTest {
  private static final int N = 8;
  private final float[][] x = inputs();
  private final int[] y = {0, 1, 2, 3, 4, 5, 6, 7};

  private static float[][] inputs() {
    Rng rng = new Rng(3);
    float[][] x = new float[N][784];
    for (float[] row : x) {
      for (int j = 0; j < row.length; j++) {
        row[j] = (float) rng.gaussian();
      }
    }
    return x;
  }

  private void step(Model net) {
    net.forward(x, N);
    net.loss(y, N);
    net.backward();
    net.sgdStep(1e-3);
  }

  /** Live threads of every worker pool in this JVM. */
  private static long workerThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("unroll-worker-"))
        .count();
  }

  /** Collects garbage until at most {@code limit} worker threads are left. */
  private static void awaitWorkerThreadsAtMost(long limit) throws InterruptedException {
    while (workerThreads() > limit) {
      System.gc();
      Thread.sleep(20);
    }
  }

  @Test
  void aThousandThreadChangesLeaveNoPoolBehind() throws InterruptedException {
    long before = workerThreads();
    Model net = new ReliabilitySpecs_MnistNet(1);
    for (int i = 0; i < 1000; i++) {
      net.setThreads(2);
      step(net);
      net.setThreads(1);
    }
    // the pools dropped by setThreads end, at the latest once collected
    awaitWorkerThreadsAtMost(before);
    net.setThreads(2);
    step(net);
    assertTrue(workerThreads() <= before + 1, "one pool of one worker thread");
  }

  @Test
  void discardedNetworksLeaveNoThreadsAfterAGarbageCollection() throws InterruptedException {
    long before = workerThreads();
    for (int i = 0; i < 200; i++) {
      Model net = new ReliabilitySpecs_MnistNet(i);
      net.setThreads(2);
      step(net);
    }
    awaitWorkerThreadsAtMost(before);
  }

  /**
   * Without any garbage collection: setThreads closes the pool it replaces and keeps a pool of
   * the same size. Needs the generated setThreads to call {@code workers =
   * Workers.resize(workers, threads)} (the emit stage's side of issue 12.5); enable on merge.
   */
  @Test
  void setThreadsClosesTheOldPoolAndKeepsOneOfTheSameSize() {
    long before = workerThreads();
    Model net = new ReliabilitySpecs_MnistNet(1);
    for (int i = 0; i < 1000; i++) {
      net.setThreads(2);
      step(net);
      net.setThreads(2);
      assertTrue(workerThreads() <= before + 1, "one pool of one worker thread");
      net.setThreads(1);
      assertTrue(workerThreads() <= before, "no pool on one thread");
    }
  }
}
