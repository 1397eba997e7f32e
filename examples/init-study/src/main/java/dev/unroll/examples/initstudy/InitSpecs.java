package dev.unroll.examples.initstudy;

import dev.unroll.runtime.Model;
import dev.unroll.spec.Activation;
import dev.unroll.spec.Init;
import dev.unroll.spec.Layer;
import dev.unroll.spec.Network;

/**
 * The five networks of the lecture's initialization study: ten layers of 500 units over 500
 * inputs, differing only in activation and init. Only forward passes are used; the loss is the
 * default and plays no part. The processor generates {@code InitSpecs_TanhSmallNet} and so on.
 */
public interface InitSpecs {
  /** tanh, W = 0.01 N(0, 1): activations shrink toward zero layer by layer. */
  @Network(inputs = 500, maxBatch = 1000)
  @Layer(units = 500, activation = Activation.TANH, init = Init.SMALL_RANDOM)
  @Layer(units = 500, activation = Activation.TANH, init = Init.SMALL_RANDOM)
  @Layer(units = 500, activation = Activation.TANH, init = Init.SMALL_RANDOM)
  @Layer(units = 500, activation = Activation.TANH, init = Init.SMALL_RANDOM)
  @Layer(units = 500, activation = Activation.TANH, init = Init.SMALL_RANDOM)
  @Layer(units = 500, activation = Activation.TANH, init = Init.SMALL_RANDOM)
  @Layer(units = 500, activation = Activation.TANH, init = Init.SMALL_RANDOM)
  @Layer(units = 500, activation = Activation.TANH, init = Init.SMALL_RANDOM)
  @Layer(units = 500, activation = Activation.TANH, init = Init.SMALL_RANDOM)
  @Layer(units = 500, activation = Activation.TANH, init = Init.SMALL_RANDOM)
  interface TanhSmall extends Model {}

  /** tanh, W = 1.0 N(0, 1): units saturate at -1 and +1. */
  @Network(inputs = 500, maxBatch = 1000)
  @Layer(units = 500, activation = Activation.TANH, init = Init.NORMAL, scale = 1.0)
  @Layer(units = 500, activation = Activation.TANH, init = Init.NORMAL, scale = 1.0)
  @Layer(units = 500, activation = Activation.TANH, init = Init.NORMAL, scale = 1.0)
  @Layer(units = 500, activation = Activation.TANH, init = Init.NORMAL, scale = 1.0)
  @Layer(units = 500, activation = Activation.TANH, init = Init.NORMAL, scale = 1.0)
  @Layer(units = 500, activation = Activation.TANH, init = Init.NORMAL, scale = 1.0)
  @Layer(units = 500, activation = Activation.TANH, init = Init.NORMAL, scale = 1.0)
  @Layer(units = 500, activation = Activation.TANH, init = Init.NORMAL, scale = 1.0)
  @Layer(units = 500, activation = Activation.TANH, init = Init.NORMAL, scale = 1.0)
  @Layer(units = 500, activation = Activation.TANH, init = Init.NORMAL, scale = 1.0)
  interface TanhLarge extends Model {}

  /** tanh, Xavier N(0, 1) / sqrt(fan_in): a stable spread through all layers. */
  @Network(inputs = 500, maxBatch = 1000)
  @Layer(units = 500, activation = Activation.TANH, init = Init.XAVIER)
  @Layer(units = 500, activation = Activation.TANH, init = Init.XAVIER)
  @Layer(units = 500, activation = Activation.TANH, init = Init.XAVIER)
  @Layer(units = 500, activation = Activation.TANH, init = Init.XAVIER)
  @Layer(units = 500, activation = Activation.TANH, init = Init.XAVIER)
  @Layer(units = 500, activation = Activation.TANH, init = Init.XAVIER)
  @Layer(units = 500, activation = Activation.TANH, init = Init.XAVIER)
  @Layer(units = 500, activation = Activation.TANH, init = Init.XAVIER)
  @Layer(units = 500, activation = Activation.TANH, init = Init.XAVIER)
  @Layer(units = 500, activation = Activation.TANH, init = Init.XAVIER)
  interface TanhXavier extends Model {}

  /** ReLU, Xavier: ReLU halves the variance each layer, so activations collapse. */
  @Network(inputs = 500, maxBatch = 1000)
  @Layer(units = 500, activation = Activation.RELU, init = Init.XAVIER)
  @Layer(units = 500, activation = Activation.RELU, init = Init.XAVIER)
  @Layer(units = 500, activation = Activation.RELU, init = Init.XAVIER)
  @Layer(units = 500, activation = Activation.RELU, init = Init.XAVIER)
  @Layer(units = 500, activation = Activation.RELU, init = Init.XAVIER)
  @Layer(units = 500, activation = Activation.RELU, init = Init.XAVIER)
  @Layer(units = 500, activation = Activation.RELU, init = Init.XAVIER)
  @Layer(units = 500, activation = Activation.RELU, init = Init.XAVIER)
  @Layer(units = 500, activation = Activation.RELU, init = Init.XAVIER)
  @Layer(units = 500, activation = Activation.RELU, init = Init.XAVIER)
  interface ReluXavier extends Model {}

  /** ReLU, He N(0, 1) * sqrt(2 / fan_in): the factor 2 restores the variance ReLU halves. */
  @Network(inputs = 500, maxBatch = 1000)
  @Layer(units = 500, activation = Activation.RELU, init = Init.HE)
  @Layer(units = 500, activation = Activation.RELU, init = Init.HE)
  @Layer(units = 500, activation = Activation.RELU, init = Init.HE)
  @Layer(units = 500, activation = Activation.RELU, init = Init.HE)
  @Layer(units = 500, activation = Activation.RELU, init = Init.HE)
  @Layer(units = 500, activation = Activation.RELU, init = Init.HE)
  @Layer(units = 500, activation = Activation.RELU, init = Init.HE)
  @Layer(units = 500, activation = Activation.RELU, init = Init.HE)
  @Layer(units = 500, activation = Activation.RELU, init = Init.HE)
  @Layer(units = 500, activation = Activation.RELU, init = Init.HE)
  interface ReluHe extends Model {}
}
