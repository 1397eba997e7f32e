package dev.unroll.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import dev.unroll.runtime.Model;
import dev.unroll.runtime.Rng;
import dev.unroll.runtime.Tensor;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** Batch-norm statistics, evaluation mode, allocation and learning, observed from outside. */
class BehaviourTest {
  @Test
  void layersDescribeThemselves() {
    Model net = new OtherSpecs_MixedFloatNet(1);
    assertEquals(3, net.layers());
    assertEquals(dev.unroll.spec.Activation.TANH, net.activation(1));
    assertEquals(dev.unroll.spec.Activation.ELU, net.activation(2));
    assertEquals(dev.unroll.spec.Activation.IDENTITY, net.activation(3));
    assertEquals(20, net.units(1));
    assertEquals(5, net.units(3));
    org.junit.jupiter.api.Assertions.assertThrows(IndexOutOfBoundsException.class,
        () -> net.activation(4));
  }

  @Test
  void batchNormRunningAveragesFollowMomentumPointNine() {
    Model net = new OtherSpecs_MixedDoubleNet(3);
    double[][] x = GradientCheckTest.inputs(new Rng(8), 16, 6);
    net.forward(x, 16);
    // layer 1 pre-activation mean of the batch, recomputed here from the weights
    Tensor w = net.params().get(0);
    double mean0 = 0;
    for (double[] row : x) {
      double z = 0;
      for (int m = 0; m < 6; m++) {
        z += row[m] * w.get(m, 0);
      }
      mean0 += z / 16;
    }
    Tensor runningMean = net.buffers().get(0);
    assertEquals(0.1 * mean0, runningMean.get(0, 0), 1e-12);
  }

  @Test
  void evaluationModeScoresDoNotDependOnTheRestOfTheBatch() {
    Model net = new OtherSpecs_MixedFloatNet(3);
    double[][] x = GradientCheckTest.inputs(new Rng(9), 16, 6);
    for (int i = 0; i < 5; i++) {
      net.forward(x, 16);
    }
    net.setTraining(false);
    net.forward(x, 16);
    double inBatch = net.score(0, 2);
    net.forward(x, 1);
    assertEquals(inBatch, net.score(0, 2), 0.0);
    net.setTraining(true);
    net.forward(x, 16);
    double training = net.score(0, 2);
    net.forward(x, 2);
    assertTrue(training != net.score(0, 2), "training mode uses the batch's statistics");
  }

  @Test
  void aTrainingStepAllocatesNothing() {
    Model net = new OtherSpecs_MnistNet(1);
    net.setL2(1e-4);
    float[][] x = new float[128][784];
    Rng rng = new Rng(1);
    for (float[] row : x) {
      for (int j = 0; j < 784; j++) {
        row[j] = (float) rng.uniform();
      }
    }
    int[] y = new int[128];
    for (int i = 0; i < 128; i++) {
      y[i] = i % 10;
    }
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    step(net, x, y, 3);
    long before = threads.getThreadAllocatedBytes(id);
    step(net, x, y, 20);
    long after = threads.getThreadAllocatedBytes(id);
    assertEquals(0, after - before, "bytes allocated by 20 training steps");
  }

  private static void step(Model net, float[][] x, int[] y, int times) {
    for (int t = 0; t < times; t++) {
      net.forward(x, 128);
      net.loss(y, 128);
      net.backward();
      net.sgdStep(0.01);
    }
  }

  @Test
  void everyActivationLearnsASeparableProblem() {
    Rng rng = new Rng(21);
    GradNets.plain().forEach(args -> {
      String name = (String) args.get()[0];
      @SuppressWarnings("unchecked")
      Model net = ((java.util.function.LongFunction<Model>) args.get()[1]).apply(4);
      double[][] x = GradientCheckTest.inputs(rng, 8, 3);
      int[] y = new int[8];
      for (int i = 0; i < 8; i++) {
        y[i] = x[i][0] > 0 ? (x[i][1] > 0 ? 0 : 1) : (x[i][1] > 0 ? 2 : 3);
      }
      net.forward(x, 8);
      double first = net.loss(y, 8);
      double last = first;
      for (int step = 0; step < 500; step++) {
        net.forward(x, 8);
        last = net.loss(y, 8);
        net.backward();
        // sigmoid learns slowest, as the lecture warns; 0.3 suits every activation here
        net.sgdStep(0.3);
      }
      assertTrue(last < 0.5 * first, name + ": loss " + first + " -> " + last);
    });
  }
}
