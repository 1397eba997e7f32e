package dev.unroll.tests;

import dev.unroll.runtime.Model;
import dev.unroll.runtime.Rng;
import java.util.Set;
import java.util.function.LongFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The conv networks of {@link ConvGradSpecs} against centered differences in double precision,
 * with the tolerances of {@link GradientCheckTest}: networks without kinks to 1e-7 with the
 * five-point stencil; networks with max pooling, ReLU-like activations, maxout or SVM with the
 * plain centered difference at h = 1e-5 to 1e-4, at most 5% of entries left out as kink crossings.
 * Every parameter entry is checked, in training mode (data loss alone and with L2) and in
 * evaluation mode (batch norm folded into the filters).
 */
class ConvGradientCheckTest {
  /** Without max pooling after a parameter, ReLU-like activations, maxout or SVM. */
  static final Set<String> SMOOTH = Set.of("Stride2Pad0", "Kernel1", "Kernel5Pad2",
      "Stride2Pad1Bn", "AvgPool", "PoolFirst", "Stride2Behind", "Kernel5Stride2", "Kernel5Pad0",
      "Kernel1Pad1");
  static final int N = 5;

  @ParameterizedTest(name = "{0}, data loss only")
  @MethodSource("dev.unroll.tests.ConvNets#all")
  void dataLossGradientsMatchCenteredDifferences(String name, LongFunction<Model> factory) {
    check(name, factory.apply(21), 0.0);
  }

  @ParameterizedTest(name = "{0}, with L2")
  @MethodSource("dev.unroll.tests.ConvNets#all")
  void regularizedGradientsMatchCenteredDifferences(String name, LongFunction<Model> factory) {
    check(name, factory.apply(22), 0.3);
  }

  @ParameterizedTest(name = "{0}, evaluation mode")
  @MethodSource("dev.unroll.tests.ConvNets#all")
  void evaluationModeGradientsMatch(String name, LongFunction<Model> factory) {
    Model net = factory.apply(23);
    double[][] x = GradientCheckTest.inputs(new Rng(5), N, net.inputs());
    for (int i = 0; i < 3; i++) {
      net.forward(x, N);
    }
    net.setTraining(false);
    check(name, net, 0.0);
  }

  static void check(String name, Model net, double l2) {
    GradientCheckTest.verify(name, net, l2, N, SMOOTH.contains(name));
  }
}
