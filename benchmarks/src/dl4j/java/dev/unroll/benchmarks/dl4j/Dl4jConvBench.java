package dev.unroll.benchmarks.dl4j;

import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Deeplearning4j training steps of the convolutional workloads W5 and W6: one {@code fit} of one
 * batch of 64 images is forward, loss, backward and the SGD update. Threads are set by {@code
 * OMP_NUM_THREADS} in the environment of the run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Dl4jConvBench {
  /** Training workload; W7 is {@link Dl4jConvInfer}. */
  @Param({"W5", "W6"})
  public String workload;

  private MultiLayerNetwork net;
  private INDArray[] xs;
  private INDArray[] ys;
  private int next;

  /** Builds the network and the batches. */
  @Setup
  public void setup() {
    Dl4jConvNets.Shape s = Dl4jConvNets.of(workload);
    net = Dl4jConvNets.network(s);
    xs = Dl4jConvNets.features(s);
    ys = Dl4jConvNets.labels(s, xs);
  }

  /** One training step. */
  @Benchmark
  public MultiLayerNetwork train() {
    int k = next;
    next = (k + 1) & (Dl4jConvNets.BATCHES - 1);
    net.fit(xs[k], ys[k]);
    return net;
  }

  /** A diverged run would time NaN arithmetic, not training. */
  @TearDown
  public void check() {
    double score = net.score();
    if (!Double.isFinite(score)) {
      throw new IllegalStateException("dl4j " + workload + ": loss became " + score);
    }
  }
}
