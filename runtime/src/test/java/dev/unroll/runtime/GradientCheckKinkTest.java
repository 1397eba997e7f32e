package dev.unroll.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unroll.spec.Activation;
import dev.unroll.spec.Loss;
import dev.unroll.spec.Precision;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The gradient check on a hand-made model whose loss is known in closed form: a kink exactly at
 * the evaluation point is reported as a kink with its two slopes, a smooth entry with a wrong
 * gradient still as an error.
 */
class GradientCheckKinkTest {
  /**
   * loss = max(0, w0) + 0.1 * w0 + 0.5 * w1^2 + c * w2^2: a ReLU kink in w0, smooth in w1 and
   * w2. The analytic gradient takes ReLU'(0) = 0, as generated code does, and gets w2's wrong by
   * the factor {@code wrong} (1: right).
   */
  private static final class Kinked implements Model {
    private final double[][] w;
    private final double[][] g = new double[1][3];
    private final Tensor param;
    private final double wrong;

    Kinked(double w0, double wrong) {
      this.w = new double[][] {{w0, 0.7, -0.4}};
      this.wrong = wrong;
      this.param = Tensor.of("layer1.W", Tensor.Role.WEIGHT, 1, w, g);
    }

    @Override
    public void forward(double[][] x, int n) {}

    @Override
    public double loss(int[] labels, int n) {
      double[] p = w[0];
      return Math.max(0, p[0]) + 0.1 * p[0] + 0.5 * p[1] * p[1] + 1.5 * p[2] * p[2];
    }

    @Override
    public void backward() {
      double[] p = w[0];
      g[0][0] = (p[0] > 0 ? 1 : 0) + 0.1;
      g[0][1] = p[1];
      g[0][2] = 3 * p[2] * wrong;
    }

    @Override
    public List<Tensor> params() {
      return List.of(param);
    }

    @Override
    public Precision precision() {
      return Precision.DOUBLE;
    }

    @Override
    public String specName() {
      return "Kinked";
    }

    // the rest of the interface plays no part in a gradient check
    @Override
    public String architecture() {
      return "kinked";
    }

    @Override
    public String fingerprint() {
      return "0";
    }

    @Override
    public int inputs() {
      return 1;
    }

    @Override
    public int outputs() {
      return 1;
    }

    @Override
    public int maxBatch() {
      return 1;
    }

    @Override
    public int layers() {
      return 1;
    }

    @Override
    public Activation activation(int layer) {
      return Activation.RELU;
    }

    @Override
    public int units(int layer) {
      return 1;
    }

    @Override
    public Loss loss() {
      return Loss.SVM;
    }

    @Override
    public List<Tensor> buffers() {
      return List.of();
    }

    @Override
    public List<Tensor> activations() {
      return List.of();
    }

    @Override
    public void setThreads(int threads) {}

    @Override
    public int threads() {
      return 1;
    }

    @Override
    public void setTraining(boolean training) {}

    @Override
    public boolean isTraining() {
      return true;
    }

    @Override
    public void setL2(double l2) {}

    @Override
    public double l2() {
      return 0;
    }

    @Override
    public void forward(float[][] x, int n) {}

    @Override
    public int batchSize() {
      return 1;
    }

    @Override
    public double score(int i, int c) {
      return 0;
    }

    @Override
    public int predict(int i) {
      return 0;
    }

    @Override
    public double dataLoss() {
      return 0;
    }

    @Override
    public double regLoss() {
      return 0;
    }

    @Override
    public void sgdStep(double lr) {}

    @Override
    public void initialize(long seed) {}

    @Override
    public Model copy() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void copyFrom(Model other) {
      throw new UnsupportedOperationException();
    }
  }

  private static GradientCheck.Report check(Kinked model, GradientCheck check) {
    return check.run(model, new double[1][1], new int[1], 1);
  }

  @Test
  void aKinkAtTheEvaluationPointIsReportedWithBothSlopes() {
    for (GradientCheck check : List.of(GradientCheck.standard(),
        GradientCheck.of(1e-5, 1e-5, 1e-5, false))) {
      GradientCheck.Report report = check(new Kinked(0, 1), check);
      // w0 sits on the ReLU's kink: the centered difference gives 0.6 at every h, the analytic
      // gradient 0.1; before the one-sided test this was a relative error of 0.83
      assertEquals(1, report.kinks(), report::toString);
      assertEquals(1, report.onKinks().size(), report::toString);
      GradientCheck.Kink k = report.onKinks().get(0);
      assertEquals("layer1.W", k.param());
      assertEquals(0, k.col());
      assertEquals(0.1, k.left(), 1e-6);
      assertEquals(1.1, k.right(), 1e-6);
      assertEquals(0.1, k.analytic(), 1e-15);
      assertEquals(2, report.checked());
      assertTrue(report.maxRelError() < 1e-6, report::toString);
      assertTrue(report.toString().contains("layer1.W[0][0]: on a kink"), report::toString);
    }
  }

  @Test
  void awayFromTheKinkNothingIsLeftOut() {
    GradientCheck.Report report = check(new Kinked(0.3, 1), GradientCheck.standard());
    assertEquals(0, report.kinks(), report::toString);
    assertEquals(3, report.checked());
    assertTrue(report.maxRelError() < 1e-8, report::toString);
  }

  @Test
  void aWrongSmoothGradientIsStillAnError() {
    GradientCheck.Report report = check(new Kinked(0.3, 1.01), GradientCheck.standard());
    assertEquals(0, report.kinks(), report::toString);
    assertEquals(2, report.worst().col(), report::toString);
    assertEquals(0.01 / 1.01, report.maxRelError(), 1e-6);
  }
}
