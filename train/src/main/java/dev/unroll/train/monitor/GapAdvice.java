package dev.unroll.train.monitor;

/**
 * Reads the gap between training and validation accuracy the way the lecture does: a big gap means
 * overfitting (more regularization, more data), no gap with low training accuracy means the model
 * lacks capacity (make it bigger).
 */
public final class GapAdvice {
  /** Gap above which the run is called overfitting. */
  public static final double OVERFIT_GAP = 0.10;
  /** Gap below which, with training accuracy under {@link #LOW_TRAIN}, capacity is suspected. */
  public static final double NO_GAP = 0.02;
  /** Training accuracy under which a small gap means too little capacity. */
  public static final double LOW_TRAIN = 0.90;

  private GapAdvice() {}

  /** A note for one epoch, or the empty string when the gap says nothing worth acting on. */
  public static String note(double trainAccuracy, double valAccuracy) {
    if (Double.isNaN(valAccuracy) || Double.isNaN(trainAccuracy)) {
      return "";
    }
    double gap = trainAccuracy - valAccuracy;
    if (gap > OVERFIT_GAP) {
      return String.format("overfitting: training %.1f%% vs validation %.1f%%; increase L2, add"
          + " data or stop earlier", 100 * trainAccuracy, 100 * valAccuracy);
    }
    if (gap < NO_GAP && trainAccuracy < LOW_TRAIN) {
      return String.format("no gap at training %.1f%% (validation %.1f%%): the model may lack"
          + " capacity; add units or layers, or lower L2", 100 * trainAccuracy, 100 * valAccuracy);
    }
    return "";
  }
}
