package dev.unroll.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.unroll.runtime.Model;
import dev.unroll.runtime.Rng;
import dev.unroll.runtime.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Evaluation with batch norm folded into the weights ({@code W' = W gamma / sqrt(var + eps)},
 * {@code b' = beta - mean gamma / sqrt(var + eps)}) gives the scores of the unfolded formula
 * {@code gamma (x W - mean) / sqrt(var + eps) + beta}, computed here from the tensors, and every
 * way the parameters can change makes the next evaluation fold again.
 */
class BatchNormFoldingTest {
  private static final int N = 10;
  private static final double EPS = 1e-5;
  private final Rng rng = new Rng(21);
  private final double[][] x = GradientCheckTest.inputs(rng, N, 6);
  private final int[] y = {0, 1, 2, 3, 4, 0, 1, 2, 3, 4};

  @Test
  void foldedEvaluationMatchesTheUnfoldedFormula() {
    Model net = trained(new OtherSpecs_MixedDoubleNet(3));
    net.setTraining(false);
    assertScoresMatchReference(net, "after training");
  }

  @Test
  void everyChangeOfTheParametersIsFoldedAgain() {
    Model net = trained(new OtherSpecs_MixedDoubleNet(4));
    net.setTraining(false);
    double[] before = scores(net);

    // an SGD step taken in evaluation mode
    net.loss(y, N);
    net.backward();
    net.sgdStep(0.5);
    assertScoresMatchReference(net, "after sgdStep");

    // a write through the tensor arrays, announced
    Tensor gamma = tensor(net.params(), Tensor.Role.GAMMA, 1);
    gamma.set(0, 0, gamma.get(0, 0) * 3 + 0.5);
    net.parametersChanged();
    assertScoresMatchReference(net, "after parametersChanged");
    Tensor mean = tensor(net.buffers(), Tensor.Role.RUNNING_MEAN, 1);
    mean.set(0, 1, mean.get(0, 1) + 2);
    net.parametersChanged();
    assertScoresMatchReference(net, "after a running mean changed");

    // copyFrom another network, and initialize
    Model other = trained(new OtherSpecs_MixedDoubleNet(5));
    net.copyFrom(other);
    net.setTraining(false);
    assertScoresMatchReference(net, "after copyFrom");
    net.initialize(9);
    assertScoresMatchReference(net, "after initialize");
    assertNotEquals(before[0], scores(net)[0]);

    // training passes move the running averages
    net.setTraining(true);
    net.forward(x, N);
    net.setTraining(false);
    assertScoresMatchReference(net, "after a training pass");
  }

  /**
   * On the vector backend, evaluating 1 to 3 samples streams a flat copy of the weights (of the
   * folded ones with batch norm), prepared with the folding: it gives the scores those samples
   * get in a larger batch, after a step and after an outside write.
   */
  @Test
  void smallEvaluationBatchesReadTheCurrentWeights() {
    for (Model net : List.of(new VectorGradSpecs_ReluBnSoftmaxNet(6),
        new OtherSpecs_ParallelVectorDoubleNet(6))) {
      int nb = Math.min(N, net.maxBatch());
      double[][] in = GradientCheckTest.inputs(rng, nb, net.inputs());
      int[] labels = new int[nb];
      for (int step = 0; step < 3; step++) {
        net.forward(in, nb);
        net.loss(labels, nb);
        net.backward();
        net.sgdStep(0.1);
      }
      net.setTraining(false);
      assertSmallBatchesMatch(net, in, "after training");
      net.forward(in, nb);
      net.loss(labels, nb);
      net.backward();
      net.sgdStep(0.1);
      assertSmallBatchesMatch(net, in, "after an SGD step");
      Tensor w = tensor(net.params(), Tensor.Role.WEIGHT, 2);
      w.set(1, 2, w.get(1, 2) + 0.5);
      net.parametersChanged();
      assertSmallBatchesMatch(net, in, "after a write and parametersChanged()");
    }
  }

  private static void assertSmallBatchesMatch(Model net, double[][] in, String when) {
    net.forward(in, in.length);
    double[][] want = new double[3][net.outputs()];
    for (int i = 0; i < 3; i++) {
      for (int c = 0; c < net.outputs(); c++) {
        want[i][c] = net.score(i, c);
      }
    }
    for (int n = 1; n <= 3; n++) {
      net.forward(java.util.Arrays.copyOf(in, n), n);
      for (int i = 0; i < n; i++) {
        for (int c = 0; c < net.outputs(); c++) {
          assertEquals(want[i][c], net.score(i, c), 1e-12,
              net + " " + when + ", batch " + n + ", score " + i + "," + c);
        }
      }
    }
  }

  private Model trained(Model net) {
    for (int step = 0; step < 5; step++) {
      net.forward(x, N);
      net.loss(y, N);
      net.backward();
      net.sgdStep(0.1);
    }
    return net;
  }

  private void assertScoresMatchReference(Model net, String when) {
    double[] got = scores(net);
    double[] want = reference(net);
    for (int i = 0; i < got.length; i++) {
      assertEquals(want[i], got[i], 1e-12 * Math.max(1, Math.abs(want[i])), when + ", score " + i);
    }
  }

  private double[] scores(Model net) {
    net.forward(x, N);
    int c = net.outputs();
    double[] out = new double[N * c];
    for (int i = 0; i < N; i++) {
      for (int j = 0; j < c; j++) {
        out[i * c + j] = net.score(i, j);
      }
    }
    return out;
  }

  /** The evaluation forward pass written plainly from the tensors: product, batch norm, f. */
  private double[] reference(Model net) {
    double[][] a = x;
    for (int k = 1; k <= net.layers(); k++) {
      Tensor w = tensor(net.params(), Tensor.Role.WEIGHT, k);
      Tensor b = find(net.params(), Tensor.Role.BIAS, k);
      Tensor gamma = find(net.params(), Tensor.Role.GAMMA, k);
      double[][] z = new double[N][w.cols()];
      for (int i = 0; i < N; i++) {
        for (int j = 0; j < w.cols(); j++) {
          double s = b == null ? 0 : b.get(0, j);
          for (int m = 0; m < w.rows(); m++) {
            s += a[i][m] * w.get(m, j);
          }
          if (gamma != null) {
            Tensor beta = tensor(net.params(), Tensor.Role.BETA, k);
            Tensor mean = tensor(net.buffers(), Tensor.Role.RUNNING_MEAN, k);
            Tensor var = tensor(net.buffers(), Tensor.Role.RUNNING_VAR, k);
            s = gamma.get(0, j) * (s - mean.get(0, j)) / Math.sqrt(var.get(0, j) + EPS)
                + beta.get(0, j);
          }
          z[i][j] = switch (net.activation(k)) {
            case IDENTITY -> s;
            case TANH -> Math.tanh(s);
            case ELU -> s > 0 ? s : Math.expm1(s);
            default -> throw new IllegalStateException("no reference for " + net.activation(k));
          };
        }
      }
      a = z;
    }
    double[] out = new double[N * a[0].length];
    for (int i = 0; i < N; i++) {
      System.arraycopy(a[i], 0, out, i * a[0].length, a[0].length);
    }
    return out;
  }

  /** The tensor of {@code role} in {@code layer}; fails the test when there is none. */
  static Tensor tensor(List<Tensor> list, Tensor.Role role, int layer) {
    Tensor t = find(list, role, layer);
    if (t == null) {
      throw new AssertionError("no " + role + " in layer " + layer);
    }
    return t;
  }

  private static Tensor find(List<Tensor> list, Tensor.Role role, int layer) {
    for (Tensor t : list) {
      if (t.role() == role && t.layer() == layer) {
        return t;
      }
    }
    return null;
  }
}
