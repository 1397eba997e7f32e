package dev.unroll.train.monitor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The record of a run: the loss of every batch, one {@link EpochStats} per epoch and how the run
 * ended. The HTML report draws from it.
 */
public final class TrainingHistory {
  private final String specName;
  private final String architecture;
  private final int layers;
  private final List<EpochStats> epochs = new ArrayList<>();
  private double[] batchLosses = new double[256];
  private int batchCount;
  private String outcome = "";

  /** An empty history of a network. */
  public TrainingHistory(String specName, String architecture, int layers) {
    this.specName = specName;
    this.architecture = architecture;
    this.layers = layers;
  }

  void addBatchLoss(double loss) {
    if (batchCount == batchLosses.length) {
      // Doubling keeps the amortized cost per batch constant.
      batchLosses = Arrays.copyOf(batchLosses, 2 * batchLosses.length);
    }
    batchLosses[batchCount++] = loss;
  }

  void addEpoch(EpochStats e) {
    epochs.add(e);
  }

  /** Sets the sentence saying how the run ended. */
  public void setOutcome(String outcome) {
    this.outcome = outcome;
  }

  /** How the run ended: finished, early-stopped, diverged. */
  public String outcome() {
    return outcome;
  }

  /** Name of the spec trained. */
  public String specName() {
    return specName;
  }

  /** Architecture text of the network trained. */
  public String architecture() {
    return architecture;
  }

  /** Number of layers. */
  public int layers() {
    return layers;
  }

  /** The loss of every batch, in order. */
  public double[] batchLosses() {
    return Arrays.copyOf(batchLosses, batchCount);
  }

  /** The epochs recorded, in order. */
  public List<EpochStats> epochs() {
    return Collections.unmodifiableList(epochs);
  }

  /** The last epoch, or null before the first one ends. */
  public EpochStats last() {
    return epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
  }

  /** A table of the epochs, one line each, with the per-layer update ratios and notes. */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("%-5s %-9s %-9s %-7s %-7s %s%n", "epoch", "lr", "loss", "train",
        "val", "update ratio per layer (log10)"));
    for (EpochStats e : epochs) {
      sb.append(String.format("%-5d %-9.2e %-9.4f %-7s %-7s", e.epoch(), e.learningRate(),
          e.trainLoss(), pct(e.trainAccuracy()), pct(e.valAccuracy())));
      for (LayerStats l : e.layers()) {
        sb.append(String.format(" %5.2f", Math.log10(l.updateRatio())));
      }
      if (!e.note().isEmpty()) {
        sb.append("  ").append(e.note());
      }
      sb.append('\n');
    }
    if (!outcome.isEmpty()) {
      sb.append(outcome).append('\n');
    }
    return sb.toString();
  }

  private static String pct(double a) {
    return Double.isNaN(a) ? "-" : String.format("%.1f%%", 100 * a);
  }
}
