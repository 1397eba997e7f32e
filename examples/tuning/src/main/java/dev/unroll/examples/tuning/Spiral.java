package dev.unroll.examples.tuning;

import dev.unroll.runtime.Model;
import dev.unroll.spec.Activation;
import dev.unroll.spec.Init;
import dev.unroll.spec.Layer;
import dev.unroll.spec.Loss;
import dev.unroll.spec.Network;

/**
 * The CS231n case-study network: 2 inputs, 100 ReLU units, 3 class scores, softmax loss, weights
 * from 0.01 N(0, 1) as in the course notes. The processor generates {@code SpiralNet}.
 */
@Network(inputs = 2, loss = Loss.SOFTMAX, maxBatch = SpiralData.SAMPLES)
@Layer(units = 100, activation = Activation.RELU, init = Init.SMALL_RANDOM)
@Layer(units = 3, init = Init.SMALL_RANDOM)
public interface Spiral extends Model {}
