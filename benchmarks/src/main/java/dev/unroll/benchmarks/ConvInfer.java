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

/** W7: latency of one image through the generated W5 convnet in evaluation mode. */
@State(Scope.Thread)
@Fork(jvmArgsPrepend = {"--add-modules", "jdk.incubator.vector"})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ConvInfer {
  /** Kernels: {@code plain} (the default backend) or {@code vector} (the Vector API one). */
  @Param({"plain"})
  public String backend;

  private Model net;
  private float[][][] xs;
  private int next;

  /** W5 in evaluation mode (batch norm folded into the filters) and single-image batches. */
  @Setup
  public void setup() {
    net = ConvBench.net("W5", Workload.isVector(backend));
    net.setTraining(false);
    xs = ConvBench.inputs(net.inputs(), 1);
  }

  /** Scores of one image and its predicted class. */
  @Benchmark
  public int w7() {
    int k = next;
    next = (k + 1) & (Workload.BATCHES - 1);
    net.forward(xs[k], 1);
    return net.predict(0);
  }
}
