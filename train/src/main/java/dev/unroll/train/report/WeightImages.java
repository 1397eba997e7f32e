package dev.unroll.train.report;

import dev.unroll.runtime.Tensor;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * First-layer weights as pictures, as the lecture shows them: each unit's incoming weights (one
 * column of the fan_in x fan_out matrix) reshaped to the input image and scaled to grey levels (or
 * RGB for 3 channels stored channel by channel), tiled in a grid.
 */
public final class WeightImages {
  private static final int ZOOM = 3;
  private static final int GAP = 2;

  private WeightImages() {}

  /**
   * The side of a square image with {@code inputs} pixels, or 0 when {@code inputs} is not a
   * perfect square.
   */
  public static int squareSide(int inputs) {
    int side = (int) Math.round(Math.sqrt(inputs));
    return side * side == inputs ? side : 0;
  }

  /**
   * A grid of at most {@code maxUnits} tiles of {@code height x width x channels} (channels 1 or
   * 3, stored channel-major), each scaled from its own min and max.
   */
  public static BufferedImage tiles(Tensor weights, int height, int width, int channels,
      int maxUnits) {
    if (height * width * channels != weights.rows()) {
      throw new IllegalArgumentException(weights.name() + " has " + weights.rows()
          + " inputs, not " + height + " x " + width + " x " + channels);
    }
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
    }
    int units = Math.min(maxUnits, weights.cols());
    int perRow = (int) Math.ceil(Math.sqrt(units));
    int rows = (units + perRow - 1) / perRow;
    int tw = width * ZOOM + GAP;
    int th = height * ZOOM + GAP;
    BufferedImage img = new BufferedImage(perRow * tw + GAP, rows * th + GAP,
        BufferedImage.TYPE_INT_RGB);
    var g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, img.getWidth(), img.getHeight());
    g.dispose();
    int plane = height * width;
    for (int u = 0; u < units; u++) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < weights.rows(); i++) {
        double v = weights.get(i, u);
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      double scale = max > min ? 255 / (max - min) : 0;
      int ox = GAP + (u % perRow) * tw;
      int oy = GAP + (u / perRow) * th;
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          int p = y * width + x;
          int r = level(weights.get(p, u), min, scale);
          int gr = channels == 3 ? level(weights.get(plane + p, u), min, scale) : r;
          int b = channels == 3 ? level(weights.get(2 * plane + p, u), min, scale) : r;
          int rgb = (r << 16) | (gr << 8) | b;
          for (int dy = 0; dy < ZOOM; dy++) {
            for (int dx = 0; dx < ZOOM; dx++) {
              img.setRGB(ox + x * ZOOM + dx, oy + y * ZOOM + dy, rgb);
            }
          }
        }
      }
    }
    return img;
  }

  private static int level(double v, double min, double scale) {
    return (int) Math.max(0, Math.min(255, Math.round((v - min) * scale)));
  }

  /** PNG bytes of an image. */
  public static byte[] png(BufferedImage img) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(img, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
