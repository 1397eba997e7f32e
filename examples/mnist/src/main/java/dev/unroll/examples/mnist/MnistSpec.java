package dev.unroll.examples.mnist;

import dev.unroll.spec.Activation;
import dev.unroll.spec.Init;
import dev.unroll.spec.Layer;
import dev.unroll.spec.Loss;
import dev.unroll.spec.Network;

/**
 * A two-layer digit classifier: 784 pixels, 128 ReLU units with He initialization, 10 class
 * scores, softmax loss. The processor generates {@code MnistSpecNet} from it.
 */
@Network(inputs = 784, loss = Loss.SOFTMAX, maxBatch = 128)
@Layer(units = 128, activation = Activation.RELU, init = Init.HE)
@Layer(units = 10)
interface MnistSpec {}
