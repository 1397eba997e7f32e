package dev.unroll.examples.fashioncnn;

import dev.unroll.data.Dataset;
import dev.unroll.data.Split;
import dev.unroll.data.Splits;
import dev.unroll.data.load.MnistLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds Fashion-MNIST's IDX files in a folder and splits them. One pair ({@code images-idx3-ubyte}
 * and {@code labels-idx1-ubyte}, optionally gzipped: all 70,000 images) is split stratified
 * 60,000 / 10,000 (6/7 of each class for training) with the fixed seed {@link #SPLIT_SEED}; the
 * official pairs ({@code train-*} and {@code t10k-*}) are used as they are.
 */
final class FashionFiles {
  /** Seed of the stratified 60,000 / 10,000 split of the 70,000 images. */
  static final long SPLIT_SEED = 42;

  private FashionFiles() {}

  static String missing(Path dir) {
    return "No Fashion-MNIST files in " + dir + ".\n"
        + "Put either the official four files (train-images-idx3-ubyte.gz,"
        + " train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz,"
        + " from github.com/zalandoresearch/fashion-mnist, folder data/fashion) or one pair"
        + " images-idx3-ubyte(.gz) + labels-idx1-ubyte(.gz) of all 70,000 images there.";
  }

  /** Training and test sets from {@code dir}, or empty when the files are not there. */
  static Optional<Split> load(Path dir) throws IOException {
    Optional<Path> trainImages = MnistLoader.find(dir, MnistLoader.TRAIN_IMAGES);
    Optional<Path> trainLabels = MnistLoader.find(dir, MnistLoader.TRAIN_LABELS);
    Optional<Path> testImages = MnistLoader.find(dir, MnistLoader.TEST_IMAGES);
    Optional<Path> testLabels = MnistLoader.find(dir, MnistLoader.TEST_LABELS);
    if (trainImages.isPresent() && trainLabels.isPresent() && testImages.isPresent()
        && testLabels.isPresent()) {
      Dataset train = MnistLoader.load(trainImages.get(), trainLabels.get());
      Dataset test = MnistLoader.load(testImages.get(), testLabels.get());
      return Optional.of(new Split(train, test.head(0), test));
    }
    Optional<Path> images = MnistLoader.find(dir, "images-idx3-ubyte");
    Optional<Path> labels = MnistLoader.find(dir, "labels-idx1-ubyte");
    if (images.isEmpty() || labels.isEmpty()) {
      return Optional.empty();
    }
    Dataset all = MnistLoader.load(images.get(), labels.get());
    // the file is sorted by class: shuffle, then 6/7 of every class to training
    return Optional.of(Splits.stratified(all.shuffled(SPLIT_SEED), 6 / 7.0, 0, SPLIT_SEED));
  }
}
