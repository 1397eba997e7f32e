package dev.unroll.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unroll.runtime.GradientCheck;
import dev.unroll.runtime.Model;
import org.junit.jupiter.api.Test;

/** Wrong sizes, labels and call orders fail with a message that says what and where. */
class RuntimeErrorsTest {
  private final Model net = new OtherSpecs_MixedFloatNet(1);

  @Test
  void rowOfTheWrongLengthIsNamed() {
    float[][] x = new float[4][6];
    x[2] = new float[5];
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> net.forward(x, 4));
    assertEquals("input row 2 has 5 values, the network expects 6", e.getMessage());
  }

  @Test
  void batchLargerThanCompiledMaximumIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> net.forward(new float[17][6], 17));
    assertTrue(e.getMessage().contains("batch size 17 is outside [1, 16]"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> net.forward(new float[2][6], 3));
    assertThrows(IllegalArgumentException.class, () -> net.forward(new float[2][6], 0));
  }

  @Test
  void labelOutOfRangeIsNamedWithItsRow() {
    net.forward(new float[3][6], 3);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> net.loss(new int[] {0, 5, 1}, 3));
    assertEquals("label 5 at row 1 is outside [0, 5)", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> net.loss(new int[] {0, -1, 1}, 3));
    assertThrows(IllegalArgumentException.class, () -> net.loss(new int[] {0, 1}, 2));
  }

  @Test
  void backwardBeforeLossIsRefused() {
    net.forward(new float[3][6], 3);
    assertThrows(IllegalStateException.class, net::backward);
  }

  @Test
  void negativeOrNanL2IsRefused() {
    assertThrows(IllegalArgumentException.class, () -> net.setL2(-1));
    assertThrows(IllegalArgumentException.class, () -> net.setL2(Double.NaN));
  }

  @Test
  void gradientCheckRefusesFloatNetworks() {
    assertThrows(IllegalArgumentException.class,
        () -> GradientCheck.standard().run(net, new double[2][6], new int[2], 2));
  }

  @Test
  void scoreOutsideTheLastBatchIsRefused() {
    net.forward(new float[3][6], 3);
    assertThrows(IndexOutOfBoundsException.class, () -> net.score(3, 0));
  }
}
