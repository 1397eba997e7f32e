package dev.unroll.examples.tuning;

import dev.unroll.runtime.Rng;

/**
 * The CS231n spiral: K arms of N points each, radius r = i / (N - 1) and angle t = 4k + 4r plus
 * N(0, 0.2) noise, point (r sin t, r cos t). Not linearly separable, so it needs the hidden layer.
 */
public final class SpiralData {
  /** Points per class. */
  public static final int PER_CLASS = 100;
  /** Classes (arms). */
  public static final int CLASSES = 3;
  /** All points. */
  public static final int SAMPLES = PER_CLASS * CLASSES;

  /** Features, one row (x, y) per point. */
  public final float[][] x = new float[SAMPLES][2];
  /** Arm of each point. */
  public final int[] y = new int[SAMPLES];

  /** The spiral drawn with noise from {@code seed}. */
  public SpiralData(long seed) {
    Rng rng = new Rng(seed);
    for (int k = 0; k < CLASSES; k++) {
      for (int i = 0; i < PER_CLASS; i++) {
        int row = k * PER_CLASS + i;
        double r = (double) i / (PER_CLASS - 1);
        double t = 4.0 * k + 4.0 * r + 0.2 * rng.gaussian();
        x[row][0] = (float) (r * Math.sin(t));
        x[row][1] = (float) (r * Math.cos(t));
        y[row] = k;
      }
    }
  }
}
