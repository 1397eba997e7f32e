package dev.unroll.benchmarks.dl4j;

import dev.unroll.benchmarks.Workload;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** W3 on Deeplearning4j: one sample through the W2n network, inference mode. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class Dl4jInfer {
  private MultiLayerNetwork net;
  private INDArray[] xs;
  private int next;

  /** The W2n network and a few single-sample inputs. */
  @Setup
  public void setup() {
    net = Dl4jNets.network(Workload.W3);
    xs = Dl4jNets.features(Workload.W3);
  }

  /** Scores of one sample and its predicted class. */
  @Benchmark
  public int w3() {
    int k = next;
    next = (k + 1) & (Workload.BATCHES - 1);
    INDArray scores = net.output(xs[k], false);
    return scores.argMax(1).getInt(0);
  }
}
