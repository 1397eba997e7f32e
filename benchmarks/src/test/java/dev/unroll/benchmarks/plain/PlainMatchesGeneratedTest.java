package dev.unroll.benchmarks.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unroll.benchmarks.Workload;
import dev.unroll.runtime.Model;
import dev.unroll.runtime.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The plain reference does the same computation as the generated network: with the generated
 * network's weights copied in, both give the same loss and the same first-layer weight gradient
 * (the one every later layer's backward feeds), so the benchmark compares like with like.
 */
class PlainMatchesGeneratedTest {
  @ParameterizedTest
  @CsvSource({"W1, false", "W2, false", "W2n, false", "W2, true", "W2n, true"})
  void sameLossAndGradients(Workload w, boolean vector) {
    Model net = w.unrollNet(vector);
    PlainNet plain = new PlainNet(w, 1);
    copyWeights(net, plain);
    float[][] x = w.inputBatches()[0];
    int[] y = w.labelBatches()[0];
    int n = w.batch();

    net.forward(x, n);
    double unrollLoss = net.loss(y, n);
    plain.forward(PlainNet.flatten(x, n), n);
    double plainLoss = plain.loss(y, n);
    assertEquals(unrollLoss, plainLoss, 1e-4 * Math.max(1, Math.abs(unrollLoss)));

    net.backward();
    plain.backward();
    float[][] expected = tensor(net, "layer1.W").floatGrads();
    Dense first = (Dense) plain.layers().get(0);
    double worst = 0;
    double scale = 1e-12;
    for (int k = 0; k < first.in; k++) {
      for (int j = 0; j < first.out; j++) {
        worst = Math.max(worst, Math.abs(expected[k][j] - first.dw[k * first.out + j]));
        scale = Math.max(scale, Math.abs(expected[k][j]));
      }
    }
    assertTrue(worst <= 1e-3 * scale, w + ": dW1 differs by " + worst + " (largest " + scale + ")");
  }

  private static void copyWeights(Model net, PlainNet plain) {
    int layer = 0;
    for (Layer l : plain.layers()) {
      if (l instanceof Dense) {
        layer++;
        Dense d = (Dense) l;
        float[][] w = tensor(net, "layer" + layer + ".W").floats();
        for (int k = 0; k < d.in; k++) {
          System.arraycopy(w[k], 0, d.w, k * d.out, d.out);
        }
        Tensor b = find(net, "layer" + layer + ".b");
        // With batch norm the generated layer has no bias (beta replaces it); the plain one keeps
        // its zero bias, whose effect batch norm cancels.
        java.util.Arrays.fill(d.b, 0f);
        if (b != null) {
          System.arraycopy(b.floats()[0], 0, d.b, 0, d.out);
        }
      } else if (l instanceof BatchNorm) {
        BatchNorm bn = (BatchNorm) l;
        System.arraycopy(tensor(net, "layer" + layer + ".gamma").floats()[0], 0, bn.gamma, 0,
            bn.gamma.length);
        System.arraycopy(tensor(net, "layer" + layer + ".beta").floats()[0], 0, bn.beta, 0,
            bn.beta.length);
      }
    }
  }

  private static Tensor tensor(Model net, String name) {
    Tensor t = find(net, name);
    if (t == null) {
      throw new AssertionError("no tensor " + name + " in " + net.params());
    }
    return t;
  }

  private static Tensor find(Model net, String name) {
    for (Tensor t : net.params()) {
      if (t.name().equals(name)) {
        return t;
      }
    }
    return null;
  }
}
