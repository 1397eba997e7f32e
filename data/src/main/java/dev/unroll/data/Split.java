package dev.unroll.data;

/**
 * A dataset cut into training, validation and test parts. Fit preprocessing on {@link #train()}
 * only and apply it unchanged to the other two.
 *
 * @param train the samples to fit weights and preprocessing statistics on
 * @param validation the samples to choose hyperparameters on
 * @param test the samples to report the final accuracy on, looked at once
 */
public record Split(Dataset train, Dataset validation, Dataset test) {}
