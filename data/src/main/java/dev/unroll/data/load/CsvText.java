package dev.unroll.data.load;

import dev.unroll.data.DataFileException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The text of a CSV file: gunzipped when it starts with the gzip magic bytes (whatever its name),
 * decoded as strict UTF-8, so that a byte that is not UTF-8 is an error naming the file and the
 * line instead of a bare {@code MalformedInputException}.
 */
final class CsvText {
  private CsvText() {}

  /** The decoded lines of {@code path}, a UTF-8 byte-order mark dropped. */
  static List<String> lines(Path path) throws IOException {
    byte[] raw = FileBytes.read(path);
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(raw);
    // UTF-8 never gives more chars than bytes.
    CharBuffer out = CharBuffer.allocate(raw.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      throw notText(path, raw, in.position());
    }
    out.flip();
    String text = out.toString();
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return text.lines().toList();
  }

  private static DataFileException notText(Path path, byte[] raw, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (raw[i] == '\n') {
        line++;
      }
    }
    String hint = startsWith(raw, 'P', 'K', 3, 4) ? ": it is a zip archive; unzip it first"
        : startsWith(raw, 'B', 'Z', 'h') ? ": it is bzip2-compressed; decompress it first"
        : startsWith(raw, 0xfd, '7', 'z', 'X', 'Z') ? ": it is xz-compressed; decompress it first"
        : "; save the file as UTF-8 (a gzipped CSV is read as it is)";
    return new DataFileException(path, String.format(
        "line %d: byte 0x%02x (byte %d of the text) is not UTF-8%s", line, raw[offset] & 0xff,
        offset, hint));
  }

  private static boolean startsWith(byte[] raw, int... magic) {
    if (raw.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((raw[i] & 0xff) != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
