package dev.unroll.data.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The contents of a safetensors file: named tensors, in name order, and the string-to-string
 * {@code __metadata__} map. Build one to write with {@link Safetensors#write(Path, TensorFile)};
 * {@link Safetensors#read(Path)} returns one.
 *
 * <pre>{@code
 * TensorFile file = TensorFile.builder()
 *     .metadata("format", "unroll-checkpoint")
 *     .put(NamedArray.ofRows("layer1.W", w1))
 *     .put(NamedArray.vector("layer1.b", b1))
 *     .build();
 * Safetensors.write(path, file);
 * float[][] w = Safetensors.read(path).get("layer1.W").toFloatRows();
 * }</pre>
 */
public final class TensorFile {
  /** The header key the format reserves for the metadata map. */
  public static final String METADATA_KEY = "__metadata__";

  private final Map<String, String> metadata;
  private final Map<String, NamedArray> tensors;
  private final Path source;

  private TensorFile(Map<String, String> metadata, Map<String, NamedArray> tensors, Path source) {
    this.metadata = Collections.unmodifiableMap(new TreeMap<>(metadata));
    this.tensors = Collections.unmodifiableMap(new TreeMap<>(tensors));
    this.source = source;
  }

  /** An empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A file of these tensors and metadata; names must be unique. */
  public static TensorFile of(Map<String, String> metadata, List<NamedArray> tensors) {
    Builder b = builder();
    metadata.forEach(b::metadata);
    tensors.forEach(b::put);
    return b.build();
  }

  static TensorFile read(Map<String, String> metadata, Map<String, NamedArray> tensors, Path from) {
    return new TensorFile(metadata, tensors, from);
  }

  /** The metadata, sorted by key, unmodifiable. */
  public Map<String, String> metadata() {
    return metadata;
  }

  /** The metadata value of {@code key}, or null. */
  public String metadata(String key) {
    return metadata.get(key);
  }

  /** The tensors sorted by name (the order they are stored in). */
  public List<NamedArray> tensors() {
    return new ArrayList<>(tensors.values());
  }

  /** The tensor names, sorted. */
  public List<String> names() {
    return new ArrayList<>(tensors.keySet());
  }

  /** Whether a tensor is called {@code name}. */
  public boolean contains(String name) {
    return tensors.containsKey(name);
  }

  /**
   * The tensor called {@code name}.
   *
   * @throws IllegalArgumentException when there is none; the message names the file and the
   *     tensors it has
   */
  public NamedArray get(String name) {
    NamedArray t = tensors.get(name);
    if (t == null) {
      throw new IllegalArgumentException((source == null ? "" : source + ": ") + "no tensor '"
          + name + "'; the file has " + tensors.keySet());
    }
    return t;
  }

  /** The file this was read from, or null when it was built in memory. */
  public Path source() {
    return source;
  }

  @Override
  public String toString() {
    return "TensorFile" + tensors.values() + (metadata.isEmpty() ? "" : " " + metadata);
  }

  /** Collects tensors and metadata; rejects duplicate and reserved names. */
  public static final class Builder {
    private final Map<String, String> metadata = new TreeMap<>();
    private final Map<String, NamedArray> tensors = new TreeMap<>();

    private Builder() {}

    /** Adds a metadata entry (replacing an earlier value of the same key). */
    public Builder metadata(String key, String value) {
      metadata.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Adds a tensor.
     *
     * @throws IllegalArgumentException when the name is taken or is {@value #METADATA_KEY}
     */
    public Builder put(NamedArray tensor) {
      String name = tensor.name();
      if (name.equals(METADATA_KEY)) {
        throw new IllegalArgumentException("'" + METADATA_KEY + "' is reserved for metadata");
      }
      if (tensors.putIfAbsent(name, tensor) != null) {
        throw new IllegalArgumentException("two tensors are named '" + name + "'");
      }
      return this;
    }

    /** The file. */
    public TensorFile build() {
      return new TensorFile(metadata, tensors, null);
    }
  }
}
