/**
 * Training written once against {@link dev.unroll.runtime.Model}: the {@link
 * dev.unroll.train.Trainer} loop with learning-rate schedules, early stopping and a divergence
 * guard, evaluation, and the console progress bar. Subpackages hold the optimizers, the sanity
 * checks, the monitor, checkpoints and the HTML report.
 */
package dev.unroll.train;
