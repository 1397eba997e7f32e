package dev.unroll.examples.initstudy;

import dev.unroll.runtime.Model;
import java.util.List;
import java.util.function.LongFunction;

/**
 * One row of the study: a label, the file name of its picture and the generated network.
 *
 * @param label what the lecture calls it, e.g. {@code tanh, W = 0.01 N(0,1)}
 * @param file base name of the histogram picture
 * @param network builds the generated network from a seed
 */
public record Config(String label, String file, LongFunction<Model> network) {
  /** The five configurations in the lecture's order. */
  public static List<Config> all() {
    return List.of(
        new Config("tanh, W = 0.01 N(0,1)", "tanh-small", InitSpecs_TanhSmallNet::new),
        new Config("tanh, W = 1.0 N(0,1)", "tanh-large", InitSpecs_TanhLargeNet::new),
        new Config("tanh, Xavier", "tanh-xavier", InitSpecs_TanhXavierNet::new),
        new Config("ReLU, Xavier", "relu-xavier", InitSpecs_ReluXavierNet::new),
        new Config("ReLU, He", "relu-he", InitSpecs_ReluHeNet::new));
  }
}
