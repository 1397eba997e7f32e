package dev.unroll.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unroll.runtime.Model;
import dev.unroll.runtime.Rng;
import dev.unroll.runtime.Tensor;
import java.util.List;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The columnar step (vector backend, a direct layer into a few-class softmax head, compiled with
 * the Vector API readable) against the row-layout step of the same spec on the plain backend:
 * same loss, gradients, scores and predictions, and the rows of {@code activations()}, which the
 * columnar network writes only when asked, equal the plain network's. Batches of 37, then 5 (the
 * padding lanes of the first batch are stale), then the largest.
 */
class ColumnarTest {
  /** Summation order differs (lanes, then across them); in double that is far below this. */
  private static final double TOLERANCE = 1e-12;

  static Stream<Arguments> twins() {
    return Stream.of(
        Arguments.of("HeadReluSoftmax",
            (LongFunction<Model>) OtherSpecs_VectorHeadReluSoftmaxNet::new,
            (LongFunction<Model>) OtherSpecs_HeadReluSoftmaxNet::new),
        Arguments.of("ColumnarWide", (LongFunction<Model>) OtherSpecs_VectorColumnarWideNet::new,
            (LongFunction<Model>) OtherSpecs_ColumnarWidePlainNet::new),
        Arguments.of("ColumnarNarrow",
            (LongFunction<Model>) OtherSpecs_VectorColumnarNarrowNet::new,
            (LongFunction<Model>) OtherSpecs_ColumnarNarrowPlainNet::new));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("twins")
  void columnarStepMatchesTheRowStep(String name, LongFunction<Model> columnar,
      LongFunction<Model> rows) {
    Model col = columnar.apply(5);
    Model row = rows.apply(5);
    copy(row.params(), col.params());
    col.setL2(0.01);
    row.setL2(0.01);
    Rng rng = new Rng(name.hashCode());
    for (int n : new int[] {37, 5, col.maxBatch()}) {
      double[][] x = GradientCheckTest.inputs(rng, n, col.inputs());
      int[] y = new int[n];
      for (int i = 0; i < n; i++) {
        y[i] = rng.nextInt(col.outputs());
      }
      String at = name + ", batch " + n;
      col.forward(x, n);
      row.forward(x, n);
      for (int i = 0; i < n; i++) {
        assertEquals(row.predict(i), col.predict(i), at + ": prediction " + i);
        for (int c = 0; c < col.outputs(); c++) {
          assertEquals(row.score(i, c), col.score(i, c), TOLERANCE, at + ": score " + i);
        }
      }
      assertEquals(row.loss(y, n), col.loss(y, n), TOLERANCE, at + ": loss");
      col.backward();
      row.backward();
      same(row.params(), col.params(), n, TOLERANCE, at + ", parameter");
      // the next step changes W2, which the hidden gradient rows were formed with
      col.sgdStep(0.5);
      row.sgdStep(0.5);
      assertSame(col.activations(), col.activations(), "one list, rows written in place");
      same(row.activations(), col.activations(), n, TOLERANCE, at + ", activation");
    }
  }

  static Stream<Arguments> reluNets() {
    return Stream.of(
        Arguments.of("float", (LongFunction<Model>) OtherSpecs_VectorHeadReluFloatNet::new),
        Arguments.of("double", (LongFunction<Model>) OtherSpecs_VectorColumnarWideNet::new));
  }

  /**
   * The columnar forward's ReLU works on the lanes' bits; it must give Math.max(u, 0) exactly:
   * negatives, -0 and -inf to +0, positives and +inf unchanged, NaNs of either sign kept, so a
   * NaN input makes the loss NaN as on the row layout. With W1's first row 1, its other rows 0
   * and the bias -0, every unit's pre-activation is the first input, bit for bit.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("reluNets")
  void reluOnBitsKeepsMathMaxRules(String precision, LongFunction<Model> make) {
    boolean single = precision.equals("float");
    double[] firsts = {-3, 2.5, -0.0, 0.0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
        single ? Float.MIN_VALUE : Double.MIN_VALUE, single ? -Float.MIN_VALUE : -Double.MIN_VALUE,
        Double.NaN, Double.longBitsToDouble(0xFFF8000000000000L),
        Double.longBitsToDouble(0xFFF0000000000001L), Double.longBitsToDouble(0x7FF0000000000001L)};
    Model net = make.apply(3);
    setUpPassThrough(net);
    int n = firsts.length;
    double[][] x = new double[n][net.inputs()];
    for (int i = 0; i < n; i++) {
      java.util.Arrays.fill(x[i], -1);
      x[i][0] = firsts[i];
    }
    net.forward(x, n);
    Tensor h = net.activations().get(0);
    for (int i = 0; i < n; i++) {
      double want = single ? Math.max((float) firsts[i], 0f) : Math.max(firsts[i], 0);
      for (int j = 0; j < h.cols(); j++) {
        double got = h.get(i, j);
        String at = precision + ", input " + Long.toHexString(Double.doubleToRawLongBits(
            firsts[i])) + ", unit " + j;
        if (Double.isNaN(want)) {
          assertTrue(Double.isNaN(got), at + ": " + got);
        } else {
          assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(got), at);
        }
      }
    }
    // one sample at a time: finite ones give a finite loss, NaNs of either sign a NaN loss
    for (int i = 0; i < n; i++) {
      if (Double.isInfinite(firsts[i])) {
        continue;
      }
      net.forward(new double[][] {x[i]}, 1);
      double loss = net.loss(new int[1], 1);
      boolean nan = Double.isNaN(firsts[i]);
      assertEquals(nan, Double.isNaN(loss), precision + ", sample " + i + ": loss " + loss);
    }
  }

  private static void setUpPassThrough(Model net) {
    List<Tensor> p = net.params();
    Tensor w1 = p.get(0);
    Tensor b1 = p.get(1);
    for (int r = 0; r < w1.rows(); r++) {
      for (int c = 0; c < w1.cols(); c++) {
        w1.set(r, c, r == 0 ? 1 : 0);
      }
    }
    for (int c = 0; c < b1.cols(); c++) {
      b1.set(0, c, -0.0);
    }
    net.parametersChanged();
  }

  private static void copy(List<Tensor> from, List<Tensor> to) {
    for (int t = 0; t < from.size(); t++) {
      for (int i = 0; i < from.get(t).size(); i++) {
        to.get(t).set(i, from.get(t).get(i));
      }
    }
  }

  /** Values and gradients of each tensor; activations over the batch's rows only. */
  static void same(List<Tensor> want, List<Tensor> got, int n, double tolerance, String what) {
    assertEquals(want.size(), got.size(), what + "s");
    for (int t = 0; t < want.size(); t++) {
      Tensor a = want.get(t);
      Tensor b = got.get(t);
      int rows = a.role() == Tensor.Role.ACTIVATION ? n : a.rows();
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < a.cols(); c++) {
          String at = what + " " + a.name() + "[" + r + "][" + c + "]";
          assertEquals(a.get(r, c), b.get(r, c), tolerance, at);
          assertEquals(a.grad(r, c), b.grad(r, c), tolerance, at + " gradient");
        }
      }
    }
  }
}
