package dev.unroll.examples.tuningspark;

import dev.unroll.data.Dataset;
import dev.unroll.data.Split;
import dev.unroll.data.Splits;
import dev.unroll.data.load.MnistLoader;
import dev.unroll.spark.DataSource;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * MNIST images and labels (IDX, optionally gzipped) from a folder every executor can read, split
 * 80/20 stratified with a fixed seed, so every executor holds the same split. Each executor JVM
 * loads it once.
 */
public final class MnistFolder implements DataSource {
  /** The split's seed: fixed, so the driver's and every executor's split agree. */
  static final long SPLIT_SEED = 42;

  @Override
  public Split load(String folder) throws IOException {
    Path dir = Path.of(folder);
    Path images = MnistLoader.find(dir, "images-idx3-ubyte", MnistLoader.TRAIN_IMAGES)
        .orElseThrow(() -> new NoSuchFileException(dir + "/images-idx3-ubyte[.gz]"));
    Path labels = MnistLoader.find(dir, "labels-idx1-ubyte", MnistLoader.TRAIN_LABELS)
        .orElseThrow(() -> new NoSuchFileException(dir + "/labels-idx1-ubyte[.gz]"));
    Dataset all = MnistLoader.load(images, labels);
    return Splits.stratified(all, 0.8, 0.2, SPLIT_SEED);
  }
}
