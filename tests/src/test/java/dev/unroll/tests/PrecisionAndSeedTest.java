package dev.unroll.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unroll.runtime.Model;
import dev.unroll.runtime.Rng;
import dev.unroll.runtime.Tensor;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Float and double builds of one spec agree; a seed fixes every weight bit for bit. */
class PrecisionAndSeedTest {
  private static final int N = 16;

  @Test
  void floatAndDoubleNetworksAgreeToFloatPrecision() {
    agree(new OtherSpecs_MixedFloatNet(7), new OtherSpecs_MixedDoubleNet(7), N);
  }

  /**
   * The float Vector API softmax over transposed scores (the double one is gradient-checked)
   * against the double net, on 40 samples: two float vectors of AVX-512 and a tail.
   */
  @Test
  void floatVectorSoftmaxOverColumnsAgreesWithDouble() {
    agree(new OtherSpecs_VectorHeadReluFloatNet(7), new OtherSpecs_VectorHeadReluSoftmaxNet(7),
        40);
  }

  /**
   * Float ELU takes e^z - 1 from the intrinsic exp in double (and z + z^2/2 near 0) instead of
   * expm1: its outputs must still be ELU of the layer's pre-activations to float precision,
   * inputs near 0 included (the scaled inputs put some there).
   */
  @Test
  void floatEluMatchesExpm1ToFloatPrecision() {
    Model f = new OtherSpecs_MixedFloatNet(7);
    Rng rng = new Rng(4);
    double[][] x = GradientCheckTest.inputs(rng, N, 6);
    for (int i = 0; i < N; i++) {
      for (int j = 0; j < 6; j++) {
        x[i][j] *= i < N / 2 ? 1e-6 : 1;
      }
    }
    f.forward(x, N);
    Tensor in = f.activations().get(0);
    Tensor out = f.activations().get(1);
    Tensor w = BatchNormFoldingTest.tensor(f.params(), Tensor.Role.WEIGHT, 2);
    Tensor b = BatchNormFoldingTest.tensor(f.params(), Tensor.Role.BIAS, 2);
    int negative = 0;
    for (int i = 0; i < N; i++) {
      for (int j = 0; j < out.cols(); j++) {
        double z = b.get(0, j);
        double scale = Math.abs(z);
        for (int m = 0; m < in.cols(); m++) {
          z += in.get(i, m) * w.get(m, j);
          scale += Math.abs(in.get(i, m) * w.get(m, j));
        }
        double want = z > 0 ? z : Math.expm1(z);
        negative += z < 0 ? 1 : 0;
        // the float product's own rounding: a few float ulps of the terms' magnitude
        assertEquals(want, out.get(i, j), 1e-6 * scale, "h[" + i + "][" + j + "]");
      }
    }
    assertTrue(negative > 10, "some inputs on the exponential side");
  }

  static void agree(Model f, Model d, int n) {
    f.setL2(1e-3);
    d.setL2(1e-3);
    int classes = d.outputs();
    Rng rng = new Rng(3);
    double[][] x = GradientCheckTest.inputs(rng, n, d.inputs());
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = rng.nextInt(classes);
    }
    for (int step = 0; step < 20; step++) {
      f.forward(x, n);
      d.forward(x, n);
      double lf = f.loss(y, n);
      double ld = d.loss(y, n);
      assertEquals(ld, lf, 1e-5 * Math.max(1, Math.abs(ld)), "loss at step " + step);
      f.backward();
      d.backward();
      f.sgdStep(0.1);
      d.sgdStep(0.1);
    }
    f.forward(x, n);
    d.forward(x, n);
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < classes; c++) {
        assertEquals(d.score(i, c), f.score(i, c), 1e-4 * Math.max(1, Math.abs(d.score(i, c))));
      }
    }
    List<Tensor> fp = f.params();
    List<Tensor> dp = d.params();
    for (int p = 0; p < fp.size(); p++) {
      double[] a = fp.get(p).toArray();
      double[] b = dp.get(p).toArray();
      for (int i = 0; i < a.length; i++) {
        assertEquals(b[i], a[i], 1e-4 * Math.max(1, Math.abs(b[i])), fp.get(p).name());
      }
    }
  }

  @Test
  void oneSeedGivesIdenticalWeightsAnotherDoesNot() {
    Model a = new OtherSpecs_InitsNet(99);
    Model b = new OtherSpecs_InitsNet(99);
    Model c = new OtherSpecs_InitsNet(100);
    boolean anyDifferent = false;
    for (int p = 0; p < a.params().size(); p++) {
      double[] wa = a.params().get(p).toArray();
      assertArrayEquals(wa, b.params().get(p).toArray(), 0.0, a.params().get(p).name());
      anyDifferent |= !Arrays.equals(wa, c.params().get(p).toArray());
    }
    assertEquals(true, anyDifferent, "a different seed must change some weights");
  }

  @Test
  void twoTrainingRunsWithOneSeedAreBitIdentical() {
    assertArrayEquals(trainedWeights(5), trainedWeights(5));
    assertFalse(Arrays.equals(trainedWeights(5), trainedWeights(6)));
  }

  private static double[] trainedWeights(long seed) {
    Model net = new OtherSpecs_MixedFloatNet(seed);
    double[][] x = GradientCheckTest.inputs(new Rng(1), N, 6);
    int[] y = new int[N];
    for (int step = 0; step < 10; step++) {
      net.forward(x, N);
      net.loss(y, N);
      net.backward();
      net.sgdStep(0.05);
    }
    return net.params().get(0).toArray();
  }

  @Test
  void copyPredictsTheSameAndIsIndependent() {
    Model net = new OtherSpecs_MixedFloatNet(8);
    double[][] x = GradientCheckTest.inputs(new Rng(2), N, 6);
    net.forward(x, N);
    Model copy = net.copy();
    copy.forward(x, N);
    for (int i = 0; i < N; i++) {
      assertEquals(net.score(i, 0), copy.score(i, 0));
    }
    copy.params().get(0).set(0, 0, 42);
    assertFalse(net.params().get(0).get(0, 0) == 42, "the copy has its own arrays");
    assertThrows(IllegalArgumentException.class,
        () -> net.copyFrom(new OtherSpecs_MixedDoubleNet(1)));
  }
}
