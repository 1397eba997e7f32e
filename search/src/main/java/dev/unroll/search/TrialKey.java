package dev.unroll.search;

/**
 * What identifies a trial across restarts: stage, index and config. A results-file line with the
 * same key is the same trial and is not run again; a line whose config differs (the space was
 * changed) is ignored and the trial runs.
 *
 * @param stage 1-based stage number
 * @param index 0-based index within the stage
 * @param config the hyperparameter values
 */
public record TrialKey(int stage, int index, Config config) {}
