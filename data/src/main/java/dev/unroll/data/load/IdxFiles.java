package dev.unroll.data.load;

import dev.unroll.data.DataFileException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads the IDX files MNIST ships in, plain or gzipped (detected by content). An IDX file is a
 * big-endian header, magic {@code 0x0000TTDD} (TT the element type, 08 for unsigned bytes; DD the
 * number of dimensions), one 32-bit size per dimension, then the elements row-major. MNIST images
 * have magic 2051 ({@code 0x00000803}: bytes, 3 dimensions: count, rows, columns); labels 2049
 * ({@code 0x00000801}: bytes, 1 dimension: count).
 */
public final class IdxFiles {
  /** Magic number of an IDX file of unsigned-byte images (3 dimensions). */
  public static final int IMAGES_MAGIC = 2051;

  /** Magic number of an IDX file of unsigned-byte labels (1 dimension). */
  public static final int LABELS_MAGIC = 2049;

  private IdxFiles() {}

  /**
   * Images of an IDX file: {@code count} images of {@code rows x cols} unsigned bytes, image after
   * image, row-major.
   *
   * @param count number of images
   * @param rows pixel rows per image
   * @param cols pixel columns per image
   * @param pixels {@code count * rows * cols} bytes, read as unsigned
   */
  public record Images(int count, int rows, int cols, byte[] pixels) {}

  /**
   * Reads an images file.
   *
   * @throws DataFileException on a wrong magic number, non-positive sizes, or a data length that
   *     is not exactly count x rows x cols bytes
   */
  public static Images readImages(Path path) throws IOException {
    byte[] b = FileBytes.read(path);
    checkHeader(path, b, IMAGES_MAGIC, 16);
    int count = FileBytes.bigEndianInt(b, 4);
    int rows = FileBytes.bigEndianInt(b, 8);
    int cols = FileBytes.bigEndianInt(b, 12);
    if (count < 0 || rows <= 0 || cols <= 0) {
      throw new DataFileException(path, "bad image dimensions " + count + " x " + rows + " x "
          + cols + " (count, rows, columns)");
    }
    long expected = (long) count * rows * cols;
    checkLength(path, b.length - 16, expected,
        count + " images x " + rows + " x " + cols + " pixels");
    byte[] pixels = new byte[(int) expected];
    System.arraycopy(b, 16, pixels, 0, pixels.length);
    return new Images(count, rows, cols, pixels);
  }

  /**
   * Reads a labels file: one unsigned byte per sample.
   *
   * @throws DataFileException on a wrong magic number or a data length that is not the count
   */
  public static int[] readLabels(Path path) throws IOException {
    byte[] b = FileBytes.read(path);
    checkHeader(path, b, LABELS_MAGIC, 8);
    int count = FileBytes.bigEndianInt(b, 4);
    if (count < 0) {
      throw new DataFileException(path, "negative label count " + count);
    }
    checkLength(path, b.length - 8, count, count + " labels");
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      labels[i] = b[8 + i] & 0xff;
    }
    return labels;
  }

  private static void checkHeader(Path path, byte[] b, int magic, int headerBytes)
      throws DataFileException {
    if (b.length < 4) {
      throw new DataFileException(path, "truncated: expected at least " + headerBytes
          + " header bytes, found " + b.length);
    }
    int found = FileBytes.bigEndianInt(b, 0);
    if (found != magic) {
      String hint = found == IMAGES_MAGIC ? " (an images file)"
          : found == LABELS_MAGIC ? " (a labels file)" : "";
      throw new DataFileException(path, "wrong magic number: expected " + magic + ", found "
          + found + hint);
    }
    if (b.length < headerBytes) {
      throw new DataFileException(path, "truncated: expected " + headerBytes
          + " header bytes, found " + b.length);
    }
  }

  private static void checkLength(Path path, long actual, long expected, String what)
      throws DataFileException {
    if (actual < expected) {
      throw new DataFileException(path, "truncated: expected " + expected + " data bytes ("
          + what + "), found " + actual);
    }
    if (actual > expected) {
      throw new DataFileException(path, "expected " + expected + " data bytes (" + what
          + "), found " + actual + ": " + (actual - expected) + " unexpected trailing bytes");
    }
  }
}
