package dev.unroll.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

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
      same(row.params(), col.params(), n, at + ", parameter");
      // the next step changes W2, which the hidden gradient rows were formed with
      col.sgdStep(0.5);
      row.sgdStep(0.5);
      assertSame(col.activations(), col.activations(), "one list, rows written in place");
      same(row.activations(), col.activations(), n, at + ", activation");
    }
  }

  private static void copy(List<Tensor> from, List<Tensor> to) {
    for (int t = 0; t < from.size(); t++) {
      for (int i = 0; i < from.get(t).size(); i++) {
        to.get(t).set(i, from.get(t).get(i));
      }
    }
  }

  /** Values and gradients of each tensor; activations over the batch's rows only. */
  private static void same(List<Tensor> want, List<Tensor> got, int n, String what) {
    assertEquals(want.size(), got.size(), what + "s");
    for (int t = 0; t < want.size(); t++) {
      Tensor a = want.get(t);
      Tensor b = got.get(t);
      int rows = a.role() == Tensor.Role.ACTIVATION ? n : a.rows();
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < a.cols(); c++) {
          String at = what + " " + a.name() + "[" + r + "][" + c + "]";
          assertEquals(a.get(r, c), b.get(r, c), TOLERANCE, at);
          assertEquals(a.grad(r, c), b.grad(r, c), TOLERANCE, at + " gradient");
        }
      }
    }
  }
}
