package dev.unroll.examples.tuningspark;

import dev.unroll.runtime.Model;
import dev.unroll.spec.Activation;
import dev.unroll.spec.Init;
import dev.unroll.spec.Layer;
import dev.unroll.spec.Network;

/** 784 -> 128 ReLU -> 10 for the MNIST search; the processor generates {@code MnistNet}. */
@Network(inputs = 784, maxBatch = MnistTrials.BATCH)
@Layer(units = 128, activation = Activation.RELU, init = Init.HE)
@Layer(units = 10)
public interface Mnist extends Model {}
