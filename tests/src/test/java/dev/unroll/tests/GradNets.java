package dev.unroll.tests;

import dev.unroll.runtime.Model;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The 32 generated gradient-check networks, by spec name, for parametrized tests. */
final class GradNets {
  private GradNets() {}

  static Stream<Arguments> all() {
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
}
