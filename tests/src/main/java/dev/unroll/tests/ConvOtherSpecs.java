package dev.unroll.tests;

import dev.unroll.spec.Activation;
import dev.unroll.spec.Init;
import dev.unroll.spec.Layer;
import dev.unroll.spec.LayerKind;
import dev.unroll.spec.Network;
import dev.unroll.spec.Precision;

/**
 * Conv specs for behaviour tests: one net in float and in double (precision agreement), and the
 * W5 and W6 benchmark shapes (bytecode sizes, allocation).
 */
final class ConvOtherSpecs {
  private ConvOtherSpecs() {}

  /** conv BN ReLU -> max pool -> conv ELU -> dense, in float. */
  @Network(inputs = 72, shape = {2, 6, 6}, maxBatch = 16)
  @Layer(kind = LayerKind.CONV, filters = 4, size = 3, pad = 1, batchNorm = true,
      activation = Activation.RELU, init = Init.HE)
  @Layer(kind = LayerKind.MAX_POOL, size = 2)
  @Layer(kind = LayerKind.CONV, filters = 3, size = 3, pad = 1, activation = Activation.ELU)
  @Layer(units = 5)
  interface MixedFloat {}

  /** {@link MixedFloat} in double. */
  @Network(inputs = 72, shape = {2, 6, 6}, maxBatch = 16, precision = Precision.DOUBLE)
  @Layer(kind = LayerKind.CONV, filters = 4, size = 3, pad = 1, batchNorm = true,
      activation = Activation.RELU, init = Init.HE)
  @Layer(kind = LayerKind.MAX_POOL, size = 2)
  @Layer(kind = LayerKind.CONV, filters = 3, size = 3, pad = 1, activation = Activation.ELU)
  @Layer(units = 5)
  interface MixedDouble {}

  /** W5: the Fashion-MNIST convnet. */
  @Network(inputs = 784, shape = {1, 28, 28}, maxBatch = 64)
  @Layer(kind = LayerKind.CONV, filters = 16, size = 3, pad = 1, batchNorm = true,
      activation = Activation.RELU, init = Init.HE)
  @Layer(kind = LayerKind.MAX_POOL, size = 2)
  @Layer(kind = LayerKind.CONV, filters = 32, size = 3, pad = 1, batchNorm = true,
      activation = Activation.RELU, init = Init.HE)
  @Layer(kind = LayerKind.MAX_POOL, size = 2)
  @Layer(units = 10)
  interface Fashion {}

  /** W6: CIFAR-shaped, 3x32x32 with 64-filter layers. */
  @Network(inputs = 3072, shape = {3, 32, 32}, maxBatch = 64)
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
  interface Cifar {}
}
