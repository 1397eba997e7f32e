package dev.unroll.examples.mnist;

import dev.unroll.data.load.MnistLoader;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the IDX files in a directory: the official training and test pairs, or a single pair
 * named {@code images-idx3-ubyte} and {@code labels-idx1-ubyte}; each plain or gzipped.
 *
 * @param trainImages the training images, or the single set's images
 * @param trainLabels their labels
 * @param testImages the official test images, or null when there is no test pair
 * @param testLabels their labels, or null
 */
record MnistFiles(Path trainImages, Path trainLabels, Path testImages, Path testLabels) {
  /** Name of the images of a single set that is split three ways. */
  static final String SINGLE_IMAGES = "images-idx3-ubyte";

  /** Name of the labels of a single set. */
  static final String SINGLE_LABELS = "labels-idx1-ubyte";

  /** What to tell a user whose directory has no MNIST files. */
  static String missing(Path dir) {
    return "No MNIST files in " + dir + ".\n"
        + "Expected, each plain or gzipped (.gz):\n"
        + "  " + MnistLoader.TRAIN_IMAGES + "  " + MnistLoader.TRAIN_LABELS
        + "   (60,000 training digits)\n"
        + "  " + MnistLoader.TEST_IMAGES + "   " + MnistLoader.TEST_LABELS
        + "    (10,000 test digits, optional)\n"
        + "or a single set named " + SINGLE_IMAGES + " and " + SINGLE_LABELS + ".\n"
        + "They are the MNIST database of Yann LeCun, Corinna Cortes and Christopher Burges:\n"
        + "download the four .gz files (for example from the mirror PyTorch's torchvision uses,\n"
        + "https://ossci-datasets.s3.amazonaws.com/mnist/) into " + dir + " and run again.";
  }

  /** The files in {@code dir}, or empty when neither the official nor a single pair is there. */
  static Optional<MnistFiles> find(Path dir) {
    Optional<Path> images = MnistLoader.find(dir, MnistLoader.TRAIN_IMAGES, SINGLE_IMAGES);
    Optional<Path> labels = MnistLoader.find(dir, MnistLoader.TRAIN_LABELS, SINGLE_LABELS);
    if (images.isEmpty() || labels.isEmpty()) {
      return Optional.empty();
    }
    Optional<Path> testImages = MnistLoader.find(dir, MnistLoader.TEST_IMAGES);
    Optional<Path> testLabels = MnistLoader.find(dir, MnistLoader.TEST_LABELS);
    boolean test = testImages.isPresent() && testLabels.isPresent();
    return Optional.of(new MnistFiles(images.get(), labels.get(),
        test ? testImages.get() : null, test ? testLabels.get() : null));
  }

  /** Whether the official test pair is there. */
  boolean hasTest() {
    return testImages != null;
  }
}
