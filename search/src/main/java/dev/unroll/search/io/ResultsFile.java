package dev.unroll.search.io;

import dev.unroll.search.TrialResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The search's record of finished trials: one JSON object per line ({@link TrialJson}), appended
 * and forced to the disk as each trial ends, so a crash loses at most the trials still running.
 * Opening an existing file reads what it holds; a line that does not parse (the last one, cut
 * short by a crash) is skipped and reported by {@link #skippedLines()}, and the trial it was
 * runs again.
 *
 * <p>{@link #append} is synchronized: trials on several threads write whole lines, never
 * interleaved ones.
 */
public final class ResultsFile implements AutoCloseable {
  private final Path path;
  private final List<TrialResult> existing;
  private final List<String> skipped;
  private final FileChannel channel;

  private ResultsFile(Path path, List<TrialResult> existing, List<String> skipped,
      FileChannel channel) {
    this.path = path;
    this.existing = existing;
    this.skipped = skipped;
    this.channel = channel;
  }

  /** Opens {@code path} for appending, creating it (and its folder) when missing. */
  public static ResultsFile open(Path path) throws IOException {
    List<TrialResult> existing = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    boolean needsNewline = false;
    if (Files.exists(path)) {
      String text = Files.readString(path, StandardCharsets.UTF_8);
      needsNewline = !text.isEmpty() && !text.endsWith("\n");
      String[] lines = text.split("\n");
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i].strip();
        if (line.isEmpty()) {
          continue;
        }
        try {
          existing.add(TrialJson.read(line));
        } catch (IllegalArgumentException e) {
          skipped.add(path.getFileName() + ":" + (i + 1) + ": " + e.getMessage());
        }
      }
    } else if (path.toAbsolutePath().getParent() != null) {
      Files.createDirectories(path.toAbsolutePath().getParent());
    }
    FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    ResultsFile file = new ResultsFile(path, Collections.unmodifiableList(existing),
        Collections.unmodifiableList(skipped), channel);
    if (needsNewline) {
      // A crash cut the last line short; start the next one on a line of its own.
      file.write("\n");
    }
    return file;
  }

  /** The file. */
  public Path path() {
    return path;
  }

  /** The trials the file held when it was opened, in file order. */
  public List<TrialResult> existing() {
    return existing;
  }

  /** The lines that did not parse, each with its line number and why. */
  public List<String> skippedLines() {
    return skipped;
  }

  /** Appends {@code r} as one line and forces it to the disk before returning. */
  public synchronized void append(TrialResult r) throws IOException {
    write(TrialJson.write(r) + "\n");
  }

  private synchronized void write(String text) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
    channel.force(false);
  }

  @Override
  public synchronized void close() throws IOException {
    channel.close();
  }
}
