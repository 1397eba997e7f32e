package dev.unroll.processor.model;

/**
 * An image's shape: channels, height and width. One sample is a row of {@code c * h * w} values,
 * channel after channel, each channel row after row.
 */
public record Shape(int c, int h, int w) {
  /** Values per sample. */
  public int size() {
    return c * h * w;
  }

  /** Positions per channel. */
  public int plane() {
    return h * w;
  }

  @Override
  public String toString() {
    return c + "x" + h + "x" + w;
  }
}
