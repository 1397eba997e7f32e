package dev.unroll.train;

import java.io.PrintStream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A console progress bar over all batches of a run, showing epoch, batch, recent loss, the last
 * epoch's accuracies and the time left (estimated by the progressbar library from the rate so far).
 */
public final class ConsoleProgress implements Progress {
  private final PrintStream out;
  private ProgressBar bar;
  private int epochs;
  private int batches;
  private double trainAccuracy = Double.NaN;
  private double valAccuracy = Double.NaN;
  private double smoothLoss = Double.NaN;

  /** A bar on standard error. */
  public ConsoleProgress() {
    this(System.err);
  }

  /** A bar on {@code out}. */
  public ConsoleProgress(PrintStream out) {
    this.out = out;
  }

  @Override
  public void start(int epochs, int batchesPerEpoch) {
    this.epochs = epochs;
    this.batches = batchesPerEpoch;
    bar = new ProgressBarBuilder()
        .setTaskName("train")
        .setInitialMax((long) epochs * batchesPerEpoch)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(250)
        .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(out))
        .build();
  }

  @Override
  public void batch(int epoch, int batch, double loss) {
    // An exponential moving average, so the shown loss does not flicker batch to batch.
    smoothLoss = Double.isNaN(smoothLoss) ? loss : 0.9 * smoothLoss + 0.1 * loss;
    bar.step();
    if (batch % 16 == 0 || batch == batches - 1) {
      bar.setExtraMessage(String.format("epoch %d/%d batch %d/%d loss %.4f acc %s/%s",
          epoch + 1, epochs, batch + 1, batches, smoothLoss, percent(trainAccuracy),
          percent(valAccuracy)));
    }
  }

  @Override
  public void epoch(int epoch, double trainAccuracy, double valAccuracy) {
    this.trainAccuracy = trainAccuracy;
    this.valAccuracy = valAccuracy;
  }

  @Override
  public void message(String text) {
    if (bar != null) {
      bar.pause();
    }
    out.println();
    out.println(text);
    if (bar != null) {
      bar.resume();
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }

  private static String percent(double a) {
    return Double.isNaN(a) ? "-" : String.format("%.1f%%", 100 * a);
  }
}
