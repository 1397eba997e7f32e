package dev.unroll.search;

/**
 * Seeds derived from the search seed and a trial's coordinates, so each trial's config and
 * training depend only on (seed, stage, index) and never on which thread ran it first.
 */
public final class Seeds {
  private Seeds() {}

  /** What a derived seed is for, so the config draw and the training draw are unrelated. */
  public enum Purpose {
    /** Drawing the trial's config. */
    CONFIG,
    /** Initializing and training the trial's network. */
    TRAINING
  }

  /**
   * A seed for trial {@code index} of stage {@code stage} (both 1-based or both 0-based, as long as
   * the caller is consistent): each coordinate goes through SplitMix64's finalizer in turn, which
   * spreads neighbouring inputs over all 64 bits.
   */
  public static long derive(long searchSeed, int stage, int index, Purpose purpose) {
    long h = mix(searchSeed);
    h = mix(h ^ (0x9E3779B97F4A7C15L * (stage + 1)));
    h = mix(h ^ (0xC2B2AE3D27D4EB4FL * (index + 1)));
    return mix(h ^ (0x165667B19E3779F9L * (purpose.ordinal() + 1)));
  }

  /** SplitMix64's output function (Steele, Lea and Flood 2014). */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
