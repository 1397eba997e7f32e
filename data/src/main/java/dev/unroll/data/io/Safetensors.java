package dev.unroll.data.io;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the safetensors format, so files open in Python's {@code safetensors} and
 * PyTorch as they do here. Layout:
 *
 * <ol>
 *   <li>8 bytes: the header's length {@code N}, unsigned little-endian;
 *   <li>{@code N} bytes: a UTF-8 JSON object mapping each tensor name to {@code {"dtype": "F32",
 *       "shape": [2, 3], "data_offsets": [begin, end]}} plus an optional {@code "__metadata__"}
 *       object of strings, padded with spaces so {@code N} is a multiple of 8;
 *   <li>the data section: each tensor's elements, row-major, little-endian, at its offsets
 *       (relative to the section's start), back to back without gaps.
 * </ol>
 *
 * <p>This writer stores tensors sorted by name. {@link #write} never leaves a half-written file
 * under the target name: it writes a temporary file in the same directory, forces it to disk,
 * then renames it over the target atomically, so a crash keeps the last good file. {@link #read}
 * validates the whole header before it reads data and throws {@link
 * dev.unroll.data.DataFileException} naming the file and the problem.
 */
public final class Safetensors {
  private Safetensors() {}

  /**
   * Writes {@code tensors} and {@code metadata} to {@code path}, replacing it atomically.
   *
   * @throws IllegalArgumentException when two tensors share a name
   * @throws java.nio.file.AtomicMoveNotSupportedException when the file system cannot rename
   *     atomically; the target is then untouched
   */
  public static void write(Path path, Map<String, String> metadata, List<NamedArray> tensors)
      throws IOException {
    write(path, TensorFile.of(metadata, tensors));
  }

  /** Writes {@code file} to {@code path}, replacing it atomically; see the class comment. */
  public static void write(Path path, TensorFile file) throws IOException {
    byte[] header = header(file);
    Path target = path.toAbsolutePath();
    Path dir = target.getParent();
    // Not Files.createTempFile: its owner-only permissions would carry over to the target; a
    // channel created here gets the usual permissions of a new file.
    Path temp = dir.resolve("." + target.getFileName() + "." + System.nanoTime() + ".tmp");
    FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE,
        StandardOpenOption.CREATE_NEW);
    boolean moved = false;
    try {
      try (out) {
        ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        length.putLong(header.length).flip();
        writeFully(out, length);
        writeFully(out, ByteBuffer.wrap(header));
        for (NamedArray t : file.tensors()) {
          writeFully(out, data(t));
        }
        out.force(true);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      moved = true;
    } finally {
      if (!moved) {
        Files.deleteIfExists(temp);
      }
    }
  }

  /**
   * Reads a safetensors file whose tensors are all F32 or F64.
   *
   * @throws dev.unroll.data.DataFileException when the file is truncated, its header length
   *     exceeds the file, the header is not the format's JSON, a dtype is not F32 or F64, a
   *     tensor's byte range does not match dtype x shape, or ranges overlap, leave gaps or run
   *     past the data
   */
  public static TensorFile read(Path path) throws IOException {
    return SafetensorsReader.read(path);
  }

  /** The JSON header, metadata first then tensors by name, space-padded to a multiple of 8. */
  static byte[] header(TensorFile file) {
    JsonObject root = new JsonObject();
    if (!file.metadata().isEmpty()) {
      JsonObject meta = new JsonObject();
      file.metadata().forEach(meta::addProperty);
      root.add(TensorFile.METADATA_KEY, meta);
    }
    long offset = 0;
    for (NamedArray t : file.tensors()) {
      JsonObject entry = new JsonObject();
      entry.addProperty("dtype", t.dtype().name());
      JsonArray shape = new JsonArray();
      for (int d : t.shape()) {
        shape.add(d);
      }
      entry.add("shape", shape);
      JsonArray offsets = new JsonArray();
      offsets.add(offset);
      offset += t.byteSize();
      offsets.add(offset);
      entry.add("data_offsets", offsets);
      root.add(t.name(), entry);
    }
    // HTML escaping would turn '<' or '=' in names into \\u003c: valid but unlike other writers.
    String json = new GsonBuilder().disableHtmlEscaping().create().toJson(root);
    byte[] text = json.getBytes(StandardCharsets.UTF_8);
    int padded = (text.length + 7) / 8 * 8;
    byte[] header = new byte[padded];
    System.arraycopy(text, 0, header, 0, text.length);
    for (int i = text.length; i < padded; i++) {
      header[i] = ' ';
    }
    return header;
  }

  private static ByteBuffer data(NamedArray t) {
    ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(t.byteSize()))
        .order(ByteOrder.LITTLE_ENDIAN);
    if (t.dtype() == Dtype.F32) {
      buf.asFloatBuffer().put(t.floats());
    } else {
      buf.asDoubleBuffer().put(t.doubles());
    }
    return buf;
  }

  private static void writeFully(FileChannel out, ByteBuffer buf) throws IOException {
    while (buf.hasRemaining()) {
      out.write(buf);
    }
  }
}
