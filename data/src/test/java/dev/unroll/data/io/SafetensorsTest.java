package dev.unroll.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsTest {
  @TempDir Path dir;

  @Test
  void roundTripKeepsNamesShapesValuesAndMetadata() throws IOException {
    Path p = dir.resolve("t.safetensors");
    NamedArray w = NamedArray.ofRows("layer1.W", new float[][] {{1, -2, 3}, {Float.MIN_VALUE,
        Float.MAX_VALUE, Float.NaN}});
    NamedArray b = NamedArray.vector("layer1.b", new double[] {Math.PI, -0.0, 1e-300});
    NamedArray scalar = NamedArray.of("step", new double[] {42}, new int[0]);
    NamedArray empty = NamedArray.of("empty", new float[0], 0, 5);
    Safetensors.write(p, Map.of("format", "test", "note", "ünïcode <&>"),
        List.of(w, b, scalar, empty));
    TensorFile f = Safetensors.read(p);
    assertEquals(List.of("empty", "layer1.W", "layer1.b", "step"), f.names());
    assertEquals(w, f.get("layer1.W"));
    assertEquals(b, f.get("layer1.b"));
    assertEquals(scalar, f.get("step"));
    assertArrayEquals(new int[] {0, 5}, f.get("empty").shape());
    assertEquals(Map.of("format", "test", "note", "ünïcode <&>"), f.metadata());
    assertArrayEquals(new float[] {1, -2, 3}, f.get("layer1.W").toFloatRows()[0]);
    assertEquals(p, f.source());
  }

  @Test
  void layoutIsTheSafetensorsFormat() throws IOException {
    Path p = dir.resolve("t.safetensors");
    Safetensors.write(p, Map.of("k", "v"), List.of(
        NamedArray.vector("b", new float[] {1.5f}), NamedArray.vector("a", new double[] {2})));
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN);
    long n = bytes.getLong();
    assertEquals(0, n % 8, "header padded to a multiple of 8");
    byte[] header = new byte[(int) n];
    bytes.get(header);
    String json = new String(header, StandardCharsets.UTF_8);
    assertEquals("{\"__metadata__\":{\"k\":\"v\"},"
        + "\"a\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,8]},"
        + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}}", json.stripTrailing());
    assertTrue(json.substring(json.stripTrailing().length()).chars().allMatch(c -> c == ' '));
    assertEquals(2.0, bytes.getDouble());
    assertEquals(1.5f, bytes.getFloat());
    assertEquals(0, bytes.remaining());
  }

  @Test
  void readsAFileWrittenByAnotherWriter() throws IOException {
    // Unpadded header, tensors stored out of name order, as any valid writer may do.
    String json = "{\"z\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
        + "\"a\":{\"dtype\":\"F32\",\"shape\":[1,1],\"data_offsets\":[8,12]}}";
    ByteBuffer data = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    data.putFloat(1).putFloat(2).putFloat(3);
    Path p = RawFiles.write(dir.resolve("raw.safetensors"), json, data.array());
    TensorFile f = Safetensors.read(p);
    assertArrayEquals(new float[] {1, 2}, f.get("z").floats());
    assertArrayEquals(new float[] {3}, f.get("a").floats());
    assertTrue(f.metadata().isEmpty());
  }

  @Test
  void writeReplacesAtomicallyAndLeavesNoTemporaryFile() throws IOException {
    Path p = dir.resolve("ckpt.safetensors");
    Safetensors.write(p, Map.of("v", "1"), List.of(NamedArray.vector("x", new float[] {1})));
    Safetensors.write(p, Map.of("v", "2"), List.of(NamedArray.vector("x", new float[] {2})));
    assertEquals("2", Safetensors.read(p).metadata("v"));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(p), files.toList());
    }
  }

  @Test
  void aFailedWriteKeepsTheOldTargetAndCleansUp() throws IOException {
    // A non-empty directory cannot be replaced: the rename fails after the data was written.
    Path target = Files.createDirectory(dir.resolve("target"));
    Files.writeString(target.resolve("keep"), "old");
    assertThrows(IOException.class, () -> Safetensors.write(target, Map.of(),
        List.of(NamedArray.vector("x", new float[] {1}))));
    assertEquals("old", Files.readString(target.resolve("keep")));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(target), files.toList(), "temporary file removed");
    }
  }

  @Test
  void duplicateAndReservedNamesAreRejected() {
    NamedArray x = NamedArray.vector("x", new float[] {1});
    assertThrows(IllegalArgumentException.class,
        () -> Safetensors.write(dir.resolve("f"), Map.of(), List.of(x, x)));
    assertThrows(IllegalArgumentException.class,
        () -> TensorFile.builder().put(NamedArray.vector("__metadata__", new float[] {1})));
    assertThrows(IllegalArgumentException.class,
        () -> NamedArray.of("bad", new float[3], 2, 2));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TensorFile.builder().put(x).build().get("y"));
    assertTrue(e.getMessage().contains("no tensor 'y'; the file has [x]"), e.getMessage());
  }
}
