package dev.unroll.examples.mnist;

import dev.unroll.spec.Activation;
import dev.unroll.spec.Init;
import dev.unroll.spec.Layer;
import dev.unroll.spec.LayerKind;
import dev.unroll.spec.Network;

/**
 * The conv variant ({@code --conv}): 1x28x28 -> conv 3x3 8 pad 1 (batch norm, ReLU) -> max pool
 * 2 -> conv 3x3 16 pad 1 (batch norm, ReLU) -> max pool 2 -> 10. The processor generates {@code
 * MnistConvSpecNet}.
 */
@Network(inputs = 784, shape = {1, 28, 28}, maxBatch = 128)
@Layer(kind = LayerKind.CONV, filters = 8, size = 3, pad = 1, batchNorm = true,
    activation = Activation.RELU, init = Init.HE)
@Layer(kind = LayerKind.MAX_POOL, size = 2)
@Layer(kind = LayerKind.CONV, filters = 16, size = 3, pad = 1, batchNorm = true,
    activation = Activation.RELU, init = Init.HE)
@Layer(kind = LayerKind.MAX_POOL, size = 2)
@Layer(units = 10)
interface MnistConvSpec {}
