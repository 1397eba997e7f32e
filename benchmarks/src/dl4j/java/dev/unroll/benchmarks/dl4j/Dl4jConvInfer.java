package dev.unroll.benchmarks.dl4j;

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

/** W7 on Deeplearning4j: one image through the W5 network, inference mode. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class Dl4jConvInfer {
  private MultiLayerNetwork net;
  private INDArray[] xs;
  private int next;

  /** The W5 network and a few single-image inputs. */
  @Setup
  public void setup() {
    net = Dl4jConvNets.network(Dl4jConvNets.W7);
    xs = Dl4jConvNets.features(Dl4jConvNets.W7);
  }

  /** Scores of one image and its predicted class. */
  @Benchmark
  public int w7() {
    int k = next;
    next = (k + 1) & (Dl4jConvNets.BATCHES - 1);
    INDArray scores = net.output(xs[k], false);
    return scores.argMax(1).getInt(0);
  }
}
