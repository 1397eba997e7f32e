package dev.unroll.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.unroll.runtime.Model;
import dev.unroll.runtime.Rng;
import dev.unroll.runtime.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The generated forward pass against convolution and pooling written as the textbook's nested
 * loops over (filter, output row, output column, channel, ky, kx): the gradient checks prove the
 * backward pass matches the forward pass, this proves the forward pass is a convolution.
 */
class NaiveConvTest {
  /**
   * out[f][oy][ox] = b[f] + sum_{c,ky,kx} W[f][(c k + ky) k + kx] x[c][oy s + ky - p][ox s + kx
   * - p], the input zero outside.
   */
  static double[] conv(double[] x, int c, int h, int w, Tensor weights, Tensor bias, int k,
      int s, int p) {
    int filters = weights.rows();
    int oh = (h + 2 * p - k) / s + 1;
    int ow = (w + 2 * p - k) / s + 1;
    double[] out = new double[filters * oh * ow];
    for (int f = 0; f < filters; f++) {
      for (int oy = 0; oy < oh; oy++) {
        for (int ox = 0; ox < ow; ox++) {
          double sum = bias == null ? 0 : bias.get(0, f);
          for (int ch = 0; ch < c; ch++) {
            for (int ky = 0; ky < k; ky++) {
              for (int kx = 0; kx < k; kx++) {
                int y = oy * s + ky - p;
                int xx = ox * s + kx - p;
                if (y >= 0 && y < h && xx >= 0 && xx < w) {
                  sum += weights.get(f, (ch * k + ky) * k + kx) * x[(ch * h + y) * w + xx];
                }
              }
            }
          }
          out[(f * oh + oy) * ow + ox] = sum;
        }
      }
    }
    return out;
  }

  /** Max (or mean) of every k x k window moved by s. */
  static double[] pool(double[] x, int c, int h, int w, int k, int s, boolean max) {
    int oh = (h - k) / s + 1;
    int ow = (w - k) / s + 1;
    double[] out = new double[c * oh * ow];
    for (int ch = 0; ch < c; ch++) {
      for (int oy = 0; oy < oh; oy++) {
        for (int ox = 0; ox < ow; ox++) {
          double best = Double.NEGATIVE_INFINITY;
          double sum = 0;
          for (int ky = 0; ky < k; ky++) {
            for (int kx = 0; kx < k; kx++) {
              double v = x[(ch * h + oy * s + ky) * w + ox * s + kx];
              best = Math.max(best, v);
              sum += v;
            }
          }
          out[(ch * oh + oy) * ow + ox] = max ? best : sum / (k * k);
        }
      }
    }
    return out;
  }

  @Test
  void strideTwoNoPad() {
    checkFirstConv(new ConvGradSpecs_Stride2Pad0Net(3), 1, 7, 7, 3, 2, 0);
  }

  @Test
  void kernelOne() {
    checkFirstConv(new ConvGradSpecs_Kernel1Net(3), 3, 4, 4, 1, 1, 0);
  }

  @Test
  void kernelFivePadTwoOnANonSquareInput() {
    checkFirstConv(new ConvGradSpecs_Kernel5Pad2Net(3), 1, 6, 5, 5, 1, 2);
  }

  @Test
  void maxAndAveragePools() {
    Model net = new ConvGradSpecs_AvgPoolNet(4);
    double[][] x = GradientCheckTest.inputs(new Rng(9), 3, net.inputs());
    net.forward(x, 3);
    Tensor conv = net.activations().get(0);
    Tensor pooled = net.activations().get(1);
    for (int i = 0; i < 3; i++) {
      double[] want = pool(row(conv, i), 2, 6, 6, 2, 2, false);
      for (int j = 0; j < want.length; j++) {
        assertEquals(want[j], pooled.get(i, j), 1e-12, "avg pool " + i + "," + j);
      }
    }
    Model maxNet = new ConvGradSpecs_ConvTanhNet(4);
    double[][] x2 = GradientCheckTest.inputs(new Rng(9), 3, maxNet.inputs());
    maxNet.forward(x2, 3);
    for (int i = 0; i < 3; i++) {
      double[] want = pool(row(maxNet.activations().get(0), i), 3, 6, 6, 2, 2, true);
      for (int j = 0; j < want.length; j++) {
        assertEquals(want[j], maxNet.activations().get(1).get(i, j), 0, "max pool " + j);
      }
    }
  }

  /** Layer 1 (tanh, no batch norm) of {@code net} against tanh of the naive convolution. */
  private static void checkFirstConv(Model net, int c, int h, int w, int k, int s, int p) {
    int n = 4;
    double[][] x = GradientCheckTest.inputs(new Rng(8), n, net.inputs());
    net.forward(x, n);
    Tensor weights = BatchNormFoldingTest.tensor(net.params(), Tensor.Role.WEIGHT, 1);
    Tensor bias = BatchNormFoldingTest.tensor(net.params(), Tensor.Role.BIAS, 1);
    // a nonzero bias, so that its broadcast is checked too
    for (int f = 0; f < bias.cols(); f++) {
      bias.set(0, f, 0.1 * (f + 1));
    }
    net.parametersChanged();
    net.forward(x, n);
    Tensor out = net.activations().get(0);
    for (int i = 0; i < n; i++) {
      double[] z = conv(x[i], c, h, w, weights, bias, k, s, p);
      assertEquals(z.length, out.cols(), "output size");
      for (int j = 0; j < z.length; j++) {
        assertEquals(Math.tanh(z[j]), out.get(i, j), 1e-12, "sample " + i + " value " + j);
      }
    }
  }

  private static double[] row(Tensor t, int i) {
    double[] r = new double[t.cols()];
    for (int j = 0; j < r.length; j++) {
      r[j] = t.get(i, j);
    }
    return r;
  }
}
