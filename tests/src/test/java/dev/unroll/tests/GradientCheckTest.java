package dev.unroll.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unroll.runtime.GradientCheck;
import dev.unroll.runtime.Model;
import dev.unroll.runtime.Rng;
import java.util.Set;
import java.util.function.LongFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Analytic gradients of every activation x batch norm x loss against centered differences in
 * double precision ({@link GradientCheck#standard()}: the five-point centered stencil, h = 2e-4),
 * for every parameter: weights, biases, batch-norm gamma and beta, PReLU alpha; with and without
 * L2, in training and in evaluation mode; on the plain backend and on the Vector API backend,
 * plus two networks whose layers are written out completely (OtherSpecs.Tiny*).
 *
 * <p>Smooth networks (identity, sigmoid, tanh with softmax) must agree to a relative error of
 * 1e-7 with no entry flagged as a kink. Networks with kinks (ReLU, leaky ReLU, PReLU, maxout, ELU
 * with alpha != 1, and every SVM) are checked with the notes' plain centered difference at h =
 * 1e-5, whose smaller step crosses fewer kinks, and must agree to 1e-4: {@link GradientCheck}
 * re-measures an entry above 1e-5 with h / 10 and leaves it out as a kink crossing when the two
 * differences disagree; at most 5% of entries may be left out (small layers fed by ReLUs hold
 * units that sit within 1e-4 of their kink). Entries where both gradients are below the floor
 * are compared absolutely, since their relative error would be rounding noise over noise: smooth
 * networks (floor 1e-4) to |a - n| <= 1e-11, networks with kinks (floor 1e-5) to 1e-9.
 */
class GradientCheckTest {
  private static final Set<String> SMOOTH =
      Set.of("IdentitySoftmax", "IdentityBnSoftmax", "SigmoidSoftmax", "SigmoidBnSoftmax",
          "TanhSoftmax", "TanhBnSoftmax", "TinyTanhSoftmax", "HeadIdentitySoftmax",
          "OddWidthsTanhSoftmax", "ColumnarNarrow");
  private static final int N = 6;

  @ParameterizedTest(name = "{0}, data loss only")
  @MethodSource("dev.unroll.tests.GradNets#all")
  void dataLossGradientsMatchCenteredDifferences(String name, LongFunction<Model> factory) {
    check(name, factory.apply(11), 0.0);
  }

  @ParameterizedTest(name = "{0}, with L2")
  @MethodSource("dev.unroll.tests.GradNets#all")
  void regularizedGradientsMatchCenteredDifferences(String name, LongFunction<Model> factory) {
    check(name, factory.apply(12), 0.3);
  }

  @ParameterizedTest(name = "{0}, evaluation mode")
  @MethodSource("dev.unroll.tests.GradNets#all")
  void evaluationModeGradientsMatch(String name, LongFunction<Model> factory) {
    Model net = factory.apply(13);
    // a few training passes move the batch-norm running averages away from 0 and 1
    double[][] x = inputs(new Rng(5), N, net.inputs());
    for (int i = 0; i < 3; i++) {
      net.forward(x, N);
    }
    net.setTraining(false);
    check(name, net, 0.0);
  }

  /**
   * 37 samples: more than four double vectors of AVX-512 and two of AVX2 plus a tail, so the
   * softmax over transposed scores runs both its vector and its scalar part.
   */
  @ParameterizedTest(name = "{0}, 37 samples, with and without L2")
  @MethodSource("dev.unroll.tests.GradNets#heads")
  void headNetsMatchOnWideBatches(String name, LongFunction<Model> factory) {
    check(name, factory.apply(14), 0.0, 37);
    check(name, factory.apply(15), 0.2, 37);
  }

  private static void check(String name, Model net, double l2) {
    check(name, net, l2, N);
  }

  private static void check(String name, Model net, double l2, int n) {
    verify(name, net, l2, n, SMOOTH.contains(name.replaceFirst("^Vector", "")));
  }

  /**
   * Checks every parameter entry of {@code net} on {@code n} random samples (seeded by {@code
   * name}): a smooth network to 1e-7 with no kink crossed, one with kinks to 1e-4 with at most
   * 5% of entries left out as crossings.
   */
  static void verify(String name, Model net, double l2, int n, boolean smooth) {
    net.setL2(l2);
    Rng rng = new Rng(name.hashCode());
    double[][] x = inputs(rng, n, net.inputs());
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = rng.nextInt(net.outputs());
    }
    GradientCheck check =
        smooth ? GradientCheck.standard() : GradientCheck.of(1e-5, 1e-5, 1e-5, false);
    GradientCheck.Report report = check.run(net, x, y, n);
    int total = report.checked() + report.kinks();
    int params = net.params().stream().mapToInt(t -> t.size()).sum();
    assertEquals(params, total, "every parameter entry is checked");
    if (smooth) {
      assertEquals(0, report.kinks(), report::toString);
      assertTrue(report.maxRelError() <= 1e-7, report::toString);
    } else {
      assertTrue(report.kinks() <= 0.05 * total, report::toString);
      assertTrue(report.maxRelError() <= 1e-4, report::toString);
    }
  }

  static double[][] inputs(Rng rng, int n, int inputs) {
    double[][] x = new double[n][inputs];
    for (double[] row : x) {
      for (int j = 0; j < inputs; j++) {
        row[j] = rng.gaussian();
      }
    }
    return x;
  }
}
