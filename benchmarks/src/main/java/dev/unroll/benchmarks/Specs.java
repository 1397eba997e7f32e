package dev.unroll.benchmarks;

import dev.unroll.spec.Activation;
import dev.unroll.spec.Backend;
import dev.unroll.spec.Init;
import dev.unroll.spec.Layer;
import dev.unroll.spec.Loss;
import dev.unroll.spec.Network;

/**
 * The networks of the shared workloads, compiled by the processor like any user's spec. The
 * processor names each generated class {@code Specs_<Name>Net}; whatever kernels it currently
 * emits are what the benchmarks measure. Each network comes twice: with the default plain-Java
 * kernels, and with the opt-in Vector API backend ({@code ...V}, run with {@code --add-modules
 * jdk.incubator.vector}).
 */
public final class Specs {
  private Specs() {}

  /** W1 spiral: 2 -> 100 ReLU -> 3, full batch of 300, the course's 0.01 N(0, 1) weights. */
  @Network(inputs = 2, loss = Loss.SOFTMAX, maxBatch = 300)
  @Layer(units = 100, activation = Activation.RELU, init = Init.SMALL_RANDOM)
  @Layer(units = 3, init = Init.SMALL_RANDOM)
  public interface W1 {}

  /** W2: 784 -> 256 (batch norm, ELU) -> 128 (batch norm, ReLU) -> 10, Xavier, batch 128. */
  @Network(inputs = 784, loss = Loss.SOFTMAX, maxBatch = 128)
  @Layer(units = 256, activation = Activation.ELU, init = Init.XAVIER, batchNorm = true)
  @Layer(units = 128, activation = Activation.RELU, init = Init.XAVIER, batchNorm = true)
  @Layer(units = 10, init = Init.XAVIER)
  public interface W2 {}

  /** W2n: W2 without batch norm; also the W3 latency network (batch 1, evaluation mode). */
  @Network(inputs = 784, loss = Loss.SOFTMAX, maxBatch = 128)
  @Layer(units = 256, activation = Activation.ELU, init = Init.XAVIER)
  @Layer(units = 128, activation = Activation.RELU, init = Init.XAVIER)
  @Layer(units = 10, init = Init.XAVIER)
  public interface W2n {}

  /** W4 wide: 1024 -> 1024 ReLU -> 1024 ReLU -> 10, Xavier, batch 256. */
  @Network(inputs = 1024, loss = Loss.SOFTMAX, maxBatch = 256)
  @Layer(units = 1024, activation = Activation.RELU, init = Init.XAVIER)
  @Layer(units = 1024, activation = Activation.RELU, init = Init.XAVIER)
  @Layer(units = 10, init = Init.XAVIER)
  public interface W4 {}

  /** W1 on the Vector API backend. */
  @Network(inputs = 2, loss = Loss.SOFTMAX, maxBatch = 300, backend = Backend.VECTOR)
  @Layer(units = 100, activation = Activation.RELU, init = Init.SMALL_RANDOM)
  @Layer(units = 3, init = Init.SMALL_RANDOM)
  public interface W1V {}

  /** W2 on the Vector API backend. */
  @Network(inputs = 784, loss = Loss.SOFTMAX, maxBatch = 128, backend = Backend.VECTOR)
  @Layer(units = 256, activation = Activation.ELU, init = Init.XAVIER, batchNorm = true)
  @Layer(units = 128, activation = Activation.RELU, init = Init.XAVIER, batchNorm = true)
  @Layer(units = 10, init = Init.XAVIER)
  public interface W2V {}

  /** W2n on the Vector API backend. */
  @Network(inputs = 784, loss = Loss.SOFTMAX, maxBatch = 128, backend = Backend.VECTOR)
  @Layer(units = 256, activation = Activation.ELU, init = Init.XAVIER)
  @Layer(units = 128, activation = Activation.RELU, init = Init.XAVIER)
  @Layer(units = 10, init = Init.XAVIER)
  public interface W2nV {}

  /** W4 on the Vector API backend. */
  @Network(inputs = 1024, loss = Loss.SOFTMAX, maxBatch = 256, backend = Backend.VECTOR)
  @Layer(units = 1024, activation = Activation.RELU, init = Init.XAVIER)
  @Layer(units = 1024, activation = Activation.RELU, init = Init.XAVIER)
  @Layer(units = 10, init = Init.XAVIER)
  public interface W4V {}
}
