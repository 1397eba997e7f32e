package dev.unroll.train;

/**
 * A learning-rate schedule: the rate for each 0-based epoch. The CS231n notes' decays are step
 * decay (multiply by a factor every few epochs) and exponential decay {@code lr0 * e^(-k t)}.
 */
@FunctionalInterface
public interface LearningRate {
  /** The learning rate during epoch {@code epoch} (0-based). */
  double at(int epoch);

  /** The same rate every epoch. */
  static LearningRate constant(double lr) {
    requirePositive(lr);
    return epoch -> lr;
  }

  /** Step decay: {@code lr0 * factor^floor(epoch / every)}, e.g. halve every 5 epochs. */
  static LearningRate step(double lr0, double factor, int every) {
    requirePositive(lr0);
    if (!(factor > 0 && factor <= 1) || every < 1) {
      throw new IllegalArgumentException(
          "step decay needs 0 < factor <= 1 and every >= 1, got " + factor + " and " + every);
    }
    return epoch -> lr0 * Math.pow(factor, epoch / every);
  }

  /** Exponential decay: {@code lr0 * e^(-k * epoch)}. */
  static LearningRate exponential(double lr0, double k) {
    requirePositive(lr0);
    // an infinite k would give e^(-inf * 0) = e^NaN at epoch 0
    if (!(k >= 0 && k < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("exponential decay needs a finite k >= 0, got " + k);
    }
    return epoch -> lr0 * Math.exp(-k * epoch);
  }

  private static void requirePositive(double lr) {
    if (!(lr > 0) || Double.isInfinite(lr)) {
      throw new IllegalArgumentException("learning rate must be finite and > 0, got " + lr);
    }
  }
}
