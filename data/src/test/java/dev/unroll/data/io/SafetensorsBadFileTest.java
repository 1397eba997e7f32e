package dev.unroll.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unroll.data.DataFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsBadFileTest {
  @TempDir Path dir;

  private Path raw(String json, int dataBytes) throws IOException {
    return RawFiles.write(dir.resolve("raw.safetensors"), json, new byte[dataBytes]);
  }

  private static String tensor(String name, String dtype, String shape, long begin, long end) {
    return "\"" + name + "\":{\"dtype\":\"" + dtype + "\",\"shape\":" + shape
        + ",\"data_offsets\":[" + begin + "," + end + "]}";
  }

  private static void assertBad(Path p, String expected) {
    DataFileException e = assertThrows(DataFileException.class, () -> Safetensors.read(p));
    assertEquals(p, e.file());
    assertTrue(e.getMessage().startsWith(p.toString() + ": "), e.getMessage());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void fileShorterThanTheLength() throws IOException {
    Path p = Files.write(dir.resolve("short"), new byte[] {1, 2, 3});
    assertBad(p, "truncated: the file has 3 bytes, fewer than the 8-byte header length");
  }

  @Test
  void headerLengthBeyondFileSize() throws IOException {
    byte[] header = "{}".getBytes(StandardCharsets.UTF_8);
    Path p = dir.resolve("long.safetensors");
    assertBad(RawFiles.write(p, 1000, header, new byte[0]),
        "header length 1000 exceeds the file size: only 2 bytes follow the length");
    assertBad(RawFiles.write(p, -1, header, new byte[0]),
        "header length 18446744073709551615 exceeds the file size");
  }

  @Test
  void truncatedData() throws IOException {
    Path good = dir.resolve("good.safetensors");
    Safetensors.write(good, Map.of(), List.of(NamedArray.vector("w", new double[] {1, 2, 3})));
    byte[] bytes = Files.readAllBytes(good);
    Path cut = Files.write(dir.resolve("cut.safetensors"), Arrays.copyOf(bytes,
        bytes.length - 5));
    assertBad(cut, "truncated: the header describes 24 bytes of tensor data but only 19 bytes"
        + " follow the header");
  }

  @Test
  void overlappingOffsets() throws IOException {
    assertBad(raw("{" + tensor("a", "F32", "[2]", 0, 8) + "," + tensor("b", "F32", "[2]", 4, 12)
        + "}", 12), "tensors 'a' [0, 8] and 'b' [4, 12] overlap");
  }

  @Test
  void offsetsOutOfRange() throws IOException {
    assertBad(raw("{" + tensor("a", "F32", "[0]", 8, 0) + "}", 8),
        "tensor 'a': data_offsets [8, 0] out of range: end before begin");
    assertBad(raw("{" + tensor("a", "F32", "[2]", 100, 108) + "}", 8),
        "leave 100 unused bytes");
    assertBad(raw("{" + tensor("a", "F32", "[2]", -8, 0) + "}", 8),
        "data_offsets entry -8 is negative");
  }

  @Test
  void dataSizeNotMatchingDtypeTimesShape() throws IOException {
    assertBad(raw("{" + tensor("w", "F64", "[2,3]", 0, 24) + "}", 24),
        "tensor 'w': data size 24 bytes does not match dtype F64 x shape [2, 3] = 48 bytes");
  }

  @Test
  void bytesNoTensorCovers() throws IOException {
    assertBad(raw("{" + tensor("w", "F32", "[1]", 0, 4) + "}", 10),
        "6 bytes after the last tensor's data");
  }

  @Test
  void headerThatIsNotTheFormatsJson() throws IOException {
    assertBad(raw("[1,2]", 0), "header does not start with '{'");
    assertBad(raw("{\"a\":", 0), "header is not valid JSON");
    assertBad(raw("{\"a\":3}", 0), "tensor 'a': header entry is not a JSON object");
    assertBad(raw("{" + tensor("a", "BF16", "[1]", 0, 2) + "}", 2),
        "tensor 'a': dtype BF16 is not supported (supported: [F32, F64])");
    assertBad(raw("{\"a\":{\"dtype\":\"F32\",\"shape\":[1]}}", 4),
        "tensor 'a': data_offsets is missing or not an array");
    assertBad(raw("{" + tensor("a", "F32", "[1.5]", 0, 4) + "}", 4),
        "shape entry 1.5 is not an integer");
    assertBad(raw("{\"__metadata__\":{\"k\":1}}", 0),
        "__metadata__ value of 'k' is not a string: 1");
  }
}
