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

/** W3: latency of one sample through the generated W2n network in evaluation mode. */
@State(Scope.Thread)
@Fork(jvmArgsPrepend = {"--add-modules", "jdk.incubator.vector"})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class UnrollInfer {
  /** Kernels: {@code plain} or {@code vector}, as in {@link UnrollBench}. */
  @Param({"plain", "vector"})
  public String backend;

  private Model net;
  private float[][][] xs;
  private int next;

  /** The W2n network in evaluation mode and a few single-sample batches. */
  @Setup
  public void setup() {
    net = Workload.W3.unrollNet(Workload.isVector(backend));
    net.setTraining(false);
    xs = Workload.W3.inputBatches();
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
