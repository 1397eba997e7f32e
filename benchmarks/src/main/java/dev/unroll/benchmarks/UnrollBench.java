package dev.unroll.benchmarks;

import dev.unroll.runtime.Model;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Training steps of the processor-generated networks, dense (W1, W2, W2n, W4) and convolutional
 * (W5, W6): forward, loss, backward, SGD (lr 0.01) on one batch per call, cycling through {@link
 * Workload#BATCHES} batches. One op = one step (samples/s = ops/s x batch). Forks
 * get {@code --add-modules jdk.incubator.vector} for the Vector API backend (prepended, so a
 * command line's {@code -jvmArgsAppend} adds to it).
 */
@State(Scope.Thread)
@Fork(jvmArgsPrepend = {"--add-modules", "jdk.incubator.vector"})
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class UnrollBench {
  /** Training workload ({@link AnyWorkload#of}); W3 and W7 are {@link UnrollInfer}. */
  @Param({"W1", "W2", "W2n", "W4", "W5", "W6"})
  public String workload;

  /** Kernels: {@code plain} (the default backend) or {@code vector} (the Vector API one). */
  @Param({"plain", "vector"})
  public String backend;

  /** Threads of the generated network's own pool ({@link Model#setThreads}). */
  @Param({"1"})
  public int threads;

  private Model net;
  private float[][][] xs;
  private int[][] ys;
  private int batch;
  private int next;
  private double lastLoss;

  /** Builds the network and the batches; nothing is allocated afterwards. */
  @Setup
  public void setup() {
    AnyWorkload w = AnyWorkload.of(workload);
    if (!w.training()) {
      throw new IllegalArgumentException(workload + " is an inference workload: UnrollInfer");
    }
    net = w.unrollNet(Workload.isVector(backend));
    net.setTraining(true);
    net.setThreads(threads);
    xs = w.inputBatches();
    ys = w.labelBatches();
    batch = w.batch();
  }

  /** One training step; returns the loss so the work cannot be eliminated. */
  @Benchmark
  public double train() {
    int k = next;
    next = (k + 1) & (Workload.BATCHES - 1);
    net.forward(xs[k], batch);
    double loss = net.loss(ys[k], batch);
    net.backward();
    net.sgdStep(Workload.LEARNING_RATE);
    lastLoss = loss;
    return loss;
  }

  /** A diverged run would time NaN arithmetic, not training: say so in the log. */
  @TearDown
  public void check() {
    Checks.finiteLoss("unroll " + backend, workload, lastLoss);
    // Lets the pool's threads go; a fork runs one trial, a test may run many.
    net.setThreads(1);
  }
}
