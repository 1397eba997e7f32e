package dev.unroll.search;

/**
 * One trial to run: where it sits in the search, its config, the seed its network and its batch
 * order come from, and how long it trains.
 *
 * @param stage 1-based stage number
 * @param stageName the stage's name
 * @param index 0-based index within the stage
 * @param config the hyperparameter values
 * @param seed derived from the search seed, the stage and the index
 * @param epochs epochs to train, from the stage
 */
public record Trial(int stage, String stageName, int index, Config config, long seed,
    int epochs) {
  /** What identifies the trial in a results file. */
  public TrialKey key() {
    return new TrialKey(stage, epochs, index, config);
  }
}
