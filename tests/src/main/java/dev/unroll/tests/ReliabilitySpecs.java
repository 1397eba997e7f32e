package dev.unroll.tests;

import dev.unroll.spec.Activation;
import dev.unroll.spec.Init;
import dev.unroll.spec.Layer;
import dev.unroll.spec.Loss;
import dev.unroll.spec.Network;
import dev.unroll.spec.Precision;

/** Specs for the reliability tests: the worker pool's lifetime and the gradient check's kinks. */
final class ReliabilitySpecs {
  private ReliabilitySpecs() {}

  /** 784-512-10, issue 15.13's network: its first layer is split across threads. */
  @Network(inputs = 784, maxBatch = 8)
  @Layer(units = 512, activation = Activation.RELU, init = Init.HE)
  @Layer(units = 10)
  interface Mnist {}

  /**
   * Issue 15.15's network: SVM loss, ReLU with batch norm, then PReLU with alpha 1e-3. A sample
   * whose three ReLUs all output 0 puts the PReLU units, with their zero biases, exactly on
   * their kink.
   */
  @Network(inputs = 4, maxBatch = 8, precision = Precision.DOUBLE, loss = Loss.SVM)
  @Layer(units = 3, activation = Activation.RELU, batchNorm = true)
  @Layer(units = 4, activation = Activation.PRELU, alpha = 1e-3)
  @Layer(units = 3)
  interface ReluBnPreluSvm {}
}
