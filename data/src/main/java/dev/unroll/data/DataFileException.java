package dev.unroll.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file that cannot be read as the format it claims: wrong magic number, truncated data, a CSV
 * row with the wrong number of columns, a non-numeric value, counts that disagree, a bad
 * safetensors header. Every loader and {@link dev.unroll.data.io.Safetensors} throws it instead of
 * returning partial data.
 *
 * <p>The message always starts with the file, then says what is wrong with the expected and the
 * found value, for example {@code "train-images.idx: wrong magic number: expected 2051, found
 * 2049"}. It is a checked {@link IOException} because a bad file is an expected outcome of
 * reading user input, handled where files are opened. (It is not called {@code
 * DataFormatException} so it never clashes with {@code java.util.zip.DataFormatException}.)
 */
public class DataFileException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  /** What is wrong, without the file name (serialized; the path is not serializable). */
  private final String problem;

  /** A problem with {@code file}; {@code problem} says what is wrong, without the file name. */
  public DataFileException(Path file, String problem) {
    super(file + ": " + problem);
    this.file = file;
    this.problem = problem;
  }

  /** The same, keeping the exception that revealed the problem. */
  public DataFileException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
    this.file = file;
    this.problem = problem;
  }

  /** The file that is wrong. */
  public Path file() {
    return file;
  }

  /** What is wrong, without the file name. */
  public String problem() {
    return problem;
  }
}
