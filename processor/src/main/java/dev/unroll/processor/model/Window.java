package dev.unroll.processor.model;

/**
 * The sliding window of a conv or pooling layer: {@code size x size} pixels, moved by {@code
 * stride}, over the input with {@code pad} zero rows and columns on each side.
 */
public record Window(int size, int stride, int pad) {
  /** Output positions along a side of {@code in} pixels: {@code floor((in + 2 pad - size) / stride) + 1}. */
  public int out(int in) {
    return (in + 2 * pad - size) / stride + 1;
  }

  /** Input pixels along a side that no window reaches ({@code (in + 2 pad - size) mod stride}). */
  public int dropped(int in) {
    return (in + 2 * pad - size) % stride;
  }
}
