package dev.unroll.benchmarks;

import dev.unroll.benchmarks.plain.PlainNet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** W3 on the plain-Java reference: one sample, evaluation mode. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PlainInfer {
  private PlainNet net;
  private float[][] xs;
  private int next;

  /** The W2n reference network in evaluation mode and a few single-sample inputs. */
  @Setup
  public void setup() {
    net = new PlainNet(Workload.W3, Workload.WEIGHT_SEED);
    net.setTraining(false);
    xs = PlainBench.flatBatches(Workload.W3);
  }

  /** Scores of one sample and its predicted class. */
  @Benchmark
  public int w3() {
    int k = next;
    next = (k + 1) & (Workload.BATCHES - 1);
    net.forward(xs[k], 1);
    return net.predict(0);
  }
}
