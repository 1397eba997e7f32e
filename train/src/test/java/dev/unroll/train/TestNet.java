package dev.unroll.train;

import dev.unroll.runtime.Model;
import dev.unroll.runtime.Rng;
import dev.unroll.runtime.Tensor;
import dev.unroll.runtime.Tensor.Role;
import dev.unroll.spec.Activation;
import dev.unroll.spec.Loss;
import dev.unroll.spec.Precision;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A hand-written {@link Model} for the tests, standing in for a generated network: inputs -> an
 * optional hidden layer (ReLU, tanh, sigmoid or identity) -> class scores, softmax or SVM loss, in
 * either precision. Arithmetic goes through {@link Tensor#get}/{@link Tensor#set}, slow but the
 * same code for both precisions. A running mean of the hidden layer stands in for batch-norm
 * buffers.
 *
 * <p>Two switches break it on purpose, for the sanity checks' failure tests: {@code ignoreL2}
 * (setL2 has no effect on the loss) and {@code zeroGrads} (backward writes zeros).
 */
final class TestNet implements Model {
  /** What to build. {@code hidden == 0} means a linear classifier. */
  record Config(int inputs, int hidden, int classes, Activation activation, Loss loss,
      Precision precision, int maxBatch, double initScale, boolean ignoreL2, boolean zeroGrads) {
    static Config of(int inputs, int hidden, int classes) {
      return new Config(inputs, hidden, classes, Activation.RELU, Loss.SOFTMAX, Precision.FLOAT,
          64, Double.NaN, false, false);
    }

    Config precision(Precision p) {
      return new Config(inputs, hidden, classes, activation, loss, p, maxBatch, initScale,
          ignoreL2, zeroGrads);
    }

    Config loss(Loss l) {
      return new Config(inputs, hidden, classes, activation, l, precision, maxBatch, initScale,
          ignoreL2, zeroGrads);
    }

    Config activation(Activation a) {
      return new Config(inputs, hidden, classes, a, loss, precision, maxBatch, initScale, ignoreL2,
          zeroGrads);
    }

    Config maxBatch(int m) {
      return new Config(inputs, hidden, classes, activation, loss, precision, m, initScale,
          ignoreL2, zeroGrads);
    }

    Config initScale(double s) {
      return new Config(inputs, hidden, classes, activation, loss, precision, maxBatch, s,
          ignoreL2, zeroGrads);
    }

    Config broken(boolean noL2, boolean noGrads) {
      return new Config(inputs, hidden, classes, activation, loss, precision, maxBatch, initScale,
          noL2, noGrads);
    }
  }

  private final Config c;
  private final List<Tensor> params = new ArrayList<>();
  private final List<Tensor> buffers = new ArrayList<>();
  private final List<Tensor> acts = new ArrayList<>();
  private final Tensor w1;
  private final Tensor b1;
  private final Tensor w2;
  private final Tensor b2;
  private final Tensor runningMean;
  private final Tensor h;
  private final Tensor s;
  private final double[][] x;
  private final double[][] dscores;
  private final double[][] z;
  private boolean training = true;
  private double l2;
  private int n;
  private double dataLoss;
  private double regLoss;

  TestNet(Config c, long seed) {
    this.c = c;
    int firstOut = c.hidden > 0 ? c.hidden : c.classes;
    w1 = tensor("layer1.W", Role.WEIGHT, 1, c.inputs, firstOut, true);
    b1 = tensor("layer1.b", Role.BIAS, 1, 1, firstOut, true);
    params.add(w1);
    params.add(b1);
    if (c.hidden > 0) {
      w2 = tensor("layer2.W", Role.WEIGHT, 2, c.hidden, c.classes, true);
      b2 = tensor("layer2.b", Role.BIAS, 2, 1, c.classes, true);
      params.add(w2);
      params.add(b2);
      h = tensor("layer1.out", Role.ACTIVATION, 1, c.maxBatch, c.hidden, true);
      runningMean = tensor("layer1.running_mean", Role.RUNNING_MEAN, 1, 1, c.hidden, false);
      buffers.add(runningMean);
      acts.add(h);
    } else {
      w2 = null;
      b2 = null;
      h = null;
      runningMean = null;
    }
    s = tensor("layer" + (c.hidden > 0 ? 2 : 1) + ".out", Role.ACTIVATION, c.hidden > 0 ? 2 : 1,
        c.maxBatch, c.classes, true);
    acts.add(s);
    x = new double[c.maxBatch][c.inputs];
    dscores = new double[c.maxBatch][c.classes];
    z = new double[c.maxBatch][Math.max(1, c.hidden)];
    initialize(seed);
  }

  private Tensor tensor(String name, Role role, int layer, int rows, int cols, boolean grad) {
    if (c.precision == Precision.FLOAT) {
      float[][] g = grad ? new float[rows][cols] : null;
      return Tensor.of(name, role, layer, new float[rows][cols], g);
    }
    double[][] g = grad ? new double[rows][cols] : null;
    return Tensor.of(name, role, layer, new double[rows][cols], g);
  }

  @Override
  public String specName() {
    return "dev.unroll.train.TestNet";
  }

  @Override
  public String architecture() {
    return "inputs=" + c.inputs + " hidden=" + c.hidden + "/" + c.activation + " classes="
        + c.classes + " loss=" + c.loss + " precision=" + c.precision;
  }

  @Override
  public String fingerprint() {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(architecture().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public int inputs() {
    return c.inputs;
  }

  @Override
  public int outputs() {
    return c.classes;
  }

  @Override
  public int maxBatch() {
    return c.maxBatch;
  }

  @Override
  public int layers() {
    return c.hidden > 0 ? 2 : 1;
  }

  @Override
  public void setThreads(int threads) {
    if (threads != 1) {
      throw new UnsupportedOperationException("the test network runs on one thread");
    }
  }

  @Override
  public int threads() {
    return 1;
  }

  @Override
  public Activation activation(int layer) {
    java.util.Objects.checkIndex(layer - 1, layers());
    return layer < layers() ? c.activation : Activation.IDENTITY;
  }

  @Override
  public int units(int layer) {
    java.util.Objects.checkIndex(layer - 1, layers());
    return layer < layers() ? c.hidden : c.classes;
  }

  @Override
  public Precision precision() {
    return c.precision;
  }

  @Override
  public Loss loss() {
    return c.loss;
  }

  @Override
  public List<Tensor> params() {
    return params;
  }

  @Override
  public List<Tensor> buffers() {
    return buffers;
  }

  @Override
  public List<Tensor> activations() {
    return acts;
  }

  @Override
  public void setTraining(boolean training) {
    this.training = training;
  }

  @Override
  public boolean isTraining() {
    return training;
  }

  @Override
  public void setL2(double l2) {
    this.l2 = l2;
  }

  @Override
  public double l2() {
    return l2;
  }

  @Override
  public void forward(float[][] in, int n) {
    check(in, n);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < c.inputs; j++) {
        x[i][j] = in[i][j];
      }
    }
    forward(n);
  }

  @Override
  public void forward(double[][] in, int n) {
    check(in, n);
    for (int i = 0; i < n; i++) {
      System.arraycopy(in[i], 0, x[i], 0, c.inputs);
    }
    forward(n);
  }

  private void check(Object[] in, int n) {
    dev.unroll.runtime.Checks.batch(in, n, c.inputs, c.maxBatch);
  }

  private void forward(int n) {
    this.n = n;
    if (c.hidden > 0) {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < c.hidden; j++) {
          double v = b1.get(0, j);
          for (int k = 0; k < c.inputs; k++) {
            v += x[i][k] * w1.get(k, j);
          }
          z[i][j] = v;
          h.set(i, j, act(v));
        }
      }
      if (training) {
        for (int j = 0; j < c.hidden; j++) {
          double mean = 0;
          for (int i = 0; i < n; i++) {
            mean += h.get(i, j);
          }
          runningMean.set(0, j, 0.9 * runningMean.get(0, j) + 0.1 * mean / n);
        }
      }
      affine(n, h, c.hidden, w2, b2);
    } else {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < c.classes; j++) {
          double v = b1.get(0, j);
          for (int k = 0; k < c.inputs; k++) {
            v += x[i][k] * w1.get(k, j);
          }
          s.set(i, j, v);
        }
      }
    }
  }

  private void affine(int n, Tensor in, int width, Tensor w, Tensor b) {
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < c.classes; j++) {
        double v = b.get(0, j);
        for (int k = 0; k < width; k++) {
          v += in.get(i, k) * w.get(k, j);
        }
        s.set(i, j, v);
      }
    }
  }

  private double act(double v) {
    return switch (c.activation) {
      case RELU -> Math.max(0, v);
      case TANH -> Math.tanh(v);
      case SIGMOID -> 1 / (1 + Math.exp(-v));
      default -> v;
    };
  }

  private double actGrad(double zv, double hv) {
    return switch (c.activation) {
      case RELU -> zv > 0 ? 1 : 0;
      case TANH -> 1 - hv * hv;
      case SIGMOID -> hv * (1 - hv);
      default -> 1;
    };
  }

  @Override
  public int batchSize() {
    return n;
  }

  @Override
  public double score(int i, int cls) {
    return s.get(i, cls);
  }

  @Override
  public int predict(int i) {
    int best = 0;
    for (int j = 1; j < c.classes; j++) {
      if (s.get(i, j) > s.get(i, best)) {
        best = j;
      }
    }
    return best;
  }

  @Override
  public double loss(int[] labels, int n) {
    dev.unroll.runtime.Checks.labels(labels, n, c.classes, this.n);
    double total = 0;
    for (int i = 0; i < n; i++) {
      int y = labels[i];
      if (c.loss == Loss.SOFTMAX) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < c.classes; j++) {
          max = Math.max(max, s.get(i, j));
        }
        double sum = 0;
        for (int j = 0; j < c.classes; j++) {
          sum += Math.exp(s.get(i, j) - max);
        }
        total += -(s.get(i, y) - max) + Math.log(sum);
        for (int j = 0; j < c.classes; j++) {
          double p = Math.exp(s.get(i, j) - max) / sum;
          dscores[i][j] = (p - (j == y ? 1 : 0)) / n;
        }
      } else {
        double count = 0;
        for (int j = 0; j < c.classes; j++) {
          dscores[i][j] = 0;
          if (j == y) {
            continue;
          }
          double margin = s.get(i, j) - s.get(i, y) + 1;
          if (margin > 0) {
            total += margin;
            dscores[i][j] = 1.0 / n;
            count++;
          }
        }
        dscores[i][y] = -count / n;
      }
    }
    dataLoss = total / n;
    double sq = 0;
    for (Tensor t : params) {
      if (t.role() == Role.WEIGHT) {
        for (int i = 0; i < t.size(); i++) {
          sq += t.get(i) * t.get(i);
        }
      }
    }
    regLoss = c.ignoreL2 ? 0 : 0.5 * l2 * sq;
    return dataLoss + regLoss;
  }

  @Override
  public double dataLoss() {
    return dataLoss;
  }

  @Override
  public double regLoss() {
    return regLoss;
  }

  @Override
  public void backward() {
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < c.classes; j++) {
        setGrad(s, i, j, dscores[i][j]);
      }
    }
    double reg = c.ignoreL2 ? 0 : l2;
    if (c.hidden > 0) {
      weightGrad(w2, b2, h, c.hidden, dscores, c.classes, reg);
      // dh = dscores W2^T, then dz = dh * f'(z).
      double[][] dz = new double[n][c.hidden];
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < c.hidden; k++) {
          double v = 0;
          for (int j = 0; j < c.classes; j++) {
            v += dscores[i][j] * w2.get(k, j);
          }
          setGrad(h, i, k, v);
          dz[i][k] = v * actGrad(z[i][k], h.get(i, k));
        }
      }
      weightGrad(w1, b1, null, c.inputs, dz, c.hidden, reg);
    } else {
      weightGrad(w1, b1, null, c.inputs, dscores, c.classes, reg);
    }
    if (c.zeroGrads) {
      for (Tensor t : params) {
        for (int i = 0; i < t.rows(); i++) {
          for (int j = 0; j < t.cols(); j++) {
            setGrad(t, i, j, 0);
          }
        }
      }
    }
  }

  /** dW = in^T dout + l2 W, db = column sums of dout; {@code in == null} means the input x. */
  private void weightGrad(Tensor w, Tensor b, Tensor in, int width, double[][] dout, int outs,
      double reg) {
    for (int k = 0; k < width; k++) {
      for (int j = 0; j < outs; j++) {
        double v = reg * w.get(k, j);
        for (int i = 0; i < n; i++) {
          v += (in == null ? x[i][k] : in.get(i, k)) * dout[i][j];
        }
        setGrad(w, k, j, v);
      }
    }
    for (int j = 0; j < outs; j++) {
      double v = 0;
      for (int i = 0; i < n; i++) {
        v += dout[i][j];
      }
      setGrad(b, 0, j, v);
    }
  }

  private static void setGrad(Tensor t, int r, int col, double v) {
    if (t.floatGrads() != null) {
      t.floatGrads()[r][col] = (float) v;
    } else {
      t.doubleGrads()[r][col] = v;
    }
  }

  @Override
  public void sgdStep(double lr) {
    for (Tensor t : params) {
      for (int i = 0; i < t.size(); i++) {
        t.set(i, t.get(i) - lr * t.grad(i));
      }
    }
  }

  @Override
  public void initialize(long seed) {
    Rng rng = new Rng(seed);
    for (Tensor t : params) {
      double scale = Double.isNaN(c.initScale) ? 1 / Math.sqrt(t.rows()) : c.initScale;
      for (int i = 0; i < t.size(); i++) {
        t.set(i, t.role() == Role.WEIGHT ? scale * rng.gaussian() : 0);
      }
    }
    for (Tensor t : buffers) {
      for (int i = 0; i < t.size(); i++) {
        t.set(i, 0);
      }
    }
  }

  @Override
  public Model copy() {
    TestNet other = new TestNet(c, 0);
    other.copyFrom(this);
    return other;
  }

  @Override
  public void copyFrom(Model other) {
    TestNet o = (TestNet) other;
    for (int p = 0; p < params.size(); p++) {
      params.get(p).setAll(o.params.get(p).toArray());
    }
    for (int p = 0; p < buffers.size(); p++) {
      buffers.get(p).setAll(o.buffers.get(p).toArray());
    }
    training = o.training;
    l2 = o.l2;
  }
}
