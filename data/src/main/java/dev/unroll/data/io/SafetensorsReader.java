package dev.unroll.data.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.unroll.data.DataFileException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates a safetensors header against the file, then reads the data; see {@link Safetensors}.
 */
final class SafetensorsReader {
  /** The reference implementation refuses headers above 100 MB; so do we, before allocating. */
  static final long MAX_HEADER = 100_000_000L;

  private SafetensorsReader() {}

  /** One tensor's header entry, checked against dtype and shape. */
  private record Entry(String name, Dtype dtype, int[] shape, long begin, long end) {}

  static TensorFile read(Path path) throws IOException {
    try (FileChannel in = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = in.size();
      if (size < 8) {
        throw new DataFileException(path, "truncated: the file has " + size
            + " bytes, fewer than the 8-byte header length");
      }
      long n = readFully(in, 0, 8, path).getLong();
      if (n < 0 || n > size - 8) {
        throw new DataFileException(path, "header length " + Long.toUnsignedString(n)
            + " exceeds the file size: only " + (size - 8) + " bytes follow the length");
      }
      if (n > MAX_HEADER) {
        throw new DataFileException(path, "header length " + n + " exceeds " + MAX_HEADER);
      }
      JsonObject root = parseHeader(path, readFully(in, 8, (int) n, path));
      Map<String, String> metadata = new LinkedHashMap<>();
      List<Entry> entries = new ArrayList<>();
      for (Map.Entry<String, JsonElement> e : root.entrySet()) {
        if (e.getKey().equals(TensorFile.METADATA_KEY)) {
          readMetadata(path, e.getValue(), metadata);
        } else {
          entries.add(entry(path, e.getKey(), e.getValue()));
        }
      }
      long dataStart = 8 + n;
      checkLayout(path, entries, size - dataStart);
      Map<String, NamedArray> tensors = new LinkedHashMap<>();
      for (Entry e : entries) {
        ByteBuffer buf = readFully(in, dataStart + e.begin, (int) (e.end - e.begin), path);
        int count = (int) NamedArray.elementCount(e.shape);
        if (e.dtype == Dtype.F32) {
          float[] data = new float[count];
          buf.asFloatBuffer().get(data);
          tensors.put(e.name, NamedArray.of(e.name, data, e.shape));
        } else {
          double[] data = new double[count];
          buf.asDoubleBuffer().get(data);
          tensors.put(e.name, NamedArray.of(e.name, data, e.shape));
        }
      }
      return TensorFile.read(metadata, tensors, path);
    }
  }

  private static JsonObject parseHeader(Path path, ByteBuffer bytes) throws DataFileException {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes)
          .toString();
    } catch (CharacterCodingException e) {
      throw new DataFileException(path, "header is not UTF-8 text", e);
    }
    if (!text.startsWith("{")) {
      throw new DataFileException(path, "header does not start with '{': not a safetensors file");
    }
    try {
      JsonElement root = JsonParser.parseString(text);
      if (!root.isJsonObject()) {
        throw new DataFileException(path, "header is not a JSON object");
      }
      return root.getAsJsonObject();
    } catch (JsonParseException e) {
      throw new DataFileException(path, "header is not valid JSON: " + e.getMessage(), e);
    }
  }

  private static void readMetadata(Path path, JsonElement value, Map<String, String> out)
      throws DataFileException {
    if (!value.isJsonObject()) {
      throw new DataFileException(path, "__metadata__ is not a JSON object");
    }
    for (Map.Entry<String, JsonElement> m : value.getAsJsonObject().entrySet()) {
      JsonElement v = m.getValue();
      if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) {
        throw new DataFileException(path, "__metadata__ value of '" + m.getKey()
            + "' is not a string: " + v);
      }
      out.put(m.getKey(), v.getAsString());
    }
  }

  private static Entry entry(Path path, String name, JsonElement value) throws DataFileException {
    String where = "tensor '" + name + "': ";
    if (!value.isJsonObject()) {
      throw new DataFileException(path, where + "header entry is not a JSON object");
    }
    JsonObject o = value.getAsJsonObject();
    JsonElement dt = o.get("dtype");
    if (dt == null || !dt.isJsonPrimitive()) {
      throw new DataFileException(path, where + "no dtype");
    }
    Dtype dtype = Dtype.parse(dt.getAsString());
    if (dtype == null) {
      throw new DataFileException(path, where + "dtype " + dt.getAsString()
          + " is not supported (supported: " + Arrays.toString(Dtype.values()) + ")");
    }
    long[] shapeLong = longs(path, where + "shape", o.get("shape"), -1);
    int[] shape = new int[shapeLong.length];
    long count = 1;
    for (int i = 0; i < shape.length; i++) {
      if (shapeLong[i] > Integer.MAX_VALUE) {
        throw new DataFileException(path, where + "dimension " + shapeLong[i] + " is too large");
      }
      shape[i] = (int) shapeLong[i];
      count = Math.multiplyExact(count, shapeLong[i]);
    }
    if (count > Integer.MAX_VALUE - 8) {
      throw new DataFileException(path, where + "shape " + Arrays.toString(shape) + " has "
          + count + " elements, more than a Java array holds");
    }
    long[] offsets = longs(path, where + "data_offsets", o.get("data_offsets"), 2);
    long begin = offsets[0];
    long end = offsets[1];
    if (end < begin) {
      throw new DataFileException(path, where + "data_offsets [" + begin + ", " + end
          + "] out of range: end before begin");
    }
    long expected = count * dtype.bytes();
    if (end - begin != expected) {
      throw new DataFileException(path, where + "data size " + (end - begin)
          + " bytes does not match dtype " + dtype + " x shape " + Arrays.toString(shape) + " = "
          + expected + " bytes");
    }
    return new Entry(name, dtype, shape, begin, end);
  }

  /** A JSON array of non-negative integers, of {@code length} entries unless it is -1. */
  private static long[] longs(Path path, String what, JsonElement value, int length)
      throws DataFileException {
    if (value == null || !value.isJsonArray()) {
      throw new DataFileException(path, what + " is missing or not an array");
    }
    JsonArray array = value.getAsJsonArray();
    if (length >= 0 && array.size() != length) {
      throw new DataFileException(path, what + " has " + array.size() + " entries, expected "
          + length);
    }
    long[] out = new long[array.size()];
    for (int i = 0; i < out.length; i++) {
      JsonElement e = array.get(i);
      try {
        out[i] = e.getAsJsonPrimitive().getAsBigDecimal().longValueExact();
      } catch (RuntimeException ex) {
        throw new DataFileException(path, what + " entry " + e + " is not an integer");
      }
      if (out[i] < 0) {
        throw new DataFileException(path, what + " entry " + out[i] + " is negative");
      }
    }
    return out;
  }

  /** Ranges sorted by begin must tile [0, dataLength) exactly, as the reference reader demands. */
  private static void checkLayout(Path path, List<Entry> entries, long dataLength)
      throws DataFileException {
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
    long covered = 0;
    Entry previous = null;
    for (Entry e : sorted) {
      if (e.begin < covered) {
        throw new DataFileException(path, "tensors '" + previous.name + "' [" + previous.begin
            + ", " + previous.end + "] and '" + e.name + "' [" + e.begin + ", " + e.end
            + "] overlap");
      }
      if (e.begin > covered) {
        throw new DataFileException(path, "tensor '" + e.name + "': data_offsets [" + e.begin
            + ", " + e.end + "] leave " + (e.begin - covered) + " unused bytes before it");
      }
      covered = e.end;
      previous = e;
    }
    if (covered > dataLength) {
      throw new DataFileException(path, "truncated: the header describes " + covered
          + " bytes of tensor data but only " + dataLength + " bytes follow the header");
    }
    if (covered < dataLength) {
      throw new DataFileException(path, (dataLength - covered)
          + " bytes after the last tensor's data that no tensor covers");
    }
  }

  private static ByteBuffer readFully(FileChannel in, long position, int length, Path path)
      throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    while (buf.hasRemaining()) {
      int read = in.read(buf, position + buf.position());
      if (read < 0) {
        throw new DataFileException(path, "truncated: expected " + length + " bytes at offset "
            + position + ", found " + buf.position(), new EOFException());
      }
    }
    return buf.flip();
  }
}
