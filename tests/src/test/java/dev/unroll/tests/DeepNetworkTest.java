package dev.unroll.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unroll.runtime.GradientCheck;
import dev.unroll.runtime.Model;
import dev.unroll.runtime.Rng;
import dev.unroll.runtime.Tensor;
import dev.unroll.spec.Activation;
import org.junit.jupiter.api.Test;

/**
 * Deep networks, whose class-wide code runs in chunk methods of a few layers, compute what a
 * network's methods promise: gradients against centered differences, every layer's tensors in
 * order, an update, a copy, and the per-layer accessors.
 */
class DeepNetworkTest {
  @Test
  void fortyLayersPassTheGradientCheck() {
    Model net = new DeepSpecs_Deep40Net(3);
    Rng rng = new Rng(40);
    int n = 6;
    double[][] x = GradientCheckTest.inputs(rng, n, net.inputs());
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = rng.nextInt(net.outputs());
    }
    net.setL2(0.01);
    GradientCheck.Report report = GradientCheck.standard().run(net, x, y, n);
    int params = net.params().stream().mapToInt(Tensor::size).sum();
    assertEquals(params, report.checked() + report.kinks(), "every parameter entry is checked");
    // forty layers of tanh and batch norm compose rounding: a handful of entries whose one-sided
    // slopes differ in the 7th digit are left out as kinks, none sitting on one
    assertTrue(report.kinks() <= 0.01 * params, report::toString);
    assertTrue(report.maxRelError() <= 1e-5, report::toString);
  }

  @Test
  void threeHundredLayersListTrainAndCopyEveryLayer() {
    Model net = new DeepSpecs_Deep300Net(5);
    assertEquals(300, net.layers());
    // W, gamma, beta for the 299 batch-norm layers, W and b for the head
    assertEquals(299 * 3 + 2, net.params().size());
    assertEquals(299 * 2, net.buffers().size());
    assertEquals(300, net.activations().size());
    assertEquals("layer300.b", net.params().get(net.params().size() - 1).name());
    assertEquals(Activation.TANH, net.activation(150));
    assertEquals(Activation.IDENTITY, net.activation(300));
    assertEquals(3, net.units(300));

    float[][] x = new float[8][5];
    Rng rng = new Rng(7);
    for (float[] row : x) {
      for (int j = 0; j < row.length; j++) {
        row[j] = (float) rng.gaussian();
      }
    }
    int[] y = {0, 1, 2, 0, 1, 2, 0, 1};
    Model copy = net.copy();
    float[] first = net.params().get(0).floats()[0].clone();
    net.forward(x, 8);
    double loss = net.loss(y, 8);
    assertTrue(Double.isFinite(loss), "loss " + loss);
    net.backward();
    net.sgdStep(0.1);
    assertNotEquals(first[0], net.params().get(0).floats()[0][0]);
    // the copy made before the step still has the first weights; copyFrom brings the new ones
    assertArrayEquals(first, copy.params().get(0).floats()[0]);
    copy.copyFrom(net);
    assertArrayEquals(net.params().get(0).floats()[0],
        copy.params().get(0).floats()[0]);
  }
}
