package dev.unroll.benchmarks.dl4j;

import dev.unroll.benchmarks.Workload;
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
 * Deeplearning4j training steps on the same workloads, dense (W1-W4, {@link Dl4jNets}) and
 * convolutional (W5, W6, {@link Dl4jConvNets}): one {@code fit} of one batch is forward, loss,
 * backward and the SGD update. Threads are set by {@code OMP_NUM_THREADS} in the environment of
 * the run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Dl4jBench {
  /** Training workload; W3 and W7 are {@link Dl4jInfer} and {@link Dl4jConvInfer}. */
  @Param({"W1", "W2", "W2n", "W4", "W5", "W6"})
  public String workload;

  private MultiLayerNetwork net;
  private INDArray[] xs;
  private INDArray[] ys;
  private int next;

  /** Builds the network and the batches. */
  @Setup
  public void setup() {
    if (Dl4jConvNets.isConv(workload)) {
      Dl4jConvNets.Shape s = Dl4jConvNets.of(workload);
      net = Dl4jConvNets.network(s);
      xs = Dl4jConvNets.features(s);
      ys = Dl4jConvNets.labels(s, xs);
      return;
    }
    Workload w = Workload.of(workload);
    net = Dl4jNets.network(w);
    xs = Dl4jNets.features(w);
    ys = Dl4jNets.labels(w);
  }

  /** One training step. */
  @Benchmark
  public MultiLayerNetwork train() {
    int k = next;
    next = (k + 1) & (Workload.BATCHES - 1);
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
