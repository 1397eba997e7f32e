package dev.unroll.examples.fashioncnn;

import dev.unroll.spec.Activation;
import dev.unroll.spec.Init;
import dev.unroll.spec.Layer;
import dev.unroll.spec.LayerKind;
import dev.unroll.spec.Network;

/**
 * The Fashion-MNIST convnet (the W5 benchmark net): 1x28x28 -> conv 3x3 16 pad 1 (batch
 * norm, ReLU) -> max pool 2 -> conv 3x3 32 pad 1 (batch norm, ReLU) -> max pool 2 -> dense 10.
 */
@Network(inputs = 784, shape = {1, 28, 28}, maxBatch = 64)
@Layer(kind = LayerKind.CONV, filters = 16, size = 3, pad = 1, batchNorm = true,
    activation = Activation.RELU, init = Init.HE)
@Layer(kind = LayerKind.MAX_POOL, size = 2)
@Layer(kind = LayerKind.CONV, filters = 32, size = 3, pad = 1, batchNorm = true,
    activation = Activation.RELU, init = Init.HE)
@Layer(kind = LayerKind.MAX_POOL, size = 2)
@Layer(units = 10)
public interface FashionSpec {}
