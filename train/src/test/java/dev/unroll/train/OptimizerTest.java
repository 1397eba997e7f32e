package dev.unroll.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unroll.runtime.Model;
import dev.unroll.runtime.Tensor;
import dev.unroll.spec.Precision;
import dev.unroll.train.optim.Optimizer;
import dev.unroll.train.optim.OptimizerFactory;
import dev.unroll.train.optim.Optimizers;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each optimizer against the CS231n formulas for one step, and against the loss on a problem. */
class OptimizerTest {
  static Stream<Arguments> optimizers() {
    return Stream.of(
        Arguments.of("sgd", Optimizers.sgd(), 0.5),
        Arguments.of("momentum", Optimizers.momentum(0.9), 0.1),
        Arguments.of("nesterov", Optimizers.nesterov(0.9), 0.1),
        Arguments.of("rmsprop", Optimizers.rmsProp(0.99, 1e-8), 0.01),
        Arguments.of("adam", Optimizers.adam(0.9, 0.999, 1e-8), 0.01));
  }

  static Stream<Arguments> optimizersAndPrecisions() {
    return optimizers().flatMap(a -> Stream.of(Precision.FLOAT, Precision.DOUBLE)
        .map(p -> Arguments.of(a.get()[0], a.get()[1], a.get()[2], p)));
  }

  @ParameterizedTest(name = "{0} {3}")
  @MethodSource("optimizersAndPrecisions")
  void reducesTheLoss(String name, OptimizerFactory factory, double lr, Precision precision) {
    Problems p = Problems.blobs(60, 4, 3, 0.7, 5);
    Model net = new TestNet(TestNet.Config.of(4, 8, 3).precision(precision), 11);
    Optimizer opt = factory.create(net);
    double first = lossOf(net, p);
    for (int step = 0; step < 100; step++) {
      lossOf(net, p);
      net.backward();
      opt.step(lr);
    }
    double last = lossOf(net, p);
    assertTrue(last < 0.5 * first, name + ": loss " + first + " -> " + last);
  }

  /**
   * Two steps with fixed gradients g1 then g2 on a parameter starting at x0, against the update
   * computed by hand from the formulas in each optimizer's Javadoc.
   */
  @ParameterizedTest(name = "{0} {3}")
  @MethodSource("optimizersAndPrecisions")
  void matchesTheFormula(String name, OptimizerFactory factory, double lr, Precision precision) {
    Model net = new TestNet(TestNet.Config.of(2, 0, 2).precision(precision), 3);
    Tensor w = net.params().get(0);
    double x0 = 0.5;
    double g1 = 0.2;
    double g2 = -0.4;
    w.set(0, 0, x0);
    Optimizer opt = factory.create(net);
    setGrad(net, 0);
    setGrad(w, g1);
    opt.step(lr);
    setGrad(w, g2);
    opt.step(lr);
    double expected = handComputed(name, x0, g1, g2, lr);
    double tol = precision == Precision.FLOAT ? 1e-6 : 1e-12;
    assertEquals(expected, w.get(0, 0), tol, name);
  }

  private static double handComputed(String name, double x, double g1, double g2, double lr) {
    switch (name) {
      case "sgd":
        return x - lr * g1 - lr * g2;
      case "momentum": {
        double v1 = -lr * g1;
        double v2 = 0.9 * v1 - lr * g2;
        return x + v1 + v2;
      }
      case "nesterov": {
        double v1 = -lr * g1;
        double x1 = x + -0.9 * 0 + 1.9 * v1;
        double v2 = 0.9 * v1 - lr * g2;
        return x1 - 0.9 * v1 + 1.9 * v2;
      }
      case "rmsprop": {
        double c1 = 0.01 * g1 * g1;
        double x1 = x - lr * g1 / (Math.sqrt(c1) + 1e-8);
        double c2 = 0.99 * c1 + 0.01 * g2 * g2;
        return x1 - lr * g2 / (Math.sqrt(c2) + 1e-8);
      }
      case "adam": {
        double m1 = 0.1 * g1;
        double v1 = 0.001 * g1 * g1;
        double x1 = x - lr * (m1 / 0.1) / (Math.sqrt(v1 / 0.001) + 1e-8);
        double m2 = 0.9 * m1 + 0.1 * g2;
        double v2 = 0.999 * v1 + 0.001 * g2 * g2;
        double mt = m2 / (1 - 0.9 * 0.9);
        double vt = v2 / (1 - 0.999 * 0.999);
        return x1 - lr * mt / (Math.sqrt(vt) + 1e-8);
      }
      default:
        throw new AssertionError(name);
    }
  }

  private static void setGrad(Model net, double g) {
    for (Tensor t : net.params()) {
      for (int r = 0; r < t.rows(); r++) {
        for (int c = 0; c < t.cols(); c++) {
          setGrad(t, r, c, g);
        }
      }
    }
  }

  private static void setGrad(Tensor t, double g) {
    setGrad(t, 0, 0, g);
  }

  private static void setGrad(Tensor t, int r, int c, double g) {
    if (t.floatGrads() != null) {
      t.floatGrads()[r][c] = (float) g;
    } else {
      t.doubleGrads()[r][c] = g;
    }
  }

  static double lossOf(Model net, Problems p) {
    net.forward(p.x, p.x.length);
    return net.loss(p.y, p.x.length);
  }
}
