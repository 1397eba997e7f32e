package dev.unroll.benchmarks;

import dev.unroll.benchmarks.plain.PlainNet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** The same training steps as {@link UnrollBench} on the plain-Java reference network. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PlainBench {
  /** Training workload; W3 is {@link PlainInfer}. */
  @Param({"W1", "W2", "W2n", "W4"})
  public String workload;

  private PlainNet net;
  private float[][] xs;
  private int[][] ys;
  private int batch;
  private int next;
  private double lastLoss;

  /** Builds the network and the batches, flattened once into the layout it reads. */
  @Setup
  public void setup() {
    Workload w = Workload.of(workload);
    net = new PlainNet(w, Workload.WEIGHT_SEED);
    net.setTraining(true);
    xs = flatBatches(w);
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
    Checks.finiteLoss("plain", workload, lastLoss);
  }

  static float[][] flatBatches(Workload w) {
    float[][][] rows = w.inputBatches();
    float[][] flat = new float[rows.length][];
    for (int b = 0; b < rows.length; b++) {
      flat[b] = PlainNet.flatten(rows[b], w.batch());
    }
    return flat;
  }
}
