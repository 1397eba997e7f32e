package dev.unroll.train;

import dev.unroll.data.prep.FittedPipeline;
import dev.unroll.data.prep.FittedStep;
import dev.unroll.runtime.Model;
import dev.unroll.train.checkpoint.Checkpoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Predictions for any number of rows: in batches of the network's {@code maxBatch}, in evaluation
 * mode, with the preprocessing the network was trained with applied to each raw row first.
 * Buffers are allocated once, here; the calls allocate nothing and write into the caller's arrays.
 *
 * <pre>{@code
 * // another JVM, later: the weights and the training split's statistics from one file
 * Predictor p = Predictor.load(Path.of("iris.ck"), new IrisNet(0));
 * int species = p.predict(new float[] {5.1f, 3.5f, 1.4f, 0.2f});
 * }</pre>
 *
 * <p>A predictor puts its network in evaluation mode and leaves it there (switching modes refolds
 * batch norm, which would cost more than a small batch). It is not thread-safe: it owns the
 * network's buffers while it runs.
 */
public final class Predictor {
  private final Model model;
  private final FittedStep preprocessing;
  private final float[][] batch;
  private final float[][] prepared;
  private final float[][] one = new float[1][];

  /** Predicts with {@code model} on rows that are already preprocessed (or need none). */
  public Predictor(Model model) {
    this(model, null);
  }

  /**
   * Predicts with {@code model}, applying {@code preprocessing} (null for none) to every row.
   *
   * @throws IllegalArgumentException when the preprocessing's output is not the network's input
   */
  public Predictor(Model model, FittedStep preprocessing) {
    if (preprocessing != null && preprocessing.outputSize() != model.inputs()) {
      throw new IllegalArgumentException("the preprocessing makes " + preprocessing.outputSize()
          + " features, " + model.specName() + " takes " + model.inputs());
    }
    this.model = model;
    this.preprocessing = preprocessing;
    this.batch = new float[model.maxBatch()][];
    this.prepared = preprocessing == null ? null
        : new float[model.maxBatch()][preprocessing.outputSize()];
  }

  /**
   * Loads a checkpoint saved by {@link Checkpoint#save(Path, Model,
   * dev.unroll.train.optim.Optimizer, FittedStep)} into {@code model} and returns a predictor that
   * applies the preprocessing saved with it (none when none was saved).
   *
   * @throws dev.unroll.train.checkpoint.CheckpointException when the file is not a checkpoint of
   *     this architecture
   * @throws dev.unroll.data.DataFileException when its preprocessing part is malformed
   */
  public static Predictor load(Path checkpoint, Model model) throws IOException {
    Checkpoint.Loaded loaded = Checkpoint.load(checkpoint, model);
    FittedStep prep = loaded.hasPreprocessing()
        ? FittedPipeline.fromTensorFile(loaded.preprocessing(), checkpoint) : null;
    return new Predictor(model, prep);
  }

  /** The network. */
  public Model model() {
    return model;
  }

  /** The preprocessing applied to every row, or null. */
  public FittedStep preprocessing() {
    return preprocessing;
  }

  /** Features each raw row must have: the preprocessing's input, else the network's. */
  public int features() {
    return preprocessing == null ? model.inputs() : preprocessing.inputSize();
  }

  /**
   * The predicted class of one raw row.
   *
   * @throws IllegalArgumentException when the row has the wrong number of features or a feature
   *     that is NaN or infinite
   */
  public int predict(float[] row) {
    one[0] = row;
    forward(one, 0, 1);
    one[0] = null;
    return model.predict(0);
  }

  /**
   * The predicted class of every row of {@code rows} into {@code out}.
   *
   * @throws IllegalArgumentException when {@code out} is shorter than {@code rows} or a row has
   *     the wrong number of features or a feature that is NaN or infinite
   */
  public void predict(float[][] rows, int[] out) {
    if (out.length < rows.length) {
      throw new IllegalArgumentException("out has " + out.length + " places for " + rows.length
          + " rows");
    }
    for (int start = 0; start < rows.length; start += batch.length) {
      int n = forward(rows, start, Math.min(batch.length, rows.length - start));
      for (int i = 0; i < n; i++) {
        out[start + i] = model.predict(i);
      }
    }
  }

  /**
   * The class scores of every row into {@code out[row][class]} (the last layer's outputs: the
   * softmax loss's logits or the SVM's scores).
   *
   * @throws IllegalArgumentException when {@code out} has too few rows or a row of {@code out} is
   *     not {@code outputs} long
   */
  public void scores(float[][] rows, float[][] out) {
    if (out.length < rows.length) {
      throw new IllegalArgumentException("out has " + out.length + " rows for " + rows.length);
    }
    int classes = model.outputs();
    for (int start = 0; start < rows.length; start += batch.length) {
      int n = forward(rows, start, Math.min(batch.length, rows.length - start));
      for (int i = 0; i < n; i++) {
        float[] o = out[start + i];
        if (o.length != classes) {
          throw new IllegalArgumentException("out row " + (start + i) + " has " + o.length
              + " places for " + classes + " scores");
        }
        for (int c = 0; c < classes; c++) {
          o[c] = (float) model.score(i, c);
        }
      }
    }
  }

  /**
   * A NaN or infinite feature would come out as a confident-looking class (argmax over NaN scores
   * is class 0), so it is refused by row and column, as {@link dev.unroll.data.Finite} does before
   * training. One subtraction per feature: noise beside the forward pass.
   */
  private static void requireFinite(float[] row, int index) {
    for (int j = 0; j < row.length; j++) {
      // NaN and the infinities are exactly the values whose x - x is NaN
      if (Float.isNaN(row[j] - row[j])) {
        throw new IllegalArgumentException("row " + index + ", column " + j + " is " + row[j]
            + "; a prediction needs finite features (fill or drop missing values first)");
      }
    }
  }

  /** Runs the forward pass on {@code n} rows from {@code start}; returns n. */
  private int forward(float[][] rows, int start, int n) {
    int want = features();
    for (int i = 0; i < n; i++) {
      float[] row = rows[start + i];
      if (row.length != want) {
        throw new IllegalArgumentException("row " + (start + i) + " has " + row.length
            + " features, expected " + want);
      }
      requireFinite(row, start + i);
      if (preprocessing == null) {
        batch[i] = row;
      } else {
        preprocessing.apply(row, prepared[i]);
        batch[i] = prepared[i];
      }
    }
    if (model.isTraining()) {
      model.setTraining(false);
    }
    model.forward(batch, n);
    // drop the references to the caller's rows
    Arrays.fill(batch, 0, n, null);
    return n;
  }
}
