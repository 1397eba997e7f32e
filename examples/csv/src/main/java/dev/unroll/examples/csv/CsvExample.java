package dev.unroll.examples.csv;

import dev.unroll.data.DataFileException;
import dev.unroll.data.Dataset;
import dev.unroll.data.Split;
import dev.unroll.data.Splits;
import dev.unroll.data.load.CsvLoader;
import dev.unroll.data.prep.FittedPipeline;
import dev.unroll.data.prep.Pipeline;
import dev.unroll.data.prep.Steps;
import dev.unroll.runtime.Model;
import dev.unroll.train.Evaluation;
import dev.unroll.train.LearningRate;
import dev.unroll.train.Trainer;
import dev.unroll.train.TrainingResult;
import dev.unroll.train.checkpoint.Checkpoint;
import dev.unroll.train.optim.Optimizers;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Trains {@link IrisSpec}'s network on a CSV file: load, split 60/20/20 stratified by class,
 * standardize with statistics of the training split only, train with momentum SGD and a step
 * decay, keeping the best validation epoch, report the test split's accuracy and confusion
 * matrix, and save the network with its preprocessing when asked.
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

    // Momentum SGD, the rate halved every quarter of the run, L2; every epoch judged on the
    // validation split, whose best epoch is kept. The test split is looked at once, at the end.
    TrainingResult result = new Trainer()
        .epochs(o.epochs).batchSize(Math.min(o.batch, net.maxBatch()))
        .optimizer(Optimizers.momentum(0.9))
        .learningRate(LearningRate.step(o.learningRate, 0.5, Math.max(1, o.epochs / 4)))
        .l2(o.l2).seed(o.seed)
        .validateOn(validation).restoreBest(true)
        .fit(net, train);
    out.println(result.message());
    Evaluation onTest = Evaluation.of(net, test);
    Result r = new Result(Evaluation.of(net, train).accuracy(),
        Evaluation.of(net, validation).accuracy(), onTest.accuracy(), test.size());
    out.printf("training accuracy %.1f%%, validation %.1f%%%n", 100 * r.trainAccuracy(),
        100 * r.validationAccuracy());
    out.print("test split: " + onTest.table(data.classNames()));
    if (o.save != null) {
      Checkpoint.save(o.save, net, result.optimizer(), prep);
      out.println("saved the network and its preprocessing to " + o.save);
    }
    return r;
  }

  /** The file named, or the bundled Iris CSV copied out of the jar. */
  static Dataset load(Options o) throws IOException {
    CsvLoader loader = new CsvLoader().delimiter(o.delimiter).skipLines(o.skipLines);
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
}
