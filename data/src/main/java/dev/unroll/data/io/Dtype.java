package dev.unroll.data.io;

/**
 * Element types this library reads and writes in safetensors files, named as the format names
 * them. Both are IEEE 754, stored little-endian.
 */
public enum Dtype {
  /** 32-bit float, Java {@code float}. */
  F32(4),
  /** 64-bit float, Java {@code double}. */
  F64(8);

  private final int bytes;

  Dtype(int bytes) {
    this.bytes = bytes;
  }

  /** Bytes per element. */
  public int bytes() {
    return bytes;
  }

  /** The type named {@code name} in a header, or null when this library does not support it. */
  static Dtype parse(String name) {
    for (Dtype d : values()) {
      if (d.name().equals(name)) {
        return d;
      }
    }
    return null;
  }
}
