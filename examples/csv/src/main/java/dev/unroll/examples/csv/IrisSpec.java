package dev.unroll.examples.csv;

import dev.unroll.spec.Activation;
import dev.unroll.spec.Init;
import dev.unroll.spec.Layer;
import dev.unroll.spec.Loss;
import dev.unroll.spec.Network;

/**
 * The network this example trains: 4 features, 32 ReLU units with He initialization, 3 class
 * scores, softmax loss. The processor generates {@code IrisSpecNet} from it at compile time, so
 * the sizes are fixed here: for a CSV file with another number of features or classes, change
 * {@code inputs} and the last layer's {@code units} and rebuild (see the README).
 */
@Network(inputs = 4, loss = Loss.SOFTMAX, maxBatch = 64)
@Layer(units = 32, activation = Activation.RELU, init = Init.HE)
@Layer(units = 3)
interface IrisSpec {}
