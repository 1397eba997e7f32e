package dev.unroll.train;

import dev.unroll.train.monitor.TrainingHistory;
import dev.unroll.train.optim.Optimizer;

/**
 * The outcome of {@link Trainer#fit}.
 *
 * @param reason why training ended
 * @param message a sentence for the user: what happened, and for a divergence what to do
 * @param epochsRun epochs completed
 * @param bestEpoch 1-based epoch of the best validation accuracy (0 without validation, or when
 *     training diverged before the first epoch ended)
 * @param bestValAccuracy that accuracy (NaN when {@code bestEpoch} is 0)
 * @param history per-batch losses and per-epoch statistics, for reports
 * @param optimizer the optimizer with its state, for checkpoints and further training
 */
public record TrainingResult(StopReason reason, String message, int epochsRun, int bestEpoch,
    double bestValAccuracy, TrainingHistory history, Optimizer optimizer) {}
