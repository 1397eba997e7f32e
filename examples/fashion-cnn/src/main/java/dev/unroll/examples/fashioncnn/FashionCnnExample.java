package dev.unroll.examples.fashioncnn;

import dev.unroll.data.BatchCursor;
import dev.unroll.data.DataFileException;
import dev.unroll.data.Dataset;
import dev.unroll.data.Split;
import dev.unroll.data.prep.FittedPipeline;
import dev.unroll.data.prep.Pipeline;
import dev.unroll.data.prep.Steps;
import dev.unroll.runtime.Model;
import dev.unroll.train.augment.ImageAugmentation;
import dev.unroll.train.optim.Optimizer;
import dev.unroll.train.optim.Optimizers;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Trains {@link FashionSpec}'s convnet on Fashion-MNIST: pixels scaled to [0, 1], then the
 * training split's per-channel mean subtracted and its standard deviation divided out (one
 * channel here), SGD with momentum 0.9 in batches of 64 with the learning rate cut by 10 for the
 * last 30% of the epochs, optionally random horizontal flips, one thread. Prints the loss and time of every
 * epoch and the test accuracy at the end.
 */
public final class FashionCnnExample {
  private FashionCnnExample() {}

  /** What a run ended with. */
  record Result(double trainAccuracy, double testAccuracy, int testSize, double secondsPerEpoch) {}

  /**
   * {@code java -jar fashion-cnn.jar DIR [epochs [lr [limit [flips]]]]}: the folder with the IDX
   * files; epochs (default 10), learning rate (0.02), a limit on training images (0: all), and
   * whether to flip half of each batch left to right ({@code flips}, default none).
   */
  public static void main(String[] args) {
    if (args.length < 1) {
      System.err.println("usage: java -jar fashion-cnn.jar DATA_DIR [epochs [lr [limit"
          + " [flips]]]]");
      System.exit(2);
    }
    try {
      Path dir = Path.of(args[0]);
      Split split = FashionFiles.load(dir).orElse(null);
      if (split == null) {
        System.err.println(FashionFiles.missing(dir));
        System.exit(2);
      }
      int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
      double lr = args.length > 2 ? Double.parseDouble(args[2]) : 0.02;
      int limit = args.length > 3 ? Integer.parseInt(args[3]) : 0;
      boolean flips = args.length > 4 && args[4].equals("flips");
      Dataset train = limit > 0 ? split.train().head(limit) : split.train();
      run(train, split.test(), epochs, lr, flips, 1, System.out);
    } catch (NumberFormatException e) {
      System.err.println("not a number: " + e.getMessage());
      System.exit(2);
    } catch (DataFileException e) {
      System.err.println(e.getMessage());
      System.exit(2);
    } catch (IOException e) {
      System.err.println("cannot read: " + e);
      System.exit(1);
    }
  }

  /** Standardizes, trains for {@code epochs} and measures; prints progress to {@code out}. */
  static Result run(Dataset rawTrain, Dataset rawTest, int epochs, double lr, boolean flips,
      long seed, PrintStream out) {
    // per-channel statistics of the training split only, applied unchanged to the test split
    FittedPipeline prep = Pipeline.of(Steps.standardizePerChannel(1)).fit(rawTrain.x());
    Dataset train = prep.apply(rawTrain);
    Dataset test = prep.apply(rawTest);
    out.printf(Locale.ROOT, "train %d, test %d images, standardized per channel by the"
        + " training split%n", train.size(), test.size());
    FashionSpecNet net = new FashionSpecNet(seed);
    out.println(net);
    Optimizer sgd = Optimizers.momentum(0.9).create(net);
    ImageAugmentation mirror = flips
        ? new ImageAugmentation(1, 28, 28, true, 0, net.maxBatch(), seed) : null;
    BatchCursor batches = BatchCursor.shuffling(train, net.maxBatch(), seed);
    double seconds = 0;
    for (int epoch = 1; epoch <= epochs; epoch++) {
      double rate = epoch > Math.ceil(0.7 * epochs) ? lr / 10 : lr;
      long start = System.nanoTime();
      net.setTraining(true);
      batches.startEpoch();
      double loss = 0;
      while (batches.next()) {
        net.forward(mirror == null ? batches.x() : mirror.apply(batches.x(), batches.size()),
            batches.size());
        loss += net.loss(batches.y(), batches.size()) * batches.size();
        net.backward();
        sgd.step(rate);
      }
      double took = (System.nanoTime() - start) / 1e9;
      seconds += took;
      out.printf(Locale.ROOT, "epoch %2d  lr %.4f  loss %.4f  %.1f s%n", epoch, rate,
          loss / train.size(), took);
    }
    Result r = new Result(accuracy(net, train), accuracy(net, test), test.size(),
        seconds / Math.max(epochs, 1));
    out.printf(Locale.ROOT, "train %.2f%%  test %.2f%% of %d images; %.1f s per epoch (one"
        + " thread)%n", 100 * r.trainAccuracy(), 100 * r.testAccuracy(), r.testSize(),
        r.secondsPerEpoch());
    return r;
  }

  /** Fraction of {@code data} whose highest score is its label, in evaluation mode. */
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
