package dev.unroll.examples.csv;

import dev.unroll.data.BatchCursor;
import dev.unroll.data.DataFileException;
import dev.unroll.data.Dataset;
import dev.unroll.data.Split;
import dev.unroll.data.Splits;
import dev.unroll.data.load.CsvLoader;
import dev.unroll.data.prep.FittedPipeline;
import dev.unroll.data.prep.Pipeline;
import dev.unroll.data.prep.Steps;
import dev.unroll.runtime.Model;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Trains {@link IrisSpec}'s network on a CSV file: load, split 60/20/20 stratified by class,
 * standardize with statistics of the training split only, train with mini-batch SGD, report
 * training, validation and test accuracy.
 */
public final class CsvExample {
  private CsvExample() {}

  /** What a run ended with. */
  record Result(double trainAccuracy, double validationAccuracy, double testAccuracy,
      int testSize) {}

  /** Entry point: see {@link Options} and the README. */
  public static void main(String[] args) {
    try {
      run(Options.parse(args), System.out);
    } catch (IllegalArgumentException | DataFileException e) {
      System.err.println(e.getMessage());
      System.exit(2);
    } catch (IOException e) {
      System.err.println("cannot read: " + e);
      System.exit(1);
    }
  }

  /** Loads, splits, preprocesses and trains as {@code o} says; prints progress to {@code out}. */
  static Result run(Options o, PrintStream out) throws IOException {
    Dataset data = load(o);
    Model net = new IrisSpecNet(o.seed);
    checkFits(data, net, o.file == null ? "the bundled Iris data" : o.file.toString());
    out.printf("%s: %s%n", o.file == null ? "bundled iris.csv" : o.file, data);

    Split split = Splits.stratified(data, 0.6, 0.2, o.seed);
    // The lecture's rule: statistics from the training split, applied unchanged to the others.
    FittedPipeline prep = Pipeline.of(Steps.standardize()).fit(split.train().x());
    Dataset train = prep.apply(split.train());
    Dataset validation = prep.apply(split.validation());
    Dataset test = prep.apply(split.test());
    if (o.savePreprocessing != null) {
      prep.save(o.savePreprocessing);
    }
    out.printf("split %d / %d / %d (train / validation / test); standardized on train%n",
        train.size(), validation.size(), test.size());

    net.setL2(o.l2);
    BatchCursor batches = BatchCursor.shuffling(train, Math.min(o.batch, net.maxBatch()), o.seed);
    for (int epoch = 1; epoch <= o.epochs; epoch++) {
      net.setTraining(true);
      batches.startEpoch();
      double loss = 0;
      int seen = 0;
      while (batches.next()) {
        net.forward(batches.x(), batches.size());
        loss += net.loss(batches.y(), batches.size()) * batches.size();
        seen += batches.size();
        net.backward();
        net.sgdStep(o.learningRate);
      }
      if (epoch == 1 || epoch % Math.max(1, o.epochs / 10) == 0 || epoch == o.epochs) {
        out.printf("epoch %4d  loss %.4f  train %.1f%%  validation %.1f%%%n", epoch,
            loss / seen, 100 * accuracy(net, train), 100 * accuracy(net, validation));
      }
    }
    Result r = new Result(accuracy(net, train), accuracy(net, validation), accuracy(net, test),
        test.size());
    out.printf("test accuracy %.1f%% of %d samples%n", 100 * r.testAccuracy(), r.testSize());
    return r;
  }

  /** The file named, or the bundled Iris CSV copied out of the jar. */
  static Dataset load(Options o) throws IOException {
    CsvLoader loader = new CsvLoader().delimiter(o.delimiter);
    if (o.label != null) {
      if (o.label.matches("-?\\d+")) {
        loader.labelColumn(Integer.parseInt(o.label));
      } else {
        loader.labelColumn(o.label);
      }
    }
    if (o.file != null) {
      return loader.load(o.file);
    }
    Path temp = Files.createTempFile("iris", ".csv");
    try (InputStream in = CsvExample.class.getResourceAsStream("iris.csv")) {
      Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
      return loader.load(temp);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** The network's sizes are compiled in; say how to change them when the file differs. */
  static void checkFits(Dataset data, Model net, String source) {
    if (data.features() != net.inputs() || data.numClasses() > net.outputs()) {
      throw new IllegalArgumentException(String.format(
          "%s has %d features and %d classes, but this build's network (%s) takes %d features"
              + " and scores %d classes.%nEdit IrisSpec.java: set @Network(inputs = %d) and the"
              + " last @Layer(units = %d), then rebuild (see README.md).",
          source, data.features(), data.numClasses(), net.specName(), net.inputs(),
          net.outputs(), data.features(), data.numClasses()));
    }
  }

  /** Fraction of {@code data} whose highest score is its label, in batches of maxBatch. */
  static double accuracy(Model net, Dataset data) {
    if (data.size() == 0) {
      return Double.NaN;
    }
    net.setTraining(false);
    BatchCursor batches = BatchCursor.inOrder(data, net.maxBatch());
    batches.startEpoch();
    int correct = 0;
    while (batches.next()) {
      net.forward(batches.x(), batches.size());
      for (int i = 0; i < batches.size(); i++) {
        correct += net.predict(i) == batches.y()[i] ? 1 : 0;
      }
    }
    return (double) correct / data.size();
  }
}
