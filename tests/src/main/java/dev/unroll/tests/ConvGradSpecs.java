package dev.unroll.tests;

import dev.unroll.spec.Activation;
import dev.unroll.spec.Backend;
import dev.unroll.spec.Init;
import dev.unroll.spec.Layer;
import dev.unroll.spec.LayerKind;
import dev.unroll.spec.Loss;
import dev.unroll.spec.Network;
import dev.unroll.spec.Precision;

/**
 * Conv networks in double precision for the gradient checks: every activation with and without
 * spatial batch norm (2x6x6 -> conv 3x3 pad 1 -> max pool -> dense), strides 1 and 2, pads 0, 1
 * and 2, kernels 1, 3 and 5 (each stride and kernel also behind another conv layer, so that its
 * input gradient is checked), average pooling, conv -> pool -> conv -> dense -> softmax and SVM,
 * a pool on the input, and the vector backend. Generated classes are {@code
 * ConvGradSpecs_<Name>Net}.
 */
final class ConvGradSpecs {
  private ConvGradSpecs() {}

  /** conv 3x3 pad 1 IDENTITY, max pool, dense. */
  @Network(inputs = 72, shape = {2, 6, 6}, loss = Loss.SOFTMAX,
      precision = Precision.DOUBLE, maxBatch = 8)
  @Layer(kind = LayerKind.CONV, filters = 3, size = 3, pad = 1, activation = Activation.IDENTITY)
  @Layer(kind = LayerKind.MAX_POOL, size = 2)
  @Layer(units = 3)
  interface ConvIdentity {}

  @Network(inputs = 72, shape = {2, 6, 6}, loss = Loss.SOFTMAX,
      precision = Precision.DOUBLE, maxBatch = 8)
  @Layer(kind = LayerKind.CONV, filters = 3, size = 3, pad = 1, activation = Activation.IDENTITY, batchNorm = true)
  @Layer(kind = LayerKind.MAX_POOL, size = 2)
  @Layer(units = 3)
  interface ConvIdentityBn {}

  @Network(inputs = 72, shape = {2, 6, 6}, loss = Loss.SOFTMAX,
      precision = Precision.DOUBLE, maxBatch = 8)
  @Layer(kind = LayerKind.CONV, filters = 3, size = 3, pad = 1, activation = Activation.SIGMOID)
  @Layer(kind = LayerKind.MAX_POOL, size = 2)
  @Layer(units = 3)
  interface ConvSigmoid {}

  @Network(inputs = 72, shape = {2, 6, 6}, loss = Loss.SOFTMAX,
      precision = Precision.DOUBLE, maxBatch = 8)
  @Layer(kind = LayerKind.CONV, filters = 3, size = 3, pad = 1, activation = Activation.SIGMOID, batchNorm = true)
  @Layer(kind = LayerKind.MAX_POOL, size = 2)
  @Layer(units = 3)
  interface ConvSigmoidBn {}

  @Network(inputs = 72, shape = {2, 6, 6}, loss = Loss.SOFTMAX,
      precision = Precision.DOUBLE, maxBatch = 8)
  @Layer(kind = LayerKind.CONV, filters = 3, size = 3, pad = 1, activation = Activation.TANH)
  @Layer(kind = LayerKind.MAX_POOL, size = 2)
  @Layer(units = 3)
  interface ConvTanh {}

  @Network(inputs = 72, shape = {2, 6, 6}, loss = Loss.SOFTMAX,
      precision = Precision.DOUBLE, maxBatch = 8)
  @Layer(kind = LayerKind.CONV, filters = 3, size = 3, pad = 1, activation = Activation.TANH, batchNorm = true)
  @Layer(kind = LayerKind.MAX_POOL, size = 2)
  @Layer(units = 3)
  interface ConvTanhBn {}

  @Network(inputs = 72, shape = {2, 6, 6}, loss = Loss.SOFTMAX,
      precision = Precision.DOUBLE, maxBatch = 8)
  @Layer(kind = LayerKind.CONV, filters = 3, size = 3, pad = 1, activation = Activation.RELU)
  @Layer(kind = LayerKind.MAX_POOL, size = 2)
  @Layer(units = 3)
  interface ConvRelu {}

  @Network(inputs = 72, shape = {2, 6, 6}, loss = Loss.SOFTMAX,
      precision = Precision.DOUBLE, maxBatch = 8)
  @Layer(kind = LayerKind.CONV, filters = 3, size = 3, pad = 1, activation = Activation.RELU, batchNorm = true)
  @Layer(kind = LayerKind.MAX_POOL, size = 2)
  @Layer(units = 3)
  interface ConvReluBn {}

  @Network(inputs = 72, shape = {2, 6, 6}, loss = Loss.SOFTMAX,
      precision = Precision.DOUBLE, maxBatch = 8)
  @Layer(kind = LayerKind.CONV, filters = 3, size = 3, pad = 1, activation = Activation.LEAKY_RELU, slope = 0.1)
  @Layer(kind = LayerKind.MAX_POOL, size = 2)
  @Layer(units = 3)
  interface ConvLeakyRelu {}

  @Network(inputs = 72, shape = {2, 6, 6}, loss = Loss.SOFTMAX,
      precision = Precision.DOUBLE, maxBatch = 8)
  @Layer(kind = LayerKind.CONV, filters = 3, size = 3, pad = 1, activation = Activation.LEAKY_RELU, slope = 0.1, batchNorm = true)
  @Layer(kind = LayerKind.MAX_POOL, size = 2)
  @Layer(units = 3)
  interface ConvLeakyReluBn {}

  @Network(inputs = 72, shape = {2, 6, 6}, loss = Loss.SOFTMAX,
      precision = Precision.DOUBLE, maxBatch = 8)
  @Layer(kind = LayerKind.CONV, filters = 3, size = 3, pad = 1, activation = Activation.PRELU, alpha = 0.2)
  @Layer(kind = LayerKind.MAX_POOL, size = 2)
  @Layer(units = 3)
  interface ConvPrelu {}

  @Network(inputs = 72, shape = {2, 6, 6}, loss = Loss.SOFTMAX,
      precision = Precision.DOUBLE, maxBatch = 8)
  @Layer(kind = LayerKind.CONV, filters = 3, size = 3, pad = 1, activation = Activation.PRELU, alpha = 0.2, batchNorm = true)
  @Layer(kind = LayerKind.MAX_POOL, size = 2)
  @Layer(units = 3)
  interface ConvPreluBn {}

  @Network(inputs = 72, shape = {2, 6, 6}, loss = Loss.SOFTMAX,
      precision = Precision.DOUBLE, maxBatch = 8)
  @Layer(kind = LayerKind.CONV, filters = 3, size = 3, pad = 1, activation = Activation.ELU, alpha = 0.7)
  @Layer(kind = LayerKind.MAX_POOL, size = 2)
  @Layer(units = 3)
  interface ConvElu {}

  @Network(inputs = 72, shape = {2, 6, 6}, loss = Loss.SOFTMAX,
      precision = Precision.DOUBLE, maxBatch = 8)
  @Layer(kind = LayerKind.CONV, filters = 3, size = 3, pad = 1, activation = Activation.ELU, alpha = 0.7, batchNorm = true)
  @Layer(kind = LayerKind.MAX_POOL, size = 2)
  @Layer(units = 3)
  interface ConvEluBn {}

  @Network(inputs = 72, shape = {2, 6, 6}, loss = Loss.SOFTMAX,
      precision = Precision.DOUBLE, maxBatch = 8)
  @Layer(kind = LayerKind.CONV, filters = 3, size = 3, pad = 1, activation = Activation.MAXOUT, pieces = 2)
  @Layer(kind = LayerKind.MAX_POOL, size = 2)
  @Layer(units = 3)
  interface ConvMaxout {}

  @Network(inputs = 72, shape = {2, 6, 6}, loss = Loss.SOFTMAX,
      precision = Precision.DOUBLE, maxBatch = 8)
  @Layer(kind = LayerKind.CONV, filters = 3, size = 3, pad = 1, activation = Activation.MAXOUT, pieces = 2, batchNorm = true)
  @Layer(kind = LayerKind.MAX_POOL, size = 2)
  @Layer(units = 3)
  interface ConvMaxoutBn {}

  /** stride 2, pad 0: 7x7 -> 3x3. */
  @Network(inputs = 49, shape = {1, 7, 7}, loss = Loss.SOFTMAX,
      precision = Precision.DOUBLE, maxBatch = 8)
  @Layer(kind = LayerKind.CONV, filters = 2, size = 3, stride = 2, activation = Activation.TANH)
  @Layer(units = 3)
  interface Stride2Pad0 {}

  /** a 1x1 kernel. */
  @Network(inputs = 48, shape = {3, 4, 4}, loss = Loss.SOFTMAX,
      precision = Precision.DOUBLE, maxBatch = 8)
  @Layer(kind = LayerKind.CONV, filters = 2, size = 1, activation = Activation.TANH, init = Init.HE)
  @Layer(units = 3)
  interface Kernel1 {}

  /** a 5x5 kernel, pad 2, a non-square input. */
  @Network(inputs = 30, shape = {1, 6, 5}, loss = Loss.SOFTMAX,
      precision = Precision.DOUBLE, maxBatch = 8)
  @Layer(kind = LayerKind.CONV, filters = 2, size = 5, pad = 2, activation = Activation.TANH)
  @Layer(units = 3)
  interface Kernel5Pad2 {}

  /** stride 2, pad 1, batch norm. */
  @Network(inputs = 50, shape = {2, 5, 5}, loss = Loss.SOFTMAX,
      precision = Precision.DOUBLE, maxBatch = 8)
  @Layer(kind = LayerKind.CONV, filters = 3, size = 3, stride = 2, pad = 1, batchNorm = true, activation = Activation.TANH)
  @Layer(units = 3)
  interface Stride2Pad1Bn {}

  /** average pooling between two conv layers (the second without pad: 3x3 -> 1x1). */
  @Network(inputs = 36, shape = {1, 6, 6}, loss = Loss.SOFTMAX,
      precision = Precision.DOUBLE, maxBatch = 8)
  @Layer(kind = LayerKind.CONV, filters = 2, size = 3, pad = 1, activation = Activation.TANH)
  @Layer(kind = LayerKind.AVG_POOL, size = 2)
  @Layer(kind = LayerKind.CONV, filters = 2, size = 3)
  @Layer(units = 3)
  interface AvgPool {}

  /** conv -> pool -> conv -> dense -> softmax. */
  @Network(inputs = 128, shape = {2, 8, 8}, loss = Loss.SOFTMAX,
      precision = Precision.DOUBLE, maxBatch = 8)
  @Layer(kind = LayerKind.CONV, filters = 4, size = 3, pad = 1, activation = Activation.RELU, batchNorm = true)
  @Layer(kind = LayerKind.MAX_POOL, size = 2)
  @Layer(kind = LayerKind.CONV, filters = 3, size = 3, pad = 1, activation = Activation.RELU)
  @Layer(units = 5, activation = Activation.TANH)
  @Layer(units = 4)
  interface ConvPoolConvDenseSoftmax {}

  /** conv -> pool -> conv -> dense -> svm. */
  @Network(inputs = 128, shape = {2, 8, 8}, loss = Loss.SVM,
      precision = Precision.DOUBLE, maxBatch = 8)
  @Layer(kind = LayerKind.CONV, filters = 4, size = 3, pad = 1, activation = Activation.RELU, batchNorm = true)
  @Layer(kind = LayerKind.MAX_POOL, size = 2)
  @Layer(kind = LayerKind.CONV, filters = 3, size = 3, pad = 1, activation = Activation.RELU)
  @Layer(units = 5, activation = Activation.TANH)
  @Layer(units = 4)
  interface ConvPoolConvDenseSvm {}

  /** a pool straight on the input, then conv (no input gradient anywhere). */
  @Network(inputs = 16, shape = {1, 4, 4}, loss = Loss.SOFTMAX,
      precision = Precision.DOUBLE, maxBatch = 8)
  @Layer(kind = LayerKind.MAX_POOL, size = 2)
  @Layer(kind = LayerKind.CONV, filters = 2, size = 2, activation = Activation.TANH)
  @Layer(units = 3)
  interface PoolFirst {}

  /** the vector backend: the dense layers after the image layers call the Vector API kernels. */
  @Network(inputs = 72, shape = {2, 6, 6}, loss = Loss.SOFTMAX,
      precision = Precision.DOUBLE, maxBatch = 8,
    backend = Backend.VECTOR)
  @Layer(kind = LayerKind.CONV, filters = 4, size = 3, pad = 1, activation = Activation.RELU, batchNorm = true)
  @Layer(kind = LayerKind.MAX_POOL, size = 2)
  @Layer(units = 12, activation = Activation.TANH)
  @Layer(units = 10)
  interface VectorConvNet {}

  /**
   * the vector backend's conv kernels with an input gradient: 5 and 3 filters (a group of 4 rows
   * and one left over; fewer than 4 rows), no batch norm (the bias gradient), 100 positions (a
   * 64-column strip and a tail), stride 2 with pad 0.
   */
  @Network(inputs = 200, shape = {2, 10, 10}, loss = Loss.SOFTMAX,
      precision = Precision.DOUBLE, maxBatch = 8, backend = Backend.VECTOR)
  @Layer(kind = LayerKind.CONV, filters = 5, size = 3, pad = 1, activation = Activation.TANH)
  @Layer(kind = LayerKind.CONV, filters = 3, size = 2, stride = 2, activation = Activation.ELU)
  @Layer(units = 4)
  interface VectorConvConv {}

  /** the vector backend's conv kernels behind a pool, with batch norm, and an SVM head. */
  @Network(inputs = 100, shape = {1, 10, 10}, loss = Loss.SVM,
      precision = Precision.DOUBLE, maxBatch = 8, backend = Backend.VECTOR)
  @Layer(kind = LayerKind.CONV, filters = 4, size = 3, pad = 1, activation = Activation.RELU,
      batchNorm = true)
  @Layer(kind = LayerKind.MAX_POOL, size = 2)
  @Layer(kind = LayerKind.CONV, filters = 8, size = 3, pad = 1, activation = Activation.RELU,
      batchNorm = true)
  @Layer(units = 3)
  interface VectorConvPoolConv {}

  /** stride 2 behind a conv layer, so its input gradient (each tap scattered) is checked. */
  @Network(inputs = 98, shape = {2, 7, 7}, loss = Loss.SOFTMAX,
      precision = Precision.DOUBLE, maxBatch = 8)
  @Layer(kind = LayerKind.CONV, filters = 2, size = 3, pad = 1, activation = Activation.TANH)
  @Layer(kind = LayerKind.CONV, filters = 3, size = 3, stride = 2, activation = Activation.TANH)
  @Layer(units = 3)
  interface Stride2Behind {}

  /** a 5x5 kernel with stride 2 and pad 1 behind a 1x1 conv (input gradients of both). */
  @Network(inputs = 81, shape = {1, 9, 9}, loss = Loss.SOFTMAX,
      precision = Precision.DOUBLE, maxBatch = 8)
  @Layer(kind = LayerKind.CONV, filters = 2, size = 1, activation = Activation.TANH)
  @Layer(kind = LayerKind.CONV, filters = 2, size = 5, stride = 2, pad = 1, batchNorm = true, activation = Activation.TANH)
  @Layer(units = 3)
  interface Kernel5Stride2 {}

  /** a 5x5 kernel without pad, stride 1, behind a conv (the flipped kernel's full padding). */
  @Network(inputs = 64, shape = {1, 8, 8}, loss = Loss.SOFTMAX,
      precision = Precision.DOUBLE, maxBatch = 8)
  @Layer(kind = LayerKind.CONV, filters = 2, size = 3, pad = 1, activation = Activation.TANH)
  @Layer(kind = LayerKind.CONV, filters = 2, size = 5, activation = Activation.TANH)
  @Layer(units = 3)
  interface Kernel5Pad0 {}

  /** a 1x1 conv with pad 1 behind a conv: the border is all padding (output = bias). */
  @Network(inputs = 32, shape = {2, 4, 4}, loss = Loss.SOFTMAX,
      precision = Precision.DOUBLE, maxBatch = 8)
  @Layer(kind = LayerKind.CONV, filters = 2, size = 3, pad = 1, activation = Activation.TANH)
  @Layer(kind = LayerKind.CONV, filters = 3, size = 1, pad = 1, activation = Activation.TANH)
  @Layer(units = 3)
  interface Kernel1Pad1 {}

  /** a 1x1 conv before a max pool, so the pool's input gradient is visible (for ties). */
  @Network(inputs = 16, shape = {1, 4, 4}, loss = Loss.SOFTMAX,
      precision = Precision.DOUBLE, maxBatch = 8)
  @Layer(kind = LayerKind.CONV, filters = 1, size = 1)
  @Layer(kind = LayerKind.MAX_POOL, size = 2)
  @Layer(units = 2)
  interface Ties {}
}
