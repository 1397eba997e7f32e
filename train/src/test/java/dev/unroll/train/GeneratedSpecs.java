package dev.unroll.train;

import dev.unroll.runtime.Model;
import dev.unroll.spec.Activation;
import dev.unroll.spec.Init;
import dev.unroll.spec.Layer;
import dev.unroll.spec.LayerKind;
import dev.unroll.spec.Network;

/** Small specs the processor turns into networks for the tests of the tools on generated code. */
interface GeneratedSpecs {
  /** 2 -> 32 ReLU -> 3, the output layer small so the initial loss is near ln(3). */
  @Network(inputs = 2, maxBatch = 64)
  @Layer(units = 32, activation = Activation.RELU, init = Init.HE)
  @Layer(units = 3, init = Init.SMALL_RANDOM)
  interface Small extends Model {}

  /** 2 -> 16 batch-norm tanh -> 3: has running statistics to save. */
  @Network(inputs = 2, maxBatch = 64)
  @Layer(units = 16, activation = Activation.TANH, batchNorm = true)
  @Layer(units = 3, init = Init.SMALL_RANDOM)
  interface SmallBn extends Model {}

  /** 1x6x6 -> conv 4 3x3 pad 1 ReLU -> max pool 2 -> 3: the tools on a conv network. */
  @Network(inputs = 36, shape = {1, 6, 6}, maxBatch = 64)
  @Layer(kind = LayerKind.CONV, filters = 4, size = 3, pad = 1, activation = Activation.RELU,
      init = Init.HE)
  @Layer(kind = LayerKind.MAX_POOL, size = 2)
  @Layer(units = 3, init = Init.SMALL_RANDOM)
  interface SmallConv extends Model {}
}
