package dev.unroll.benchmarks;

import dev.unroll.spec.Activation;
import dev.unroll.spec.Backend;
import dev.unroll.spec.Init;
import dev.unroll.spec.Layer;
import dev.unroll.spec.LayerKind;
import dev.unroll.spec.Loss;
import dev.unroll.spec.Network;

/**
 * The convolutional workloads W5-W7 ({@link ConvWorkload}) as Unroll specs, float32, each twice as
 * in {@link Specs}: the default plain-Java backend and the Vector API one ({@code ...V}).
 */
public final class ConvSpecs {
  private ConvSpecs() {}

  /** W5 (and W7 in evaluation mode): the Fashion-MNIST convnet, batch 64. */
  @Network(inputs = 784, shape = {1, 28, 28}, loss = Loss.SOFTMAX, maxBatch = 64)
  @Layer(kind = LayerKind.CONV, filters = 16, size = 3, pad = 1, batchNorm = true,
      activation = Activation.RELU, init = Init.HE)
  @Layer(kind = LayerKind.MAX_POOL, size = 2)
  @Layer(kind = LayerKind.CONV, filters = 32, size = 3, pad = 1, batchNorm = true,
      activation = Activation.RELU, init = Init.HE)
  @Layer(kind = LayerKind.MAX_POOL, size = 2)
  @Layer(units = 10)
  public interface W5 {}

  /** W6: CIFAR-shaped, batch 64. */
  @Network(inputs = 3072, shape = {3, 32, 32}, loss = Loss.SOFTMAX, maxBatch = 64)
  @Layer(kind = LayerKind.CONV, filters = 32, size = 3, pad = 1, batchNorm = true,
      activation = Activation.RELU, init = Init.HE)
  @Layer(kind = LayerKind.CONV, filters = 32, size = 3, pad = 1, batchNorm = true,
      activation = Activation.RELU, init = Init.HE)
  @Layer(kind = LayerKind.MAX_POOL, size = 2)
  @Layer(kind = LayerKind.CONV, filters = 64, size = 3, pad = 1, batchNorm = true,
      activation = Activation.RELU, init = Init.HE)
  @Layer(kind = LayerKind.CONV, filters = 64, size = 3, pad = 1, batchNorm = true,
      activation = Activation.RELU, init = Init.HE)
  @Layer(kind = LayerKind.MAX_POOL, size = 2)
  @Layer(units = 256, activation = Activation.RELU, init = Init.HE)
  @Layer(units = 10)
  public interface W6 {}

  /** W5 (and W7) on the Vector API backend. */
  @Network(inputs = 784, shape = {1, 28, 28}, loss = Loss.SOFTMAX, maxBatch = 64,
      backend = Backend.VECTOR)
  @Layer(kind = LayerKind.CONV, filters = 16, size = 3, pad = 1, batchNorm = true,
      activation = Activation.RELU, init = Init.HE)
  @Layer(kind = LayerKind.MAX_POOL, size = 2)
  @Layer(kind = LayerKind.CONV, filters = 32, size = 3, pad = 1, batchNorm = true,
      activation = Activation.RELU, init = Init.HE)
  @Layer(kind = LayerKind.MAX_POOL, size = 2)
  @Layer(units = 10)
  public interface W5V {}

  /** W6 on the Vector API backend. */
  @Network(inputs = 3072, shape = {3, 32, 32}, loss = Loss.SOFTMAX, maxBatch = 64,
      backend = Backend.VECTOR)
  @Layer(kind = LayerKind.CONV, filters = 32, size = 3, pad = 1, batchNorm = true,
      activation = Activation.RELU, init = Init.HE)
  @Layer(kind = LayerKind.CONV, filters = 32, size = 3, pad = 1, batchNorm = true,
      activation = Activation.RELU, init = Init.HE)
  @Layer(kind = LayerKind.MAX_POOL, size = 2)
  @Layer(kind = LayerKind.CONV, filters = 64, size = 3, pad = 1, batchNorm = true,
      activation = Activation.RELU, init = Init.HE)
  @Layer(kind = LayerKind.CONV, filters = 64, size = 3, pad = 1, batchNorm = true,
      activation = Activation.RELU, init = Init.HE)
  @Layer(kind = LayerKind.MAX_POOL, size = 2)
  @Layer(units = 256, activation = Activation.RELU, init = Init.HE)
  @Layer(units = 10)
  public interface W6V {}
}
