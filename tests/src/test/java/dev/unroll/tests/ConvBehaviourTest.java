package dev.unroll.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import dev.unroll.runtime.Model;
import dev.unroll.runtime.Rng;
import dev.unroll.runtime.Tensor;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Conv networks beyond their gradients: float against double after 20 SGD steps, how max
 * pooling breaks ties, zero allocation per training step, method sizes at CIFAR's shape, and
 * the output shapes the model reports.
 */
class ConvBehaviourTest {
  @Test
  void floatAndDoubleAgreeAfterTwentySgdSteps() {
    PrecisionAndSeedTest.agree(new ConvOtherSpecs_MixedFloatNet(7),
        new ConvOtherSpecs_MixedDoubleNet(7), 16);
  }

  /**
   * A 1x1 conv with weight 1 and bias 0 passes the input to the pool unchanged, so its gradient
   * is the pool's input gradient: each window's gradient must land on its first largest value in
   * row-major order, and nowhere else.
   */
  @Test
  void maxPoolTiesGoToTheFirstLargestValueInRowMajorOrder() {
    Model net = new ConvGradSpecs_TiesNet(1);
    Tensor w = BatchNormFoldingTest.tensor(net.params(), Tensor.Role.WEIGHT, 1);
    w.set(0, 0, 1.0);
    // 4x4 input, four 2x2 windows: all equal; a tie on the right column; a tie on the bottom
    // row; a tie between the top-left and the bottom-right
    double[][] x = {{
        0.5, 0.5, 1, 3,
        0.5, 0.5, 2, 3,
        1, 0, 4, 1,
        2, 2, 1, 4}};
    net.forward(x, 1);
    net.loss(new int[] {1}, 1);
    net.backward();
    Tensor conv = net.activations().get(0);
    int[] winners = {0, 3, 12, 10};
    for (int j = 0; j < 16; j++) {
      int pixel = j;
      boolean winner = java.util.Arrays.stream(winners).anyMatch(v -> v == pixel);
      if (!winner) {
        assertEquals(0.0, conv.grad(0, j), "pixel " + j + " lost its window");
      }
    }
    for (int j : winners) {
      assertTrue(conv.grad(0, j) != 0, "pixel " + j + " won its window");
    }
  }

  @Test
  void trainingStepsAllocateNothing() {
    Model net = new ConvOtherSpecs_FashionNet(3);
    int n = 16;
    Rng rng = new Rng(2);
    float[][] x = new float[n][net.inputs()];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < x[i].length; j++) {
        x[i][j] = (float) rng.gaussian();
      }
      y[i] = rng.nextInt(10);
    }
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    steps(net, x, y, n, 3);
    long before = threads.getThreadAllocatedBytes(id);
    steps(net, x, y, n, 20);
    long after = threads.getThreadAllocatedBytes(id);
    assertEquals(0, after - before, "bytes allocated by 20 training steps");
  }

  private static void steps(Model net, float[][] x, int[] y, int n, int times) {
    for (int t = 0; t < times; t++) {
      net.setTraining(true);
      net.forward(x, n);
      net.loss(y, n);
      net.backward();
      net.sgdStep(0.01);
      net.setTraining(false);
      net.forward(x, n);
    }
  }

  @ParameterizedTest
  @ValueSource(classes = {ConvOtherSpecs_FashionNet.class, ConvOtherSpecs_CifarNet.class,
      ConvGradSpecs_ConvMaxoutBnNet.class, ConvGradSpecs_Kernel5Pad2Net.class})
  void everyMethodIsUnderTheHugeMethodLimit(Class<?> generated) throws IOException {
    Map<String, Integer> sizes = BytecodeSizeTest.codeSizes(generated);
    assertTrue(sizes.containsKey("conv1"), "found " + sizes.keySet());
    sizes.forEach((method, size) -> assertTrue(size < 8000,
        generated.getSimpleName() + "." + method + " has " + size + " bytes of bytecode"));
  }

  @Test
  void layersReportTheirOutputShapes() {
    Model net = new ConvOtherSpecs_CifarNet(1);
    assertEquals(8, net.layers());
    int[] units = {32 * 32 * 32, 32 * 32 * 32, 32 * 16 * 16, 64 * 16 * 16, 64 * 16 * 16,
        64 * 8 * 8, 256, 10};
    for (int k = 1; k <= 8; k++) {
      assertEquals(units[k - 1], net.units(k), "layer " + k);
      assertEquals(units[k - 1], net.activations().get(k - 1).cols(), "activation " + k);
    }
    assertEquals(3072, net.inputs());
    assertFalse(net.params().isEmpty());
    assertEquals("layer1.W", net.params().get(0).name());
    assertEquals(32, net.params().get(0).rows());
    assertEquals(27, net.params().get(0).cols());
  }
}
