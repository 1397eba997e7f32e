package dev.unroll.train.checkpoint;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A checkpoint that cannot be loaded into the given network: another architecture, a missing or
 * misshapen tensor, an optimizer of another kind, or an unreadable file. The message starts with
 * the file and says what differs; nothing has been written into the network when it is thrown.
 */
public class CheckpointException extends IOException {
  private static final long serialVersionUID = 1L;

  /** A problem with {@code file}. */
  public CheckpointException(Path file, String problem) {
    super(file + ": " + problem);
  }

  /** A problem with {@code file} revealed by {@code cause}. */
  public CheckpointException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
  }
}
