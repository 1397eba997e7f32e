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

/**
 * One conv layer of each shape of {@link ConvLayerSpecs}: a training step at batch 64 and a
 * forward pass of one image in evaluation mode, in microseconds. Built twice, with {@code
 * -Dunroll.convProduct=direct} and {@code =im2col}, it compares the two conv products shape by
 * shape (BENCHMARKS.md, "Direct convolution against im2col"); the planner's rule is in {@code
 * ConvRule}.
 */
@State(Scope.Thread)
@Fork(jvmArgsPrepend = {"--add-modules", "jdk.incubator.vector"})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ConvLayerBench {
  /** W5's and W6's training batch. */
  static final int BATCH = 64;

  /** The layer's shape, a name of {@link ConvLayerSpecs}. */
  @Param({"W5c1", "W5c2", "W6c1", "W6c2", "W6c3", "W6c4", "S2", "K5", "K1"})
  public String shape;

  /** {@code train}: a training step of batch 64; {@code infer}: one image, evaluation mode. */
  @Param({"train", "infer"})
  public String mode;

  private Model net;
  private float[][][] xs;
  private float[][][] one;
  private int[][] ys;
  private int next;

  /** The network and its batches; nothing is allocated afterwards. */
  @Setup
  public void setup() {
    net = switch (shape) {
      case "W5c1" -> new ConvLayerSpecs_W5c1Net(Workload.WEIGHT_SEED);
      case "W5c2" -> new ConvLayerSpecs_W5c2Net(Workload.WEIGHT_SEED);
      case "W6c1" -> new ConvLayerSpecs_W6c1Net(Workload.WEIGHT_SEED);
      case "W6c2" -> new ConvLayerSpecs_W6c2Net(Workload.WEIGHT_SEED);
      case "W6c3" -> new ConvLayerSpecs_W6c3Net(Workload.WEIGHT_SEED);
      case "W6c4" -> new ConvLayerSpecs_W6c4Net(Workload.WEIGHT_SEED);
      case "S2" -> new ConvLayerSpecs_S2Net(Workload.WEIGHT_SEED);
      case "K5" -> new ConvLayerSpecs_K5Net(Workload.WEIGHT_SEED);
      case "K1" -> new ConvLayerSpecs_K1Net(Workload.WEIGHT_SEED);
      default -> throw new IllegalArgumentException("no conv layer shape " + shape);
    };
    xs = inputs(net.inputs(), BATCH);
    one = inputs(net.inputs(), 1);
    ys = new int[Workload.BATCHES][];
    for (int k = 0; k < Workload.BATCHES; k++) {
      ys[k] = Workload.Data.linearLabels(xs[k], 10, 11);
    }
    net.setTraining(mode.equals("train"));
  }

  /** One training step, or one image's scores in evaluation mode. */
  @Benchmark
  public double step() {
    return mode.equals("train") ? train() : infer();
  }

  private double train() {
    int k = next;
    next = (k + 1) & (Workload.BATCHES - 1);
    net.forward(xs[k], BATCH);
    double loss = net.loss(ys[k], BATCH);
    net.backward();
    net.sgdStep(Workload.LEARNING_RATE);
    return loss;
  }

  private int infer() {
    int k = next;
    next = (k + 1) & (Workload.BATCHES - 1);
    net.forward(one[k], 1);
    return net.predict(0);
  }

  /** {@link Workload#BATCHES} batches of N(0, 1) pixels, each from its own seed, as W5-W7 use. */
  private static float[][][] inputs(int inputs, int batch) {
    float[][][] xs = new float[Workload.BATCHES][][];
    for (int k = 0; k < Workload.BATCHES; k++) {
      xs[k] = Workload.Data.gaussian(batch, inputs, 100 + k);
    }
    return xs;
  }
}
