package dev.unroll.data.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes safetensors-like files byte by byte, to test what other writers and bad files do. */
final class RawFiles {
  private RawFiles() {}

  /** An 8-byte length of the header as given, the header text, then {@code data}. */
  static Path write(Path file, String json, byte[] data) throws IOException {
    byte[] header = json.getBytes(StandardCharsets.UTF_8);
    return write(file, header.length, header, data);
  }

  /** The given length (true or not), the header bytes, then {@code data}. */
  static Path write(Path file, long length, byte[] header, byte[] data) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(8 + header.length + data.length)
        .order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(length).put(header).put(data);
    return Files.write(file, b.array());
  }
}
