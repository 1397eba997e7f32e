package dev.unroll.tests;

import dev.unroll.runtime.Model;
import dev.unroll.runtime.Rng;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Set;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
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

  /** The conv products split over two groups of samples on two threads (the L2 check's seed). */
  @ParameterizedTest(name = "{0}, two threads")
  @MethodSource("dev.unroll.tests.ConvNets#all")
  void twoThreadGradientsMatch(String name, LongFunction<Model> factory) {
    Model net = factory.apply(22);
    net.setThreads(2);
    try {
      check(name, net, 0.3);
    } finally {
      net.close();
    }
  }

  /** One thread runs the same sample groups in order as two do: the same bits after training. */
  @Test
  void twoThreadsTrainBitIdenticallyToOne() {
    for (LongFunction<Model> f : java.util.List.<LongFunction<Model>>of(
        ConvGradSpecs_ConvPoolConvDenseSoftmaxNet::new, ConvGradSpecs_VectorConvConvNet::new)) {
      assertArrayEquals(train(f, 1), train(f, 2));
    }
  }

  private static double[] train(LongFunction<Model> factory, int threads) {
    Model net = factory.apply(4);
    net.setThreads(threads);
    net.setL2(0.01);
    double[][] x = GradientCheckTest.inputs(new Rng(2), N, net.inputs());
    int[] y = {0, 1, 2, 0, 1};
    for (int step = 0; step < 5; step++) {
      net.forward(x, N);
      net.loss(y, N);
      net.backward();
      net.sgdStep(0.05);
    }
    net.close();
    java.util.List<Double> all = new java.util.ArrayList<>();
    for (var t : net.params()) {
      for (double v : t.toArray()) {
        all.add(v);
      }
    }
    return all.stream().mapToDouble(Double::doubleValue).toArray();
  }

  static void check(String name, Model net, double l2) {
    GradientCheckTest.verify(name, net, l2, N, SMOOTH.contains(name));
  }
}
