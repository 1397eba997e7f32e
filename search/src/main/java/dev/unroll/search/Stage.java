package dev.unroll.search;

/**
 * One pass of a coarse-to-fine search: how many trials, how long each trains, and how much of the
 * previous stage's ranges it keeps around the best config found so far. The lecture's recipe is a
 * first stage of many one-epoch trials over wide ranges, then a few epochs each over the
 * promising region, then long runs:
 *
 * <pre>{@code
 * Stage.of("coarse", 60, 1), Stage.of("fine", 20, 5).keep(0.25), Stage.of("long", 4, 30).keep(0.5)
 * }</pre>
 *
 * @param name shown in tables and progress
 * @param trials number of trials (random search); a grid stage runs its grid whatever this is
 * @param epochs epochs each trial trains
 * @param keep fraction of each range's width kept around the best so far (in log space for
 *     log-uniform parameters); 1 searches the previous stage's ranges again
 */
public record Stage(String name, int trials, int epochs, double keep) {
  /** Checks the values. */
  public Stage {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a stage needs a name");
    }
    if (trials < 1 || epochs < 1) {
      throw new IllegalArgumentException("stage " + name + " needs trials >= 1 and epochs >= 1,"
          + " got " + trials + " and " + epochs);
    }
    if (!(keep > 0 && keep <= 1)) {
      throw new IllegalArgumentException("stage " + name + " must keep a fraction in (0, 1] of"
          + " the ranges, got " + keep);
    }
  }

  /** A stage over the previous ranges, not narrowed (the first stage is always this). */
  public static Stage of(String name, int trials, int epochs) {
    return new Stage(name, trials, epochs, 1);
  }

  /** This stage narrowed to {@code keep} of the previous ranges around the best so far. */
  public Stage keep(double keep) {
    return new Stage(name, trials, epochs, keep);
  }
}
