package dev.unroll.tests;

import dev.unroll.spec.Activation;
import dev.unroll.spec.Backend;
import dev.unroll.spec.Init;
import dev.unroll.spec.Layer;
import dev.unroll.spec.Loss;
import dev.unroll.spec.Network;
import dev.unroll.spec.Precision;

/**
 * The specs of {@link GradSpecs} on the VECTOR backend: the 12 -> 10 layer's products run in the
 * Vector API kernels. Generated classes are named {@code VectorGradSpecs_<Name>Net}.
 */
final class VectorGradSpecs {
  private VectorGradSpecs() {}

  @Network(inputs = 3, loss = Loss.SOFTMAX, precision = Precision.DOUBLE, maxBatch = 8,
      backend = Backend.VECTOR)
  @Layer(units = 12, activation = Activation.IDENTITY, init = Init.XAVIER)
  @Layer(units = 10, activation = Activation.IDENTITY, init = Init.XAVIER)
  @Layer(units = 4, init = Init.XAVIER)
  interface IdentitySoftmax {}

  @Network(inputs = 3, loss = Loss.SVM, precision = Precision.DOUBLE, maxBatch = 8,
      backend = Backend.VECTOR)
  @Layer(units = 12, activation = Activation.IDENTITY, init = Init.XAVIER)
  @Layer(units = 10, activation = Activation.IDENTITY, init = Init.XAVIER)
  @Layer(units = 4, init = Init.XAVIER)
  interface IdentitySvm {}

  @Network(inputs = 3, loss = Loss.SOFTMAX, precision = Precision.DOUBLE, maxBatch = 8,
      backend = Backend.VECTOR)
  @Layer(units = 12, activation = Activation.IDENTITY, init = Init.XAVIER, batchNorm = true)
  @Layer(units = 10, activation = Activation.IDENTITY, init = Init.XAVIER, batchNorm = true)
  @Layer(units = 4, init = Init.XAVIER)
  interface IdentityBnSoftmax {}

  @Network(inputs = 3, loss = Loss.SVM, precision = Precision.DOUBLE, maxBatch = 8,
      backend = Backend.VECTOR)
  @Layer(units = 12, activation = Activation.IDENTITY, init = Init.XAVIER, batchNorm = true)
  @Layer(units = 10, activation = Activation.IDENTITY, init = Init.XAVIER, batchNorm = true)
  @Layer(units = 4, init = Init.XAVIER)
  interface IdentityBnSvm {}

  @Network(inputs = 3, loss = Loss.SOFTMAX, precision = Precision.DOUBLE, maxBatch = 8,
      backend = Backend.VECTOR)
  @Layer(units = 12, activation = Activation.SIGMOID, init = Init.HE)
  @Layer(units = 10, activation = Activation.SIGMOID, init = Init.HE)
  @Layer(units = 4, init = Init.XAVIER)
  interface SigmoidSoftmax {}

  @Network(inputs = 3, loss = Loss.SVM, precision = Precision.DOUBLE, maxBatch = 8,
      backend = Backend.VECTOR)
  @Layer(units = 12, activation = Activation.SIGMOID, init = Init.HE)
  @Layer(units = 10, activation = Activation.SIGMOID, init = Init.HE)
  @Layer(units = 4, init = Init.XAVIER)
  interface SigmoidSvm {}

  @Network(inputs = 3, loss = Loss.SOFTMAX, precision = Precision.DOUBLE, maxBatch = 8,
      backend = Backend.VECTOR)
  @Layer(units = 12, activation = Activation.SIGMOID, init = Init.HE, batchNorm = true)
  @Layer(units = 10, activation = Activation.SIGMOID, init = Init.HE, batchNorm = true)
  @Layer(units = 4, init = Init.XAVIER)
  interface SigmoidBnSoftmax {}

  @Network(inputs = 3, loss = Loss.SVM, precision = Precision.DOUBLE, maxBatch = 8,
      backend = Backend.VECTOR)
  @Layer(units = 12, activation = Activation.SIGMOID, init = Init.HE, batchNorm = true)
  @Layer(units = 10, activation = Activation.SIGMOID, init = Init.HE, batchNorm = true)
  @Layer(units = 4, init = Init.XAVIER)
  interface SigmoidBnSvm {}

  @Network(inputs = 3, loss = Loss.SOFTMAX, precision = Precision.DOUBLE, maxBatch = 8,
      backend = Backend.VECTOR)
  @Layer(units = 12, activation = Activation.TANH, init = Init.GLOROT_UNIFORM)
  @Layer(units = 10, activation = Activation.TANH, init = Init.GLOROT_UNIFORM)
  @Layer(units = 4, init = Init.XAVIER)
  interface TanhSoftmax {}

  @Network(inputs = 3, loss = Loss.SVM, precision = Precision.DOUBLE, maxBatch = 8,
      backend = Backend.VECTOR)
  @Layer(units = 12, activation = Activation.TANH, init = Init.GLOROT_UNIFORM)
  @Layer(units = 10, activation = Activation.TANH, init = Init.GLOROT_UNIFORM)
  @Layer(units = 4, init = Init.XAVIER)
  interface TanhSvm {}

  @Network(inputs = 3, loss = Loss.SOFTMAX, precision = Precision.DOUBLE, maxBatch = 8,
      backend = Backend.VECTOR)
  @Layer(units = 12, activation = Activation.TANH, init = Init.GLOROT_UNIFORM, batchNorm = true)
  @Layer(units = 10, activation = Activation.TANH, init = Init.GLOROT_UNIFORM, batchNorm = true)
  @Layer(units = 4, init = Init.XAVIER)
  interface TanhBnSoftmax {}

  @Network(inputs = 3, loss = Loss.SVM, precision = Precision.DOUBLE, maxBatch = 8,
      backend = Backend.VECTOR)
  @Layer(units = 12, activation = Activation.TANH, init = Init.GLOROT_UNIFORM, batchNorm = true)
  @Layer(units = 10, activation = Activation.TANH, init = Init.GLOROT_UNIFORM, batchNorm = true)
  @Layer(units = 4, init = Init.XAVIER)
  interface TanhBnSvm {}

  @Network(inputs = 3, loss = Loss.SOFTMAX, precision = Precision.DOUBLE, maxBatch = 8,
      backend = Backend.VECTOR)
  @Layer(units = 12, activation = Activation.RELU, init = Init.SMALL_RANDOM)
  @Layer(units = 10, activation = Activation.RELU, init = Init.SMALL_RANDOM)
  @Layer(units = 4, init = Init.XAVIER)
  interface ReluSoftmax {}

  @Network(inputs = 3, loss = Loss.SVM, precision = Precision.DOUBLE, maxBatch = 8,
      backend = Backend.VECTOR)
  @Layer(units = 12, activation = Activation.RELU, init = Init.SMALL_RANDOM)
  @Layer(units = 10, activation = Activation.RELU, init = Init.SMALL_RANDOM)
  @Layer(units = 4, init = Init.XAVIER)
  interface ReluSvm {}

  @Network(inputs = 3, loss = Loss.SOFTMAX, precision = Precision.DOUBLE, maxBatch = 8,
      backend = Backend.VECTOR)
  @Layer(units = 12, activation = Activation.RELU, init = Init.SMALL_RANDOM, batchNorm = true)
  @Layer(units = 10, activation = Activation.RELU, init = Init.SMALL_RANDOM, batchNorm = true)
  @Layer(units = 4, init = Init.XAVIER)
  interface ReluBnSoftmax {}

  @Network(inputs = 3, loss = Loss.SVM, precision = Precision.DOUBLE, maxBatch = 8,
      backend = Backend.VECTOR)
  @Layer(units = 12, activation = Activation.RELU, init = Init.SMALL_RANDOM, batchNorm = true)
  @Layer(units = 10, activation = Activation.RELU, init = Init.SMALL_RANDOM, batchNorm = true)
  @Layer(units = 4, init = Init.XAVIER)
  interface ReluBnSvm {}

  @Network(inputs = 3, loss = Loss.SOFTMAX, precision = Precision.DOUBLE, maxBatch = 8,
      backend = Backend.VECTOR)
  @Layer(units = 12, activation = Activation.LEAKY_RELU, init = Init.NORMAL, scale = 0.5, slope = 0.1)
  @Layer(units = 10, activation = Activation.LEAKY_RELU, init = Init.NORMAL, scale = 0.5, slope = 0.2)
  @Layer(units = 4, init = Init.XAVIER)
  interface LeakyReluSoftmax {}

  @Network(inputs = 3, loss = Loss.SVM, precision = Precision.DOUBLE, maxBatch = 8,
      backend = Backend.VECTOR)
  @Layer(units = 12, activation = Activation.LEAKY_RELU, init = Init.NORMAL, scale = 0.5, slope = 0.1)
  @Layer(units = 10, activation = Activation.LEAKY_RELU, init = Init.NORMAL, scale = 0.5, slope = 0.2)
  @Layer(units = 4, init = Init.XAVIER)
  interface LeakyReluSvm {}

  @Network(inputs = 3, loss = Loss.SOFTMAX, precision = Precision.DOUBLE, maxBatch = 8,
      backend = Backend.VECTOR)
  @Layer(units = 12, activation = Activation.LEAKY_RELU, init = Init.NORMAL, scale = 0.5, batchNorm = true, slope = 0.1)
  @Layer(units = 10, activation = Activation.LEAKY_RELU, init = Init.NORMAL, scale = 0.5, batchNorm = true, slope = 0.2)
  @Layer(units = 4, init = Init.XAVIER)
  interface LeakyReluBnSoftmax {}

  @Network(inputs = 3, loss = Loss.SVM, precision = Precision.DOUBLE, maxBatch = 8,
      backend = Backend.VECTOR)
  @Layer(units = 12, activation = Activation.LEAKY_RELU, init = Init.NORMAL, scale = 0.5, batchNorm = true, slope = 0.1)
  @Layer(units = 10, activation = Activation.LEAKY_RELU, init = Init.NORMAL, scale = 0.5, batchNorm = true, slope = 0.2)
  @Layer(units = 4, init = Init.XAVIER)
  interface LeakyReluBnSvm {}

  @Network(inputs = 3, loss = Loss.SOFTMAX, precision = Precision.DOUBLE, maxBatch = 8,
      backend = Backend.VECTOR)
  @Layer(units = 12, activation = Activation.PRELU, init = Init.XAVIER)
  @Layer(units = 10, activation = Activation.PRELU, init = Init.XAVIER, alpha = 0.1)
  @Layer(units = 4, init = Init.XAVIER)
  interface PreluSoftmax {}

  @Network(inputs = 3, loss = Loss.SVM, precision = Precision.DOUBLE, maxBatch = 8,
      backend = Backend.VECTOR)
  @Layer(units = 12, activation = Activation.PRELU, init = Init.XAVIER)
  @Layer(units = 10, activation = Activation.PRELU, init = Init.XAVIER, alpha = 0.1)
  @Layer(units = 4, init = Init.XAVIER)
  interface PreluSvm {}

  @Network(inputs = 3, loss = Loss.SOFTMAX, precision = Precision.DOUBLE, maxBatch = 8,
      backend = Backend.VECTOR)
  @Layer(units = 12, activation = Activation.PRELU, init = Init.XAVIER, batchNorm = true)
  @Layer(units = 10, activation = Activation.PRELU, init = Init.XAVIER, batchNorm = true, alpha = 0.1)
  @Layer(units = 4, init = Init.XAVIER)
  interface PreluBnSoftmax {}

  @Network(inputs = 3, loss = Loss.SVM, precision = Precision.DOUBLE, maxBatch = 8,
      backend = Backend.VECTOR)
  @Layer(units = 12, activation = Activation.PRELU, init = Init.XAVIER, batchNorm = true)
  @Layer(units = 10, activation = Activation.PRELU, init = Init.XAVIER, batchNorm = true, alpha = 0.1)
  @Layer(units = 4, init = Init.XAVIER)
  interface PreluBnSvm {}

  @Network(inputs = 3, loss = Loss.SOFTMAX, precision = Precision.DOUBLE, maxBatch = 8,
      backend = Backend.VECTOR)
  @Layer(units = 12, activation = Activation.ELU, init = Init.HE, alpha = 0.7)
  @Layer(units = 10, activation = Activation.ELU, init = Init.HE)
  @Layer(units = 4, init = Init.XAVIER)
  interface EluSoftmax {}

  @Network(inputs = 3, loss = Loss.SVM, precision = Precision.DOUBLE, maxBatch = 8,
      backend = Backend.VECTOR)
  @Layer(units = 12, activation = Activation.ELU, init = Init.HE, alpha = 0.7)
  @Layer(units = 10, activation = Activation.ELU, init = Init.HE)
  @Layer(units = 4, init = Init.XAVIER)
  interface EluSvm {}

  @Network(inputs = 3, loss = Loss.SOFTMAX, precision = Precision.DOUBLE, maxBatch = 8,
      backend = Backend.VECTOR)
  @Layer(units = 12, activation = Activation.ELU, init = Init.HE, batchNorm = true, alpha = 0.7)
  @Layer(units = 10, activation = Activation.ELU, init = Init.HE, batchNorm = true)
  @Layer(units = 4, init = Init.XAVIER)
  interface EluBnSoftmax {}

  @Network(inputs = 3, loss = Loss.SVM, precision = Precision.DOUBLE, maxBatch = 8,
      backend = Backend.VECTOR)
  @Layer(units = 12, activation = Activation.ELU, init = Init.HE, batchNorm = true, alpha = 0.7)
  @Layer(units = 10, activation = Activation.ELU, init = Init.HE, batchNorm = true)
  @Layer(units = 4, init = Init.XAVIER)
  interface EluBnSvm {}

  @Network(inputs = 3, loss = Loss.SOFTMAX, precision = Precision.DOUBLE, maxBatch = 8,
      backend = Backend.VECTOR)
  @Layer(units = 12, activation = Activation.MAXOUT, init = Init.GLOROT_UNIFORM, pieces = 3)
  @Layer(units = 10, activation = Activation.MAXOUT, init = Init.GLOROT_UNIFORM)
  @Layer(units = 4, init = Init.XAVIER)
  interface MaxoutSoftmax {}

  @Network(inputs = 3, loss = Loss.SVM, precision = Precision.DOUBLE, maxBatch = 8,
      backend = Backend.VECTOR)
  @Layer(units = 12, activation = Activation.MAXOUT, init = Init.GLOROT_UNIFORM, pieces = 3)
  @Layer(units = 10, activation = Activation.MAXOUT, init = Init.GLOROT_UNIFORM)
  @Layer(units = 4, init = Init.XAVIER)
  interface MaxoutSvm {}

  @Network(inputs = 3, loss = Loss.SOFTMAX, precision = Precision.DOUBLE, maxBatch = 8,
      backend = Backend.VECTOR)
  @Layer(units = 12, activation = Activation.MAXOUT, init = Init.GLOROT_UNIFORM, batchNorm = true, pieces = 3)
  @Layer(units = 10, activation = Activation.MAXOUT, init = Init.GLOROT_UNIFORM, batchNorm = true)
  @Layer(units = 4, init = Init.XAVIER)
  interface MaxoutBnSoftmax {}

  @Network(inputs = 3, loss = Loss.SVM, precision = Precision.DOUBLE, maxBatch = 8,
      backend = Backend.VECTOR)
  @Layer(units = 12, activation = Activation.MAXOUT, init = Init.GLOROT_UNIFORM, batchNorm = true, pieces = 3)
  @Layer(units = 10, activation = Activation.MAXOUT, init = Init.GLOROT_UNIFORM, batchNorm = true)
  @Layer(units = 4, init = Init.XAVIER)
  interface MaxoutBnSvm {}
}
