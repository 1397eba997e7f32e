package dev.unroll.data.load;

/** How image loaders turn pixel bytes 0..255 into features. */
public enum PixelScale {
  /** {@code pixel / 255f}, in [0, 1]: the usual input before zero-centering. */
  UNIT,
  /** The byte value as a float, in [0, 255], for statistics that expect raw intensities. */
  RAW;

  /** The feature value of an unsigned pixel byte. */
  float apply(byte pixel) {
    int v = pixel & 0xff;
    return this == UNIT ? v / 255f : v;
  }
}
