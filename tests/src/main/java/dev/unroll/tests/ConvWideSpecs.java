package dev.unroll.tests;

import dev.unroll.spec.Activation;
import dev.unroll.spec.Init;
import dev.unroll.spec.Layer;
import dev.unroll.spec.LayerKind;
import dev.unroll.spec.Network;

/**
 * Wide conv layers for the bytecode-size checks under each conv product: 3x32x32 into 64 filters,
 * then 64 channels through 4x4 stride 2, 5x5 pad 2, 7x7 pad 3 and 1x1 kernels. Generated class {@code
 * ConvWideSpecs_WideNet}.
 */
final class ConvWideSpecs {
  private ConvWideSpecs() {}

  @Network(inputs = 3072, shape = {3, 32, 32}, maxBatch = 64)
  @Layer(kind = LayerKind.CONV, filters = 64, size = 3, pad = 1, batchNorm = true,
      activation = Activation.RELU, init = Init.HE)
  @Layer(kind = LayerKind.CONV, filters = 64, size = 4, stride = 2, pad = 1,
      activation = Activation.RELU, init = Init.HE)
  @Layer(kind = LayerKind.CONV, filters = 64, size = 5, pad = 2, activation = Activation.RELU,
      init = Init.HE)
  @Layer(kind = LayerKind.CONV, filters = 64, size = 7, pad = 3, activation = Activation.RELU,
      init = Init.HE)
  @Layer(kind = LayerKind.CONV, filters = 32, size = 1)
  @Layer(units = 10)
  interface Wide {}
}
