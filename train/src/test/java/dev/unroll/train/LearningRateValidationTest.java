package dev.unroll.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unroll.runtime.Model;
import dev.unroll.runtime.Tensor;
import dev.unroll.spec.Precision;
import dev.unroll.train.optim.Optimizer;
import dev.unroll.train.optim.OptimizerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 15.9: a NaN, infinite or negative learning rate is refused with an
 * IllegalArgumentException before anything changes, by every optimizer and every schedule.
 */
class LearningRateValidationTest {
  static Stream<Arguments> badRates() {
    return OptimizerTest.optimizersAndPrecisions().flatMap(a -> Stream.of(Double.NaN,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -1.0, -Double.MIN_VALUE)
        .map(lr -> Arguments.of(a.get()[0], a.get()[1], a.get()[3], lr)));
  }

  @ParameterizedTest(name = "{0} {2} lr {3}")
  @MethodSource("badRates")
  void optimizersRefuseTheRateAndChangeNothing(String name, OptimizerFactory factory,
      Precision precision, double lr) {
    Problems p = Problems.blobs(30, 4, 3, 0.7, 5);
    Model net = new TestNet(TestNet.Config.of(4, 8, 3).precision(precision), 11);
    Optimizer opt = factory.create(net);
    net.forward(p.x, p.x.length);
    net.loss(p.y, p.x.length);
    net.backward();
    opt.step(0.01);
    List<double[]> before = snapshot(net, opt);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> opt.step(lr));
    assertTrue(e.getMessage().contains("learning rate must be finite and >= 0, got " + lr),
        e.getMessage());
    assertTrue(e.getMessage().startsWith(opt.name()), e.getMessage());
    assertEquals(1, opt.steps());
    List<double[]> after = snapshot(net, opt);
    for (int i = 0; i < before.size(); i++) {
      assertArrayEquals(before.get(i), after.get(i));
    }
    opt.step(0); // zero is a valid, if idle, rate
  }

  @Test
  void aRateBeyondFloatRangeIsInfiniteForFloatParameters() {
    Model net = new TestNet(TestNet.Config.of(4, 8, 3).precision(Precision.FLOAT), 11);
    Optimizer opt = OptimizerTest.optimizers().map(a -> (OptimizerFactory) a.get()[1])
        .findFirst().orElseThrow().create(net);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> opt.step(1e300));
    assertTrue(e.getMessage().contains("(float parameters)"), e.getMessage());
  }

  @Test
  void schedulesRefuseBadRatesAndDecays() {
    for (double lr : new double[] {Double.NaN, Double.POSITIVE_INFINITY, -1, 0}) {
      assertThrows(IllegalArgumentException.class, () -> LearningRate.constant(lr));
      assertThrows(IllegalArgumentException.class, () -> LearningRate.step(lr, 0.5, 2));
      assertThrows(IllegalArgumentException.class, () -> LearningRate.exponential(lr, 0.1));
    }
    assertThrows(IllegalArgumentException.class, () -> LearningRate.step(0.1, Double.NaN, 2));
    assertThrows(IllegalArgumentException.class, () -> LearningRate.exponential(0.1, Double.NaN));
    // e^(-inf * 0) is e^NaN: an infinite k used to give a NaN rate in epoch 0
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LearningRate.exponential(0.1, Double.POSITIVE_INFINITY));
    assertTrue(e.getMessage().contains("finite k"), e.getMessage());
  }

  private static List<double[]> snapshot(Model net, Optimizer opt) {
    List<double[]> all = new ArrayList<>();
    for (Tensor t : net.params()) {
      all.add(t.toArray());
    }
    for (Tensor t : opt.state()) {
      all.add(t.toArray());
    }
    return all;
  }
}
