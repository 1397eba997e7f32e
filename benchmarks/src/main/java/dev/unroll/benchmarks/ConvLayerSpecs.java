package dev.unroll.benchmarks;

import dev.unroll.spec.Activation;
import dev.unroll.spec.Init;
import dev.unroll.spec.Layer;
import dev.unroll.spec.LayerKind;
import dev.unroll.spec.Loss;
import dev.unroll.spec.Network;

/**
 * One conv layer (batch norm, ReLU) of each shape {@link ConvLayerBench} compares, before a
 * 10-class head, float32, batch 64. A layer that has an input gradient in its workload gets a 1x1
 * conv of as many filters as channels before it, so that it computes one here too (the 1x1
 * layer's cost, C x C per pixel, is under 1/9 of the measured layer's for 3x3 kernels).
 */
public final class ConvLayerSpecs {
  private ConvLayerSpecs() {}

  /** W5's first conv (no input gradient): 1x28x28 -> 16 filters 3x3, stride 1, pad 1. */
  @Network(inputs = 784, shape = {1, 28, 28}, loss = Loss.SOFTMAX, maxBatch = 64)
  @Layer(kind = LayerKind.CONV, filters = 16, size = 3, stride = 1, pad = 1,
      batchNorm = true, activation = Activation.RELU, init = Init.HE)
  @Layer(units = 10)
  public interface W5c1 {}

  /** W5's second conv: 16x14x14 -> 32 filters 3x3, stride 1, pad 1. */
  @Network(inputs = 3136, shape = {16, 14, 14}, loss = Loss.SOFTMAX, maxBatch = 64)
  @Layer(kind = LayerKind.CONV, filters = 16, size = 1, activation = Activation.IDENTITY)
  @Layer(kind = LayerKind.CONV, filters = 32, size = 3, stride = 1, pad = 1,
      batchNorm = true, activation = Activation.RELU, init = Init.HE)
  @Layer(units = 10)
  public interface W5c2 {}

  /** W6's first conv (no input gradient): 3x32x32 -> 32 filters 3x3, stride 1, pad 1. */
  @Network(inputs = 3072, shape = {3, 32, 32}, loss = Loss.SOFTMAX, maxBatch = 64)
  @Layer(kind = LayerKind.CONV, filters = 32, size = 3, stride = 1, pad = 1,
      batchNorm = true, activation = Activation.RELU, init = Init.HE)
  @Layer(units = 10)
  public interface W6c1 {}

  /** W6's second conv: 32x32x32 -> 32 filters 3x3, stride 1, pad 1. */
  @Network(inputs = 32768, shape = {32, 32, 32}, loss = Loss.SOFTMAX, maxBatch = 64)
  @Layer(kind = LayerKind.CONV, filters = 32, size = 1, activation = Activation.IDENTITY)
  @Layer(kind = LayerKind.CONV, filters = 32, size = 3, stride = 1, pad = 1,
      batchNorm = true, activation = Activation.RELU, init = Init.HE)
  @Layer(units = 10)
  public interface W6c2 {}

  /** W6's third conv: 32x16x16 -> 64 filters 3x3, stride 1, pad 1. */
  @Network(inputs = 8192, shape = {32, 16, 16}, loss = Loss.SOFTMAX, maxBatch = 64)
  @Layer(kind = LayerKind.CONV, filters = 32, size = 1, activation = Activation.IDENTITY)
  @Layer(kind = LayerKind.CONV, filters = 64, size = 3, stride = 1, pad = 1,
      batchNorm = true, activation = Activation.RELU, init = Init.HE)
  @Layer(units = 10)
  public interface W6c3 {}

  /** W6's fourth conv: 64x16x16 -> 64 filters 3x3, stride 1, pad 1. */
  @Network(inputs = 16384, shape = {64, 16, 16}, loss = Loss.SOFTMAX, maxBatch = 64)
  @Layer(kind = LayerKind.CONV, filters = 64, size = 1, activation = Activation.IDENTITY)
  @Layer(kind = LayerKind.CONV, filters = 64, size = 3, stride = 1, pad = 1,
      batchNorm = true, activation = Activation.RELU, init = Init.HE)
  @Layer(units = 10)
  public interface W6c4 {}

  /** stride 2, pad 1: 16x29x29 -> 32 filters 3x3, stride 2, pad 1. */
  @Network(inputs = 13456, shape = {16, 29, 29}, loss = Loss.SOFTMAX, maxBatch = 64)
  @Layer(kind = LayerKind.CONV, filters = 16, size = 1, activation = Activation.IDENTITY)
  @Layer(kind = LayerKind.CONV, filters = 32, size = 3, stride = 2, pad = 1,
      batchNorm = true, activation = Activation.RELU, init = Init.HE)
  @Layer(units = 10)
  public interface S2 {}

  /** a 5x5 kernel, pad 2: 16x14x14 -> 32 filters 5x5, stride 1, pad 2. */
  @Network(inputs = 3136, shape = {16, 14, 14}, loss = Loss.SOFTMAX, maxBatch = 64)
  @Layer(kind = LayerKind.CONV, filters = 16, size = 1, activation = Activation.IDENTITY)
  @Layer(kind = LayerKind.CONV, filters = 32, size = 5, stride = 1, pad = 2,
      batchNorm = true, activation = Activation.RELU, init = Init.HE)
  @Layer(units = 10)
  public interface K5 {}

  /** a 1x1 kernel: 32x16x16 -> 64 filters 1x1, stride 1, pad 0. */
  @Network(inputs = 8192, shape = {32, 16, 16}, loss = Loss.SOFTMAX, maxBatch = 64)
  @Layer(kind = LayerKind.CONV, filters = 32, size = 1, activation = Activation.IDENTITY)
  @Layer(kind = LayerKind.CONV, filters = 64, size = 1, stride = 1, pad = 0,
      batchNorm = true, activation = Activation.RELU, init = Init.HE)
  @Layer(units = 10)
  public interface K1 {}
}
