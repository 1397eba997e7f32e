package quickstart;

import dev.unroll.train.Predictor;
import java.nio.file.Path;

/** Usage: Predict model.ck feature1 feature2 ... (one new row, as in the CSV file). */
public final class Predict {
  public static void main(String[] args) throws Exception {
    // The weights and the training split's statistics, applied to the raw row.
    Predictor predictor = Predictor.load(Path.of(args[0]), new IrisNet(0));
    float[] row = new float[args.length - 1];
    for (int i = 0; i < row.length; i++) {
      row[i] = Float.parseFloat(args[i + 1]);
    }
    System.out.println("class " + predictor.predict(row));
  }
}
