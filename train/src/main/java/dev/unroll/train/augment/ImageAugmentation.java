package dev.unroll.train.augment;

import dev.unroll.runtime.Rng;

/**
 * Random horizontal flips and random crops with zero padding, the CIFAR-style augmentation: each
 * sample of a batch is copied into a buffer of this object's own (the dataset is never changed),
 * mirrored left to right with probability 1/2, and shifted by up to {@code pad} pixels in each
 * direction (a {@code H x W} crop of the image padded by {@code pad} zeros on every side).
 *
 * <p>Seeded: the same seed gives the same flips and shifts on every JDK ({@link Rng}).
 * Allocation-free after construction: {@link #apply} writes into rows allocated once for the
 * largest batch. Rows hold one sample each, channel after channel, each channel row after row
 * (the layout of a conv network's input).
 */
public final class ImageAugmentation {
  private final int channels;
  private final int height;
  private final int width;
  private final boolean flip;
  private final int pad;
  private final Rng rng;
  private final float[][] out;

  /**
   * Augments rows of {@code channels x height x width} images, batches of up to {@code maxBatch}.
   *
   * @param flip whether to mirror half the samples left to right
   * @param pad largest shift in pixels (0: no crop)
   * @throws IllegalArgumentException for a non-positive size or a negative pad
   */
  public ImageAugmentation(int channels, int height, int width, boolean flip, int pad,
      int maxBatch, long seed) {
    if (channels <= 0 || height <= 0 || width <= 0 || maxBatch <= 0) {
      throw new IllegalArgumentException("image shape and batch must be positive, were "
          + channels + "x" + height + "x" + width + " and " + maxBatch);
    }
    if (pad < 0 || pad >= Math.min(height, width)) {
      throw new IllegalArgumentException("pad must be in [0, " + Math.min(height, width)
          + "), was " + pad);
    }
    this.channels = channels;
    this.height = height;
    this.width = width;
    this.flip = flip;
    this.pad = pad;
    this.rng = new Rng(seed);
    this.out = new float[maxBatch][channels * height * width];
  }

  /**
   * The first {@code n} rows of {@code x}, each flipped and shifted at random; the returned rows
   * belong to this object and are overwritten by the next call.
   *
   * @throws IllegalArgumentException when {@code n} exceeds the batch this was made for or a
   *     row's length is not channels x height x width
   */
  public float[][] apply(float[][] x, int n) {
    if (n > out.length) {
      throw new IllegalArgumentException("batch of " + n + " rows, this augmentation was made"
          + " for at most " + out.length);
    }
    int size = channels * height * width;
    for (int i = 0; i < n; i++) {
      if (x[i].length != size) {
        throw new IllegalArgumentException("row " + i + " has " + x[i].length + " values, an "
            + channels + "x" + height + "x" + width + " image has " + size);
      }
      boolean mirror = flip && rng.nextInt(2) == 1;
      int dy = pad == 0 ? 0 : rng.nextInt(2 * pad + 1) - pad;
      int dx = pad == 0 ? 0 : rng.nextInt(2 * pad + 1) - pad;
      transform(x[i], out[i], mirror, dy, dx);
    }
    return out;
  }

  /**
   * {@code to[c][y][x] = from[c][y + dy][x' + dx]} with {@code x' = W - 1 - x} when mirrored,
   * zero where that pixel lies outside the image (the padding).
   */
  void transform(float[] from, float[] to, boolean mirror, int dy, int dx) {
    for (int c = 0; c < channels; c++) {
      int base = c * height * width;
      for (int y = 0; y < height; y++) {
        int sy = y + dy;
        int row = base + y * width;
        if (sy < 0 || sy >= height) {
          java.util.Arrays.fill(to, row, row + width, 0f);
          continue;
        }
        int source = base + sy * width;
        for (int x = 0; x < width; x++) {
          int sx = (mirror ? width - 1 - x : x) + dx;
          to[row + x] = sx >= 0 && sx < width ? from[source + sx] : 0f;
        }
      }
    }
  }
}
