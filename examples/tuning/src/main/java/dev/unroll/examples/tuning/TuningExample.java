package dev.unroll.examples.tuning;

import dev.unroll.data.Dataset;
import dev.unroll.data.Split;
import dev.unroll.data.Splits;
import dev.unroll.search.Search;
import dev.unroll.search.SearchProgress;
import dev.unroll.search.SearchResult;
import dev.unroll.search.SearchSpace;
import dev.unroll.search.Stage;
import dev.unroll.search.TrainerTrials;
import dev.unroll.search.TrialResult;
import dev.unroll.search.report.SearchReport;
import dev.unroll.train.Trainer;
import dev.unroll.train.TrainingResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The lecture's hyperparameter recipe on the CS231n spiral: random search, coarse to fine, over
 * the learning rate and L2 strength (log-uniform) and the momentum (from {0.5, 0.9, 0.95, 0.99}),
 * with mini-batches of 30, ranked on a stratified validation fifth of the points. The spiral
 * example's hand-chosen settings (full-batch SGD, lr 1.0, L2 1e-3, 10,000 steps) are measured on
 * the same split, so the two numbers can be compared.
 *
 * <p>Both numbers are the validation accuracy of the best epoch, whose weights the trainer
 * restores: the same measure for the search's trials and for the hand-chosen run.
 */
public final class TuningExample {
  /** Points per mini-batch in the search (8 batches per epoch of 240 training points). */
  static final int BATCH = 30;

  private TuningExample() {}

  /** {@code [seed] [results.jsonl]}; the report is written beside the results file. */
  public static void main(String[] args) throws IOException {
    long seed = args.length > 0 ? Long.parseLong(args[0]) : 42L;
    Path results = Path.of(args.length > 1 ? args[1] : "tuning-trials.jsonl");
    Outcome o = run(seed, results, Runtime.getRuntime().availableProcessors(), true, System.out);
    Path report = results.toAbsolutePath().resolveSibling("tuning-report.html");
    SearchReport.of(o.search()).title("Unroll: tuning the CS231n spiral").write(report);
    System.out.println("trials: " + results.toAbsolutePath());
    System.out.println("report: " + report);
  }

  /**
   * What the comparison found.
   *
   * @param search every trial of the search
   * @param best the search's best trial
   * @param hand the hand-chosen settings' training run on the same split
   */
  public record Outcome(SearchResult search, TrialResult best, TrainingResult hand) {}

  /** Measures the hand-chosen settings, runs the search, prints both to {@code out}. */
  public static Outcome run(long seed, Path results, int threads, boolean progress,
      PrintStream out) throws IOException {
    SpiralData spiral = new SpiralData(seed);
    Split split = Splits.stratified(Dataset.of(spiral.x, spiral.y), 0.8, 0.2, seed);
    Dataset train = split.train();
    Dataset validation = split.validation();

    // The spiral example's settings: one full batch per step, so 10,000 epochs are its 10,000
    // steps.
    TrainingResult hand = new Trainer().observationsPerEpoch(0).batchSize(train.size())
        .epochs(10_000).learningRate(1.0).l2(1e-3).seed(seed)
        .validateOn(validation).restoreBest(true).fit(new SpiralNet(seed), train);
    out.printf("spiral: %d training, %d validation points%n", train.size(), validation.size());
    out.printf("hand-chosen (full-batch SGD, lr 1.0, L2 1e-3, 10000 steps): validation %.1f%%"
        + " (best epoch %d)%n", 100 * hand.bestValAccuracy(), hand.bestEpoch());

    SearchSpace space = SearchSpace.builder()
        .logUniform("lr", 1e-4, 10)
        .logUniform("l2", 1e-6, 1e-1)
        .choice("momentum", 0.5, 0.9, 0.95, 0.99)
        .build();
    SearchResult r = new Search(space)
        .model(SpiralNet::new)
        .data(train, validation)
        .trainer(() -> TrainerTrials.defaultBase().batchSize(BATCH))
        // Coarse: many short trials over wide ranges; then longer trials in narrower ranges.
        .stages(Stage.of("coarse", 60, 10), Stage.of("medium", 16, 100).keep(0.3),
            Stage.of("long", 6, 500).keep(0.5))
        .seed(seed)
        .threads(threads)
        .resultsFile(results)
        .progress(progress ? new dev.unroll.search.ConsoleSearchProgress()
            : SearchProgress.NONE)
        .run();
    TrialResult best = r.best().orElseThrow(
        () -> new IllegalStateException("every trial diverged or failed:\n" + r.table(20)));
    out.println();
    out.print(r.table(12));
    out.printf("%nsearch best (%s, %s, %d epochs): validation %.1f%%%n", best.config(),
        best.stageName(), best.epochsRun(), 100 * best.valAccuracy());
    out.printf("hand-chosen: validation %.1f%%; the search is %s%n",
        100 * hand.bestValAccuracy(), best.valAccuracy() >= hand.bestValAccuracy()
            ? "at least as good" : "worse");
    return new Outcome(r, best, hand);
  }
}
