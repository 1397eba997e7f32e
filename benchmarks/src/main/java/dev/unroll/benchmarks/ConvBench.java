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
 * W5 and W6: training steps of the generated convnets, batch 64 (samples/s = ops/s x 64), SGD lr
 * 0.01 on synthetic Gaussian images with labels from a fixed random linear map, cycling through
 * {@link Workload#BATCHES} batches. One op = one step.
 */
@State(Scope.Thread)
@Fork(jvmArgsPrepend = {"--add-modules", "jdk.incubator.vector"})
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ConvBench {
  /** W5 (Fashion convnet) or W6 (CIFAR-shaped). */
  @Param({"W5", "W6"})
  public String workload;

  /** Kernels: {@code plain} (the default backend) or {@code vector} (the Vector API one). */
  @Param({"plain"})
  public String backend;

  /** Threads of the generated network's own pool. */
  @Param({"1"})
  public int threads;

  static final int BATCH = 64;

  private Model net;
  private float[][][] xs;
  private int[][] ys;
  private int next;
  private double lastLoss;

  /** The network and its batches; nothing is allocated afterwards. */
  @Setup
  public void setup() {
    net = net(workload, Workload.isVector(backend));
    net.setTraining(true);
    net.setThreads(threads);
    xs = inputs(net.inputs(), BATCH);
    ys = new int[Workload.BATCHES][];
    for (int k = 0; k < Workload.BATCHES; k++) {
      ys[k] = Workload.Data.linearLabels(xs[k], 10, 11);
    }
  }

  /** W5 or W6's generated network, on the vector backend or the plain one. */
  static Model net(String workload, boolean vector) {
    long seed = Workload.WEIGHT_SEED;
    if (workload.equals("W5")) {
      return vector ? new ConvSpecs_W5VNet(seed) : new ConvSpecs_W5Net(seed);
    }
    return vector ? new ConvSpecs_W6VNet(seed) : new ConvSpecs_W6Net(seed);
  }

  /** {@link Workload#BATCHES} batches of {@code batch} Gaussian rows of {@code inputs}. */
  static float[][][] inputs(int inputs, int batch) {
    float[][][] xs = new float[Workload.BATCHES][][];
    for (int k = 0; k < Workload.BATCHES; k++) {
      xs[k] = Workload.Data.gaussian(batch, inputs, 100 + k);
    }
    return xs;
  }

  /** One training step; returns the loss so the work cannot be eliminated. */
  @Benchmark
  public double train() {
    int k = next;
    next = (k + 1) & (Workload.BATCHES - 1);
    net.forward(xs[k], BATCH);
    double loss = net.loss(ys[k], BATCH);
    net.backward();
    net.sgdStep(Workload.LEARNING_RATE);
    lastLoss = loss;
    return loss;
  }

  /** A diverged run would time NaN arithmetic, not training: say so in the log. */
  @TearDown
  public void check() {
    Checks.finiteLoss("unroll conv", workload, lastLoss);
    net.setThreads(1);
  }
}
