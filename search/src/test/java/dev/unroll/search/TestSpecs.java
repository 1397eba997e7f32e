package dev.unroll.search;

import dev.unroll.runtime.Model;
import dev.unroll.spec.Activation;
import dev.unroll.spec.Init;
import dev.unroll.spec.Layer;
import dev.unroll.spec.Network;

/** Small specs the processor turns into networks for the search tests. */
interface TestSpecs {
  /** 2 -> 16 ReLU -> 3: learns the blobs in a few epochs. */
  @Network(inputs = 2, maxBatch = 64)
  @Layer(units = 16, activation = Activation.RELU, init = Init.HE)
  @Layer(units = 3, init = Init.SMALL_RANDOM)
  interface Tiny extends Model {}
}
