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
 * Latency of one sample through a generated network in evaluation mode: W3 (the W2n network)
 * and W7 (the W5 convnet, batch norm folded into the filters).
 */
@State(Scope.Thread)
@Fork(jvmArgsPrepend = {"--add-modules", "jdk.incubator.vector"})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class UnrollInfer {
  /** Inference workload ({@link AnyWorkload#of}). */
  @Param({"W3", "W7"})
  public String workload;

  /** Kernels: {@code plain} or {@code vector}, as in {@link UnrollBench}. */
  @Param({"plain", "vector"})
  public String backend;

  private Model net;
  private float[][][] xs;
  private int next;

  /** The network in evaluation mode and a few single-sample batches. */
  @Setup
  public void setup() {
    AnyWorkload w = AnyWorkload.of(workload);
    if (w.training()) {
      throw new IllegalArgumentException(workload + " is a training workload: UnrollBench");
    }
    net = w.unrollNet(Workload.isVector(backend));
    net.setTraining(false);
    xs = w.inputBatches();
  }

  /** Scores of one sample and its predicted class. */
  @Benchmark
  public int infer() {
    int k = next;
    next = (k + 1) & (Workload.BATCHES - 1);
    net.forward(xs[k], 1);
    return net.predict(0);
  }
}
