package dev.unroll.data.load;

import dev.unroll.data.DataFileException;
import dev.unroll.data.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Loads MNIST (or any IDX pair of byte images and byte labels) as a {@link Dataset}: one row of
 * {@code rows * cols} features per image, row-major, labels as stored (0-9 for MNIST). The
 * official files are {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte}, {@code
 * t10k-images-idx3-ubyte} and {@code t10k-labels-idx1-ubyte}, each optionally gzipped ({@code
 * .gz}); gzip is recognised by content, not by name.
 */
public final class MnistLoader {
  /** Official name of the 60,000 training images. */
  public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";

  /** Official name of the 60,000 training labels. */
  public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";

  /** Official name of the 10,000 test images. */
  public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";

  /** Official name of the 10,000 test labels. */
  public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

  /** MNIST's number of classes, the digits 0-9: the label bound unless another is given. */
  public static final int CLASSES = 10;

  private MnistLoader() {}

  /** Images and labels with pixels scaled to [0, 1] by /255. */
  public static Dataset load(Path images, Path labels) throws IOException {
    return load(images, labels, PixelScale.UNIT);
  }

  /**
   * Images and labels with pixels as {@code scale} says, labels 0-9.
   *
   * @throws DataFileException when either file is bad (see {@link IdxFiles}), a label is outside
   *     0-9, or the files hold different numbers of samples
   */
  public static Dataset load(Path images, Path labels, PixelScale scale) throws IOException {
    return load(images, labels, scale, CLASSES);
  }

  /**
   * An IDX pair with {@code classes} classes (Fashion-MNIST and KMNIST have 10, EMNIST letters
   * 27): every label must be in {@code [0, classes)}, and the dataset has that many classes.
   *
   * @throws DataFileException as {@link #load(Path, Path, PixelScale)}, with the bound {@code
   *     classes}
   */
  public static Dataset load(Path images, Path labels, PixelScale scale, int classes)
      throws IOException {
    if (classes < 1 || classes > 256) {
      throw new IllegalArgumentException("classes must be in 1-256 (labels are bytes), got "
          + classes);
    }
    IdxFiles.Images img = IdxFiles.readImages(images);
    int[] y = IdxFiles.readLabels(labels);
    for (int i = 0; i < y.length; i++) {
      if (y[i] >= classes) {
        // the labels follow the 8-byte header, one byte each
        throw new DataFileException(labels, "label " + y[i] + " of sample " + i + " (byte "
            + (8 + i) + ") is outside 0-" + (classes - 1) + (classes == CLASSES
                ? ": not MNIST labels; for another class count use load(images, labels, scale,"
                    + " classes)" : ""));
      }
    }
    if (y.length != img.count()) {
      throw new DataFileException(labels, "has " + y.length + " labels but the images file "
          + images + " has " + img.count() + " images");
    }
    int features = img.rows() * img.cols();
    byte[] pixels = img.pixels();
    float[][] x = new float[img.count()][features];
    for (int i = 0; i < x.length; i++) {
      float[] row = x[i];
      int base = i * features;
      for (int j = 0; j < features; j++) {
        row[j] = scale.apply(pixels[base + j]);
      }
    }
    Dataset data = Dataset.of(x, y, classes);
    return x.length == 0 ? data : data.withShape(1, img.rows(), img.cols());
  }

  /**
   * The first of {@code names} present in {@code dir}, each tried as given and with {@code .gz}
   * appended; empty when none is there.
   */
  public static Optional<Path> find(Path dir, String... names) {
    for (String name : names) {
      for (String candidate : new String[] {name, name + ".gz"}) {
        Path p = dir.resolve(candidate);
        if (Files.isRegularFile(p)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }
}
