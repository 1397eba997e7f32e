package dev.unroll.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unroll.runtime.GradientCheck;
import dev.unroll.runtime.Model;
import dev.unroll.runtime.Rng;
import dev.unroll.runtime.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Issue 15.15: SVM loss, ReLU with batch norm, then PReLU with alpha 1e-3. With seed 1, one of
 * the six samples has all three ReLUs at 0, so with the zero biases of a fresh network every
 * PReLU unit of that sample sits exactly on its kink, and so does every layer2.b entry. The
 * centered difference gives the mean of the two one-sided slopes at every h; the check must
 * report these entries as kinks, not as gradient errors of about 0.3 to 1.
 */
class KinkAtPointTest {
  private static final int N = 6;

  private static double[][] x(Rng rng) {
    return GradientCheckTest.inputs(rng, N, 4);
  }

  private static int[] y(Rng rng) {
    int[] y = new int[N];
    for (int i = 0; i < N; i++) {
      y[i] = rng.nextInt(3);
    }
    return y;
  }

  @Test
  void entriesOnAKinkAreReportedAsKinksWithTheirSlopes() {
    Model net = new ReliabilitySpecs_ReluBnPreluSvmNet(1);
    Rng rng = new Rng(1);
    double[][] x = x(rng);
    int[] y = y(rng);
    GradientCheck.Report report = GradientCheck.standard().run(net, x, y, N);
    assertEquals(4, report.onKinks().size(), report::toString);
    for (GradientCheck.Kink k : report.onKinks()) {
      assertEquals("layer2.b", k.param(), report::toString);
      // the two sides differ by the PReLU's jump in slope; the analytic gradient takes one side
      assertTrue(Math.abs(k.left() - k.right()) > 1e-3, k::toString);
      double side = Math.min(Math.abs(k.analytic() - k.left()), Math.abs(k.analytic() - k.right()));
      assertTrue(side <= 1e-4 * Math.max(1e-2, Math.abs(k.analytic())), k::toString);
    }
    assertTrue(report.maxRelError() <= 1e-7, report::toString);
    assertTrue(report.toString().contains("layer2.b[0][0]: on a kink"), report::toString);
  }

  /** The lecture's advice: a small random bias for the check moves every unit off its kink. */
  @Test
  void aSmallRandomBiasTakesTheUnitsOffTheKink() {
    Model net = new ReliabilitySpecs_ReluBnPreluSvmNet(1);
    Rng rng = new Rng(1);
    double[][] x = x(rng);
    int[] y = y(rng);
    Rng bias = new Rng(77);
    for (Tensor t : net.params()) {
      if (t.role() == Tensor.Role.BIAS) {
        for (int i = 0; i < t.size(); i++) {
          t.set(i, 1e-2 * bias.gaussian());
        }
      }
    }
    net.parametersChanged();
    GradientCheck.Report report = GradientCheck.standard().run(net, x, y, N);
    assertTrue(report.onKinks().isEmpty(), report::toString);
    assertEquals(0, report.kinks(), report::toString);
    assertTrue(report.maxRelError() <= 1e-7, report::toString);
    assertFalse(report.toString().contains("on a kink"), report::toString);
  }
}
