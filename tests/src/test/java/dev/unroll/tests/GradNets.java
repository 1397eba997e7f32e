package dev.unroll.tests;

import dev.unroll.runtime.Model;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The generated gradient-check networks, by spec name, for parametrized tests. */
final class GradNets {
  private GradNets() {}

  /** The 32 plain-backend networks. */
  static Stream<Arguments> plain() {
    return Stream.of(
        Arguments.of("IdentitySoftmax", (LongFunction<Model>) GradSpecs_IdentitySoftmaxNet::new),
        Arguments.of("IdentitySvm", (LongFunction<Model>) GradSpecs_IdentitySvmNet::new),
        Arguments.of("IdentityBnSoftmax", (LongFunction<Model>) GradSpecs_IdentityBnSoftmaxNet::new),
        Arguments.of("IdentityBnSvm", (LongFunction<Model>) GradSpecs_IdentityBnSvmNet::new),
        Arguments.of("SigmoidSoftmax", (LongFunction<Model>) GradSpecs_SigmoidSoftmaxNet::new),
        Arguments.of("SigmoidSvm", (LongFunction<Model>) GradSpecs_SigmoidSvmNet::new),
        Arguments.of("SigmoidBnSoftmax", (LongFunction<Model>) GradSpecs_SigmoidBnSoftmaxNet::new),
        Arguments.of("SigmoidBnSvm", (LongFunction<Model>) GradSpecs_SigmoidBnSvmNet::new),
        Arguments.of("TanhSoftmax", (LongFunction<Model>) GradSpecs_TanhSoftmaxNet::new),
        Arguments.of("TanhSvm", (LongFunction<Model>) GradSpecs_TanhSvmNet::new),
        Arguments.of("TanhBnSoftmax", (LongFunction<Model>) GradSpecs_TanhBnSoftmaxNet::new),
        Arguments.of("TanhBnSvm", (LongFunction<Model>) GradSpecs_TanhBnSvmNet::new),
        Arguments.of("ReluSoftmax", (LongFunction<Model>) GradSpecs_ReluSoftmaxNet::new),
        Arguments.of("ReluSvm", (LongFunction<Model>) GradSpecs_ReluSvmNet::new),
        Arguments.of("ReluBnSoftmax", (LongFunction<Model>) GradSpecs_ReluBnSoftmaxNet::new),
        Arguments.of("ReluBnSvm", (LongFunction<Model>) GradSpecs_ReluBnSvmNet::new),
        Arguments.of("LeakyReluSoftmax", (LongFunction<Model>) GradSpecs_LeakyReluSoftmaxNet::new),
        Arguments.of("LeakyReluSvm", (LongFunction<Model>) GradSpecs_LeakyReluSvmNet::new),
        Arguments.of("LeakyReluBnSoftmax", (LongFunction<Model>) GradSpecs_LeakyReluBnSoftmaxNet::new),
        Arguments.of("LeakyReluBnSvm", (LongFunction<Model>) GradSpecs_LeakyReluBnSvmNet::new),
        Arguments.of("PreluSoftmax", (LongFunction<Model>) GradSpecs_PreluSoftmaxNet::new),
        Arguments.of("PreluSvm", (LongFunction<Model>) GradSpecs_PreluSvmNet::new),
        Arguments.of("PreluBnSoftmax", (LongFunction<Model>) GradSpecs_PreluBnSoftmaxNet::new),
        Arguments.of("PreluBnSvm", (LongFunction<Model>) GradSpecs_PreluBnSvmNet::new),
        Arguments.of("EluSoftmax", (LongFunction<Model>) GradSpecs_EluSoftmaxNet::new),
        Arguments.of("EluSvm", (LongFunction<Model>) GradSpecs_EluSvmNet::new),
        Arguments.of("EluBnSoftmax", (LongFunction<Model>) GradSpecs_EluBnSoftmaxNet::new),
        Arguments.of("EluBnSvm", (LongFunction<Model>) GradSpecs_EluBnSvmNet::new),
        Arguments.of("MaxoutSoftmax", (LongFunction<Model>) GradSpecs_MaxoutSoftmaxNet::new),
        Arguments.of("MaxoutSvm", (LongFunction<Model>) GradSpecs_MaxoutSvmNet::new),
        Arguments.of("MaxoutBnSoftmax", (LongFunction<Model>) GradSpecs_MaxoutBnSoftmaxNet::new),
        Arguments.of("MaxoutBnSvm", (LongFunction<Model>) GradSpecs_MaxoutBnSvmNet::new));
  }

  /** The same 32 specs on the Vector API backend. */
  static Stream<Arguments> vector() {
    return Stream.of(
        Arguments.of("VectorIdentitySoftmax", (LongFunction<Model>) VectorGradSpecs_IdentitySoftmaxNet::new),
        Arguments.of("VectorIdentitySvm", (LongFunction<Model>) VectorGradSpecs_IdentitySvmNet::new),
        Arguments.of("VectorIdentityBnSoftmax", (LongFunction<Model>) VectorGradSpecs_IdentityBnSoftmaxNet::new),
        Arguments.of("VectorIdentityBnSvm", (LongFunction<Model>) VectorGradSpecs_IdentityBnSvmNet::new),
        Arguments.of("VectorSigmoidSoftmax", (LongFunction<Model>) VectorGradSpecs_SigmoidSoftmaxNet::new),
        Arguments.of("VectorSigmoidSvm", (LongFunction<Model>) VectorGradSpecs_SigmoidSvmNet::new),
        Arguments.of("VectorSigmoidBnSoftmax", (LongFunction<Model>) VectorGradSpecs_SigmoidBnSoftmaxNet::new),
        Arguments.of("VectorSigmoidBnSvm", (LongFunction<Model>) VectorGradSpecs_SigmoidBnSvmNet::new),
        Arguments.of("VectorTanhSoftmax", (LongFunction<Model>) VectorGradSpecs_TanhSoftmaxNet::new),
        Arguments.of("VectorTanhSvm", (LongFunction<Model>) VectorGradSpecs_TanhSvmNet::new),
        Arguments.of("VectorTanhBnSoftmax", (LongFunction<Model>) VectorGradSpecs_TanhBnSoftmaxNet::new),
        Arguments.of("VectorTanhBnSvm", (LongFunction<Model>) VectorGradSpecs_TanhBnSvmNet::new),
        Arguments.of("VectorReluSoftmax", (LongFunction<Model>) VectorGradSpecs_ReluSoftmaxNet::new),
        Arguments.of("VectorReluSvm", (LongFunction<Model>) VectorGradSpecs_ReluSvmNet::new),
        Arguments.of("VectorReluBnSoftmax", (LongFunction<Model>) VectorGradSpecs_ReluBnSoftmaxNet::new),
        Arguments.of("VectorReluBnSvm", (LongFunction<Model>) VectorGradSpecs_ReluBnSvmNet::new),
        Arguments.of("VectorLeakyReluSoftmax", (LongFunction<Model>) VectorGradSpecs_LeakyReluSoftmaxNet::new),
        Arguments.of("VectorLeakyReluSvm", (LongFunction<Model>) VectorGradSpecs_LeakyReluSvmNet::new),
        Arguments.of("VectorLeakyReluBnSoftmax", (LongFunction<Model>) VectorGradSpecs_LeakyReluBnSoftmaxNet::new),
        Arguments.of("VectorLeakyReluBnSvm", (LongFunction<Model>) VectorGradSpecs_LeakyReluBnSvmNet::new),
        Arguments.of("VectorPreluSoftmax", (LongFunction<Model>) VectorGradSpecs_PreluSoftmaxNet::new),
        Arguments.of("VectorPreluSvm", (LongFunction<Model>) VectorGradSpecs_PreluSvmNet::new),
        Arguments.of("VectorPreluBnSoftmax", (LongFunction<Model>) VectorGradSpecs_PreluBnSoftmaxNet::new),
        Arguments.of("VectorPreluBnSvm", (LongFunction<Model>) VectorGradSpecs_PreluBnSvmNet::new),
        Arguments.of("VectorEluSoftmax", (LongFunction<Model>) VectorGradSpecs_EluSoftmaxNet::new),
        Arguments.of("VectorEluSvm", (LongFunction<Model>) VectorGradSpecs_EluSvmNet::new),
        Arguments.of("VectorEluBnSoftmax", (LongFunction<Model>) VectorGradSpecs_EluBnSoftmaxNet::new),
        Arguments.of("VectorEluBnSvm", (LongFunction<Model>) VectorGradSpecs_EluBnSvmNet::new),
        Arguments.of("VectorMaxoutSoftmax", (LongFunction<Model>) VectorGradSpecs_MaxoutSoftmaxNet::new),
        Arguments.of("VectorMaxoutSvm", (LongFunction<Model>) VectorGradSpecs_MaxoutSvmNet::new),
        Arguments.of("VectorMaxoutBnSoftmax", (LongFunction<Model>) VectorGradSpecs_MaxoutBnSoftmaxNet::new),
        Arguments.of("VectorMaxoutBnSvm", (LongFunction<Model>) VectorGradSpecs_MaxoutBnSvmNet::new));
  }

  /**
   * Kernel shapes the 32 specs do not reach: two networks whose layers are written out
   * completely, and one with odd widths (see OtherSpecs).
   */
  static Stream<Arguments> tiny() {
    return Stream.of(
        Arguments.of("TinyTanhSoftmax", (LongFunction<Model>) OtherSpecs_TinyTanhSoftmaxNet::new),
        Arguments.of("OddWidthsTanhSoftmax",
            (LongFunction<Model>) OtherSpecs_OddWidthsTanhSoftmaxNet::new),
        Arguments.of("TinyLeakyReluBnSvm",
            (LongFunction<Model>) OtherSpecs_TinyLeakyReluBnSvmNet::new));
  }

  /**
   * Nets with a direct layer and a few-class head (transposed product; on the vector backend the
   * softmax over transposed scores), checked on batches wider than a vector.
   */
  static Stream<Arguments> heads() {
    return Stream.of(
        Arguments.of("HeadReluSoftmax", (LongFunction<Model>) OtherSpecs_HeadReluSoftmaxNet::new),
        Arguments.of("HeadIdentitySvm", (LongFunction<Model>) OtherSpecs_HeadIdentitySvmNet::new),
        Arguments.of("DeepHeadRelu", (LongFunction<Model>) OtherSpecs_DeepHeadReluNet::new),
        Arguments.of("VectorHeadReluSoftmax",
            (LongFunction<Model>) OtherSpecs_VectorHeadReluSoftmaxNet::new),
        Arguments.of("VectorHeadIdentitySoftmax",
            (LongFunction<Model>) OtherSpecs_VectorHeadIdentitySoftmaxNet::new),
        Arguments.of("VectorDeepHeadRelu",
            (LongFunction<Model>) OtherSpecs_VectorDeepHeadReluNet::new),
        Arguments.of("VectorColumnarWide",
            (LongFunction<Model>) OtherSpecs_VectorColumnarWideNet::new),
        Arguments.of("VectorColumnarNarrow",
            (LongFunction<Model>) OtherSpecs_VectorColumnarNarrowNet::new));
  }

  /** All 67. */
  static Stream<Arguments> all() {
    return Stream.concat(Stream.concat(plain(), vector()), tiny());
  }
}
