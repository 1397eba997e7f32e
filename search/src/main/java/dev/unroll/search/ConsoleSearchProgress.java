package dev.unroll.search;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A console progress bar per stage: trials done of the stage's total, how many are running, and
 * the best validation accuracy so far. The progressbar library redraws one line
 * and estimates the time left from the rate so far.
 */
public final class ConsoleSearchProgress implements SearchProgress {
  private final PrintStream out;
  private ProgressBar bar;
  private int running;
  private TrialResult best;

  /** A display on standard error. */
  public ConsoleSearchProgress() {
    this(System.err);
  }

  /** A display on {@code out}. */
  public ConsoleSearchProgress(PrintStream out) {
    this.out = out;
  }

  @Override
  public synchronized void stageStarted(int stage, int stages, Stage spec, int trials,
      int alreadyDone) {
    running = 0;
    bar = new ProgressBarBuilder()
        .setTaskName(String.format("stage %d/%d %s", stage, stages, spec.name()))
        .setInitialMax(trials)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(200)
        .setConsumer(new ConsoleProgressBarConsumer(out))
        .build();
    bar.stepTo(alreadyDone);
    bar.setExtraMessage(extra());
  }

  @Override
  public synchronized void trialStarted(Trial trial) {
    running++;
    if (bar != null) {
      bar.setExtraMessage(extra());
    }
  }

  @Override
  public synchronized void trialFinished(TrialResult result) {
    running--;
    if (result.candidate()
        && (best == null || TrialResult.BEST_FIRST.compare(result, best) < 0)) {
      best = result;
    }
    if (bar != null) {
      bar.step();
      bar.setExtraMessage(extra());
    }
  }

  @Override
  public synchronized void stageFinished(int stage) {
    if (bar != null) {
      bar.setExtraMessage(extra());
      bar.close();
      bar = null;
    }
  }

  @Override
  public synchronized void message(String text) {
    if (bar != null) {
      bar.pause();
    }
    out.println(text);
    if (bar != null) {
      bar.resume();
    }
  }

  private String extra() {
    // Short, so the bar fits an 80-column terminal; the table after the search has the configs.
    return "running " + running + ", best "
        + (best == null ? "-" : String.format("%.1f%%", 100 * best.valAccuracy()));
  }
}
