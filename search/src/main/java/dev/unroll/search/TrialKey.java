package dev.unroll.search;

/**
 * What identifies a trial across restarts: stage (with its length in epochs), index and config. A
 * results-file line with the same key is the same trial and is not run again; a line whose config
 * or epochs differ (the space, the seed or the stage was changed) is ignored and the trial runs.
 *
 * @param stage 1-based stage number
 * @param epochs epochs the stage trains each trial
 * @param index 0-based index within the stage
 * @param config the hyperparameter values
 */
public record TrialKey(int stage, int epochs, int index, Config config) {}
