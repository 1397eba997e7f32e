package dev.unroll.tests;

import dev.unroll.spec.Activation;
import dev.unroll.spec.Backend;
import dev.unroll.spec.Init;
import dev.unroll.spec.Layer;
import dev.unroll.spec.Loss;
import dev.unroll.spec.Network;
import dev.unroll.spec.Precision;

/** Specs for the precision, seed, initial-loss, init and bytecode-size tests. */
final class OtherSpecs {
  private OtherSpecs() {}

  /** One architecture in float ... */
  @Network(inputs = 6, maxBatch = 16)
  @Layer(units = 20, activation = Activation.TANH, batchNorm = true)
  @Layer(units = 12, activation = Activation.ELU, init = Init.HE)
  @Layer(units = 5)
  interface MixedFloat {}

  /** ... and the same in double. */
  @Network(inputs = 6, maxBatch = 16, precision = Precision.DOUBLE)
  @Layer(units = 20, activation = Activation.TANH, batchNorm = true)
  @Layer(units = 12, activation = Activation.ELU, init = Init.HE)
  @Layer(units = 5)
  interface MixedDouble {}

  /** CIFAR-sized input, 10 classes, the lecture's small init: softmax must start at ln(10). */
  @Network(inputs = 3072, maxBatch = 64)
  @Layer(units = 50, activation = Activation.RELU, init = Init.SMALL_RANDOM)
  @Layer(units = 10, init = Init.SMALL_RANDOM)
  interface SmallInitSoftmax {}

  /** The same with the SVM loss: it must start at C - 1 = 9. */
  @Network(inputs = 3072, maxBatch = 64, loss = Loss.SVM)
  @Layer(units = 50, activation = Activation.RELU, init = Init.SMALL_RANDOM)
  @Layer(units = 10, init = Init.SMALL_RANDOM)
  interface SmallInitSvm {}

  /** One layer per init, wide enough to measure the weights' spread. */
  @Network(inputs = 400, maxBatch = 4)
  @Layer(units = 300, init = Init.ZERO)
  @Layer(units = 300, init = Init.SMALL_RANDOM)
  @Layer(units = 300, init = Init.NORMAL, scale = 0.5)
  @Layer(units = 300, init = Init.XAVIER)
  @Layer(units = 300, init = Init.GLOROT_UNIFORM)
  @Layer(units = 200, init = Init.HE, activation = Activation.PRELU, alpha = 0.3)
  @Layer(units = 10, batchNorm = true)
  interface Inits {}

  /** WORKLOADS.md W2: the MNIST-sized MLP with batch norm. */
  @Network(inputs = 784, maxBatch = 128)
  @Layer(units = 256, activation = Activation.ELU, batchNorm = true)
  @Layer(units = 128, activation = Activation.RELU, batchNorm = true)
  @Layer(units = 10)
  interface Mnist {}

  /** WORKLOADS.md W4: the wide network. */
  @Network(inputs = 1024, maxBatch = 256)
  @Layer(units = 1024, activation = Activation.RELU, init = Init.HE)
  @Layer(units = 1024, activation = Activation.RELU, init = Init.HE)
  @Layer(units = 10)
  interface Wide {}

  /** Large maxout and PReLU layers, for the bytecode-size test. */
  @Network(inputs = 1024, maxBatch = 256, loss = Loss.SVM)
  @Layer(units = 512, activation = Activation.MAXOUT, pieces = 4, batchNorm = true)
  @Layer(units = 1024, activation = Activation.PRELU)
  @Layer(units = 10)
  interface WideMaxout {}

  /** Layers large enough to be split across threads (256 x 256 >= the planner's threshold). */
  @Network(inputs = 256, maxBatch = 12, precision = Precision.DOUBLE)
  @Layer(units = 256, activation = Activation.RELU, init = Init.HE)
  @Layer(units = 300, activation = Activation.TANH, batchNorm = true)
  @Layer(units = 5)
  interface ParallelDouble {}

  /** The same in float, for bit-identity across thread counts. */
  @Network(inputs = 256, maxBatch = 12)
  @Layer(units = 256, activation = Activation.RELU, init = Init.HE)
  @Layer(units = 300, activation = Activation.TANH, batchNorm = true)
  @Layer(units = 5)
  interface ParallelFloat {}

  /** W2 on the Vector API backend. */
  @Network(inputs = 784, maxBatch = 128, backend = Backend.VECTOR)
  @Layer(units = 256, activation = Activation.ELU, batchNorm = true)
  @Layer(units = 128, activation = Activation.RELU, batchNorm = true)
  @Layer(units = 10)
  interface MnistVector {}

  /** W4 on the Vector API backend. */
  @Network(inputs = 1024, maxBatch = 256, backend = Backend.VECTOR)
  @Layer(units = 1024, activation = Activation.RELU, init = Init.HE)
  @Layer(units = 1024, activation = Activation.RELU, init = Init.HE)
  @Layer(units = 10)
  interface WideVector {}

  /**
   * Every dimension small enough to be written out completely (fan-in <= 4 and <= 8 columns in
   * both layers): the kernel shape the 32 gradient specs do not reach. Smooth.
   */
  @Network(inputs = 3, maxBatch = 8, precision = Precision.DOUBLE)
  @Layer(units = 4, activation = Activation.TANH)
  @Layer(units = 4)
  interface TinyTanhSoftmax {}

  /** The same shape with kinks, batch norm and the SVM loss. */
  @Network(inputs = 3, maxBatch = 8, precision = Precision.DOUBLE, loss = Loss.SVM)
  @Layer(units = 4, activation = Activation.LEAKY_RELU, slope = 0.1, batchNorm = true)
  @Layer(units = 4)
  interface TinyLeakyReluBnSvm {}

  /** {@link ParallelDouble} on the Vector API backend: split products through the kernels. */
  @Network(inputs = 256, maxBatch = 12, precision = Precision.DOUBLE, backend = Backend.VECTOR)
  @Layer(units = 256, activation = Activation.RELU, init = Init.HE)
  @Layer(units = 300, activation = Activation.TANH, batchNorm = true)
  @Layer(units = 5)
  interface ParallelVectorDouble {}

  /**
   * A spiral-shaped net (fan-in <= 4 into many ReLU units, then a few-class head): the first layer
   * is direct (h from the product, one backward pass), the head's product runs transposed.
   */
  @Network(inputs = 3, maxBatch = 40, precision = Precision.DOUBLE)
  @Layer(units = 12, activation = Activation.RELU)
  @Layer(units = 4)
  interface HeadReluSoftmax {}

  /** The same shape with an identity hidden layer and the SVM loss. */
  @Network(inputs = 3, maxBatch = 40, precision = Precision.DOUBLE, loss = Loss.SVM)
  @Layer(units = 12)
  @Layer(units = 4)
  interface HeadIdentitySvm {}

  /**
   * A direct layer that is not the first (its dz feeds an input gradient) between a few-column
   * layer and a transposed head.
   */
  @Network(inputs = 6, maxBatch = 40, precision = Precision.DOUBLE)
  @Layer(units = 4, activation = Activation.TANH)
  @Layer(units = 12, activation = Activation.RELU)
  @Layer(units = 3)
  interface DeepHeadRelu {}

  /** {@link HeadReluSoftmax} on the Vector API backend: softmax over the transposed scores. */
  @Network(inputs = 3, maxBatch = 40, precision = Precision.DOUBLE, backend = Backend.VECTOR)
  @Layer(units = 12, activation = Activation.RELU)
  @Layer(units = 4)
  interface VectorHeadReluSoftmax {}

  /** A smooth net on that path, so the check can be strict (identity hidden layer). */
  @Network(inputs = 3, maxBatch = 40, precision = Precision.DOUBLE, backend = Backend.VECTOR)
  @Layer(units = 12)
  @Layer(units = 4)
  interface VectorHeadIdentitySoftmax {}

  /** {@link DeepHeadRelu} on the Vector API backend. */
  @Network(inputs = 6, maxBatch = 40, precision = Precision.DOUBLE, backend = Backend.VECTOR)
  @Layer(units = 4, activation = Activation.TANH)
  @Layer(units = 12, activation = Activation.RELU)
  @Layer(units = 3)
  interface VectorDeepHeadRelu {}

  /**
   * The widest columnar shape: 4 inputs, an odd number of units (the forward's pairs leave one)
   * and 8 classes. Columnar on the vector backend; {@link ColumnarWidePlain} is its row twin.
   */
  @Network(inputs = 4, maxBatch = 40, precision = Precision.DOUBLE, backend = Backend.VECTOR)
  @Layer(units = 13, activation = Activation.RELU)
  @Layer(units = 8)
  interface VectorColumnarWide {}

  /** {@link VectorColumnarWide} on the plain backend. */
  @Network(inputs = 4, maxBatch = 40, precision = Precision.DOUBLE)
  @Layer(units = 13, activation = Activation.RELU)
  @Layer(units = 8)
  interface ColumnarWidePlain {}

  /** The narrowest columnar shape: 1 input, 9 units without activation, 2 classes. */
  @Network(inputs = 1, maxBatch = 40, precision = Precision.DOUBLE, backend = Backend.VECTOR)
  @Layer(units = 9)
  @Layer(units = 2)
  interface VectorColumnarNarrow {}

  /** {@link VectorColumnarNarrow} on the plain backend. */
  @Network(inputs = 1, maxBatch = 40, precision = Precision.DOUBLE)
  @Layer(units = 9)
  @Layer(units = 2)
  interface ColumnarNarrowPlain {}

  /** {@link VectorHeadReluSoftmax} in float, to compare with the double one. */
  @Network(inputs = 3, maxBatch = 40, backend = Backend.VECTOR)
  @Layer(units = 12, activation = Activation.RELU)
  @Layer(units = 4)
  interface VectorHeadReluFloat {}

  /**
   * Odd widths (7 inputs, 9 and 11 units): the plain product's four-row passes leave a pair and
   * a single row, and the input gradient's too. Smooth.
   */
  @Network(inputs = 7, maxBatch = 8, precision = Precision.DOUBLE)
  @Layer(units = 9, activation = Activation.TANH)
  @Layer(units = 11, activation = Activation.TANH)
  @Layer(units = 4)
  interface OddWidthsTanhSoftmax {}
}
