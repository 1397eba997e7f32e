package dev.unroll.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unroll.runtime.Model;
import dev.unroll.train.optim.Optimizers;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {
  private final Problems data = Problems.blobs(150, 4, 3, 2.5, 4);

  @Test
  void theConfusionMatrixCountsEveryRowByTrueAndPredictedClass() {
    Model net = new TestNet(TestNet.Config.of(4, 8, 3).maxBatch(32), 1);
    new Trainer().epochs(3).batchSize(16).optimizer(Optimizers.momentum(0.9)).learningRate(0.02)
        .fit(net, data.x, data.y);
    Evaluation e = Evaluation.of(net, data.x, data.y);
    // the same counts, one row at a time
    long[][] expected = new long[3][3];
    net.setTraining(false);
    for (int i = 0; i < data.x.length; i++) {
      net.forward(new float[][] {data.x[i]}, 1);
      expected[data.y[i]][net.predict(0)]++;
    }
    long correct = 0;
    for (int t = 0; t < 3; t++) {
      for (int p = 0; p < 3; p++) {
        assertEquals(expected[t][p], e.confusion(t, p), t + "," + p);
      }
      correct += expected[t][t];
      long col = expected[0][t] + expected[1][t] + expected[2][t];
      long row = expected[t][0] + expected[t][1] + expected[t][2];
      assertEquals(col == 0 ? Double.NaN : (double) expected[t][t] / col, e.precision(t));
      assertEquals(row == 0 ? Double.NaN : (double) expected[t][t] / row, e.recall(t));
    }
    assertEquals(150, e.count());
    assertEquals(correct, e.correct());
    assertEquals((double) correct / 150, e.accuracy());
    assertTrue(e.accuracy() > 0.5 && e.accuracy() < 1, e.toString());
  }

  @Test
  void theTableNamesClassesAndShowsRecallAndPrecision() {
    // An untrained net with zero weights predicts class 0 for every row: precision of the others
    // is undefined.
    Model net = new TestNet(TestNet.Config.of(4, 8, 3).initScale(0), 1);
    Evaluation e = Evaluation.of(net, data.x, data.y);
    String table = e.table(List.of("setosa", "versicolor", "virginica"));
    String[] lines = table.split("\n");
    assertTrue(lines[0].startsWith("accuracy 33.3% (50 of 150)"), table);
    assertTrue(lines[2].matches(" +setosa +versicolor +virginica +recall"), table);
    assertTrue(lines[3].matches("setosa +50 +0 +0 +100\\.0%"), table);
    assertTrue(lines[4].matches("versicolor +50 +0 +0 +0\\.0%"), table);
    assertTrue(lines[6].matches("precision +33\\.3% +n/a +n/a"), table);
    assertTrue(e.table(List.of()).split("\n")[2].matches(" +0 +1 +2 +recall"), table);
  }
}
