package dev.unroll.train;

/** Why a training run ended. */
public enum StopReason {
  /** All epochs ran. */
  COMPLETED,
  /** Validation accuracy did not improve for {@code patience} epochs. */
  EARLY_STOPPED,
  /** The loss became NaN or infinite, or exceeded 3x (by default) its starting value. */
  DIVERGED
}
