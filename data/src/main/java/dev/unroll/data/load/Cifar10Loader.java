package dev.unroll.data.load;

import dev.unroll.data.DataFileException;
import dev.unroll.data.Dataset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads CIFAR-10 binary batches ({@code data_batch_1.bin} ... {@code data_batch_5.bin}, {@code
 * test_batch.bin}). Each record is 3073 bytes: one label byte (0-9), then 3072 pixel bytes, 3
 * channels x 32 rows x 32 columns, channel-major (all red, then all green, then all blue). A row
 * of the dataset keeps that C x H x W order, which is what per-channel preprocessing expects.
 *
 * <p>Class names come from {@code batches.meta.txt} (one name a line) beside the first batch
 * when it is there; otherwise the dataset has no names.
 */
public final class Cifar10Loader {
  /** Channels, rows and columns of a CIFAR-10 image. */
  public static final int CHANNELS = 3;

  /** Image height and width. */
  public static final int SIDE = 32;

  /** Pixel bytes per image, 3 x 32 x 32. */
  public static final int PIXELS = CHANNELS * SIDE * SIDE;

  /** Bytes per record: the label and the pixels. */
  public static final int RECORD = 1 + PIXELS;

  /** Number of classes. */
  public static final int CLASSES = 10;

  /** Name of the class-name file beside the batches. */
  public static final String META = "batches.meta.txt";

  private Cifar10Loader() {}

  /** The batches, concatenated in the order given, pixels scaled to [0, 1]. */
  public static Dataset load(Path... batches) throws IOException {
    return load(List.of(batches), PixelScale.UNIT);
  }

  /**
   * The batches, concatenated in the order given.
   *
   * @throws DataFileException when a file's length is not a whole number of records, a label is
   *     above 9, or {@code batches.meta.txt} does not have exactly 10 names
   */
  public static Dataset load(List<Path> batches, PixelScale scale) throws IOException {
    if (batches.isEmpty()) {
      throw new IllegalArgumentException("no CIFAR-10 batch files given");
    }
    List<float[]> rows = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (Path batch : batches) {
      readBatch(batch, scale, rows, labels);
    }
    float[][] x = rows.toArray(new float[0][]);
    int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
    Path dir = batches.get(0).toAbsolutePath().getParent();
    Path meta = dir.resolve(META);
    Dataset data = Files.isRegularFile(meta) ? Dataset.of(x, y, classNames(meta))
        : Dataset.of(x, y);
    return x.length == 0 ? data : data.withShape(3, 32, 32);
  }

  private static void readBatch(Path path, PixelScale scale, List<float[]> rows,
      List<Integer> labels) throws IOException {
    byte[] b = FileBytes.read(path);
    if (b.length == 0 || b.length % RECORD != 0) {
      long whole = b.length / RECORD;
      throw new DataFileException(path, "truncated: expected a whole number of " + RECORD
          + "-byte records (" + (whole + 1) * RECORD + " bytes for " + (whole + 1)
          + " records), found " + b.length + " bytes");
    }
    int records = b.length / RECORD;
    for (int r = 0; r < records; r++) {
      int base = r * RECORD;
      int label = b[base] & 0xff;
      if (label >= CLASSES) {
        throw new DataFileException(path, "record " + r + " (byte " + base + ") has label "
            + label + ", outside 0-9: not a CIFAR-10 batch");
      }
      float[] row = new float[PIXELS];
      for (int j = 0; j < PIXELS; j++) {
        row[j] = scale.apply(b[base + 1 + j]);
      }
      rows.add(row);
      labels.add(label);
    }
  }

  private static List<String> classNames(Path meta) throws IOException {
    List<String> names = new ArrayList<>();
    for (String line : Files.readAllLines(meta, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        names.add(line.strip());
      }
    }
    if (names.size() != CLASSES) {
      throw new DataFileException(meta, "expected " + CLASSES + " class names, found "
          + names.size());
    }
    return names;
  }
}
