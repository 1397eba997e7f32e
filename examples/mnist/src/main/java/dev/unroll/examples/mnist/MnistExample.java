package dev.unroll.examples.mnist;

import dev.unroll.data.BatchCursor;
import dev.unroll.data.DataFileException;
import dev.unroll.data.Dataset;
import dev.unroll.data.Split;
import dev.unroll.data.Splits;
import dev.unroll.data.load.MnistLoader;
import dev.unroll.data.prep.FittedPipeline;
import dev.unroll.data.prep.Pipeline;
import dev.unroll.data.prep.Steps;
import dev.unroll.runtime.Model;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Trains {@link MnistSpec}'s network on MNIST: pixels scaled to [0, 1], the training split's mean
 * image subtracted from every split (the lecture's zero-centering), mini-batch SGD, accuracy on
 * a validation split while training and on the test set once at the end.
 *
 * <p>With the official files, the 60,000 training digits are split 5:1 (stratified) into
 * training and validation and the 10,000 {@code t10k} digits are the test set. With a single
 * pair of files (or no test pair) the digits are shuffled and split 70 / 15 / 15.
 */
public final class MnistExample {
  private MnistExample() {}

  /** What a run ended with. */
  record Result(double trainAccuracy, double validationAccuracy, double testAccuracy,
      int testSize) {}

  /** Entry point: {@code java -jar mnist.jar DIR [options]}; see {@link Options}. */
  public static void main(String[] args) {
    try {
      Options o = Options.parse(args);
      MnistFiles files = MnistFiles.find(o.dir).orElse(null);
      if (files == null) {
        System.err.println(MnistFiles.missing(o.dir));
        System.exit(2);
      }
      run(files, o, System.out);
    } catch (IllegalArgumentException | DataFileException e) {
      System.err.println(e.getMessage());
      System.exit(2);
    } catch (IOException e) {
      System.err.println("cannot read: " + e);
      System.exit(1);
    }
  }

  /** Loads, splits, centers and trains as {@code o} says; prints progress to {@code out}. */
  static Result run(MnistFiles files, Options o, PrintStream out) throws IOException {
    Split split = split(files, o.seed, out);
    // Mean image of the training split only, subtracted unchanged from every split.
    // the conv variant's input is the same centered image, read as 1 x 28 x 28
    FittedPipeline prep = Pipeline.of(Steps.center()).fit(split.train().x());
    Dataset train = prep.apply(split.train());
    Dataset validation = prep.apply(split.validation());
    Dataset test = prep.apply(split.test());
    if (o.savePreprocessing != null) {
      prep.save(o.savePreprocessing);
    }
    out.printf("train %d, validation %d, test %d digits; centered by the training mean image%n",
        train.size(), validation.size(), test.size());

    Model net = o.conv ? new MnistConvSpecNet(o.seed) : new MnistSpecNet(o.seed);
    net.setL2(o.l2);
    out.printf("SGD lr %.3g, L2 %.1e, batch %d, %d epochs%n", o.learningRate, o.l2, o.batch,
        o.epochs);
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
      out.printf("epoch %3d  loss %.4f  validation %.2f%%%n", epoch, loss / seen,
          100 * accuracy(net, validation));
    }
    Result r = new Result(accuracy(net, train), accuracy(net, validation), accuracy(net, test),
        test.size());
    out.printf("train %.2f%%  validation %.2f%%  test %.2f%% of %d digits%n",
        100 * r.trainAccuracy(), 100 * r.validationAccuracy(), 100 * r.testAccuracy(),
        r.testSize());
    return r;
  }

  /** The official train/test pairs split 5:1 for validation, or one set split 70/15/15. */
  static Split split(MnistFiles files, long seed, PrintStream out) throws IOException {
    Dataset train = MnistLoader.load(files.trainImages(), files.trainLabels());
    out.printf("%s: %s%n", files.trainImages().getFileName(), train);
    if (files.hasTest()) {
      Dataset test = MnistLoader.load(files.testImages(), files.testLabels());
      Split s = Splits.stratified(train, 5 / 6.0, 1 / 6.0, seed);
      return new Split(s.train(), s.validation(), test);
    }
    // A single set may be sorted by class; the stratified split draws every part at random, and
    // the shuffle first makes the draw independent of the file's order.
    return Splits.stratified(train.shuffled(seed), 0.7, 0.15, seed);
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
