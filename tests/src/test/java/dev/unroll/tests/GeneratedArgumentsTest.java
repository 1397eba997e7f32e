package dev.unroll.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unroll.runtime.Model;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad arguments to a generated class's public methods (issue 15 items 9 and 12): a learning rate
 * that is NaN, infinite or negative, and an index out of range, each end in an exception naming
 * the method and the bound, with the network unchanged; on the row step and the columnar step
 * (whose scores are kept transposed), shallow and deep.
 */
class GeneratedArgumentsTest {
  static Stream<Supplier<Model>> nets() {
    return Stream.of(() -> new OtherSpecs_TinyTanhSoftmaxNet(1),
        () -> new OtherSpecs_VectorColumnarNarrowNet(1), () -> new DeepSpecs_Deep40Net(1));
  }

  /** A forward pass over 3 rows, and a loss, so the scores and gradients are there. */
  private static Model ready(Supplier<Model> make) {
    Model net = make.get();
    double[][] x = new double[3][net.inputs()];
    for (int i = 0; i < 3; i++) {
      x[i][0] = i - 1;
    }
    net.forward(x, 3);
    net.loss(new int[] {0, 1, 0}, 3);
    net.backward();
    return net;
  }

  @ParameterizedTest
  @MethodSource("nets")
  void aLearningRateThatIsNotFiniteAndNonNegativeIsRefusedBeforeAnyChange(Supplier<Model> make) {
    Model net = ready(make);
    double before = net.params().get(0).get(0);
    for (double lr : new double[] {Double.NaN, Double.POSITIVE_INFINITY, -1, -0.001}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> net.sgdStep(lr), "lr " + lr);
      assertTrue(e.getMessage().contains("sgdStep(lr)"), e.getMessage());
      assertTrue(e.getMessage().contains("finite and >= 0"), e.getMessage());
      assertEquals(before, net.params().get(0).get(0), "unchanged after lr " + lr);
    }
    net.sgdStep(0); // a rate of 0 is allowed and changes nothing
    assertEquals(before, net.params().get(0).get(0));
  }

  @ParameterizedTest
  @MethodSource("nets")
  void everyIndexArgumentIsCheckedWithTheMethodAndTheBound(Supplier<Model> make) {
    Model net = ready(make);
    int classes = net.outputs();
    int layers = net.layers();
    expect(() -> net.score(0, classes), "score(i, c): c = " + classes,
        "the classes [0, " + classes + ")");
    expect(() -> net.score(0, -1), "score(i, c): c = -1", "the classes");
    expect(() -> net.score(3, 0), "score(i, c): i = 3",
        "the rows of the last forward pass [0, 3)");
    expect(() -> net.predict(-1), "predict(i): i = -1", "[0, 3)");
    expect(() -> net.predict(3), "predict(i): i = 3", "[0, 3)");
    expect(() -> net.activation(0), "activation(layer): layer = 0",
        "the layers [1, " + (layers + 1) + ")");
    expect(() -> net.units(layers + 1), "units(layer): layer = " + (layers + 1),
        "the layers [1, " + (layers + 1) + ")");
    // and the valid ones still answer
    net.score(2, classes - 1);
    net.predict(2);
    assertEquals(classes, net.units(layers));
  }

  private static void expect(Executable call, String... parts) {
    IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, call);
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), e.getMessage() + " lacks " + part);
    }
  }

  @ParameterizedTest
  @MethodSource("nets")
  void closeStopsTheWorkersAndTheNetworkGoesOnOnOneThread(Supplier<Model> make) {
    Model net = ready(make);
    net.setThreads(2);
    assertEquals(2, net.threads());
    net.close();
    assertEquals(1, net.threads());
    net.close(); // again: nothing to do
    ready(() -> net);
    net.setThreads(2);
    assertEquals(2, net.threads());
    net.close();
  }

  /** In float, a rate beyond the largest float is infinite once converted: refused too. */
  @org.junit.jupiter.api.Test
  void aFloatNetworkRefusesARateBeyondTheLargestFloat() {
    Model net = new OtherSpecs_ParallelFloatNet(1);
    assertThrows(IllegalArgumentException.class, () -> net.sgdStep(1e300));
    net.sgdStep(Float.MAX_VALUE * 0.5);
  }
}
