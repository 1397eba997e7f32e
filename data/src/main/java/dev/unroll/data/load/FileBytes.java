package dev.unroll.data.load;

import dev.unroll.data.DataFileException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Reads a whole file, gunzipping it when it starts with the gzip magic bytes 1f 8b. */
final class FileBytes {
  private FileBytes() {}

  /** The file's bytes, decompressed when it is gzip (by content, whatever its name). */
  static byte[] read(Path path) throws IOException {
    byte[] raw = Files.readAllBytes(path);
    if (raw.length < 2 || (raw[0] & 0xff) != 0x1f || (raw[1] & 0xff) != 0x8b) {
      return raw;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length * 4);
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
      in.transferTo(out);
    } catch (EOFException e) {
      throw new DataFileException(path, "truncated gzip data: the compressed stream ends early ("
          + raw.length + " compressed bytes)", e);
    } catch (ZipException e) {
      throw new DataFileException(path, "corrupt gzip data: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  /** Big-endian 32-bit integer at {@code offset}, the byte order of IDX headers. */
  static int bigEndianInt(byte[] b, int offset) {
    return ((b[offset] & 0xff) << 24) | ((b[offset + 1] & 0xff) << 16)
        | ((b[offset + 2] & 0xff) << 8) | (b[offset + 3] & 0xff);
  }
}
