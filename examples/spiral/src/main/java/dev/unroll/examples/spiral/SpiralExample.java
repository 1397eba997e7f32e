package dev.unroll.examples.spiral;

import dev.unroll.runtime.Model;
import dev.unroll.train.Trainer;
import dev.unroll.train.TrainingResult;
import dev.unroll.train.check.SanityChecks;
import dev.unroll.train.check.SanityReport;
import dev.unroll.train.optim.Optimizers;
import dev.unroll.train.report.HtmlReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The CS231n case study, babysat: the lecture's sanity checks first, then full-batch SGD (step
 * size 1.0, L2 1e-3, 10,000 steps, as the course notes), validated on a second spiral drawn from
 * another seed, then an HTML report with the loss curve, accuracies, update ratios and activation
 * histograms.
 */
public final class SpiralExample {
  /** The course's settings. */
  static final double LEARNING_RATE = 1.0;
  static final double L2 = 1e-3;
  static final int STEPS = 10_000;

  private SpiralExample() {}

  /** Entry point of the README's first command: {@code [report.html] [seed]}. */
  public static void main(String[] args) throws IOException {
    Path report = Path.of(args.length > 0 ? args[0] : "spiral-report.html");
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 42L;
    Result r = train(seed, STEPS, System.out, true);
    HtmlReport.of(r.training().history()).model(r.model()).sanity(r.sanity())
        .title("Unroll: the CS231n spiral").write(report);
    System.out.printf("final training accuracy: %.1f%% (%d of %d), validation %.1f%%%n",
        100 * r.accuracy(), r.correct(), SpiralData.SAMPLES, 100 * r.validationAccuracy());
    System.out.println("report: " + report.toAbsolutePath());
  }

  /** What a run ended with. */
  public record Result(int correct, double accuracy, double validationAccuracy, Model model,
      SanityReport sanity, TrainingResult training) {}

  /** Checks and trains from {@code seed}, printing to {@code out} (may be null). */
  public static Result train(long seed, int steps, PrintStream out, boolean progress) {
    SpiralData data = new SpiralData(seed);
    SpiralData validation = new SpiralData(seed + 1);
    SpiralNet net = new SpiralNet(seed);
    // 20 spiral points need a bolder optimizer than the check's default to be memorized quickly
    SanityReport sanity = new SanityChecks().seed(seed)
        .overfit(20, 300, Optimizers.adam(), 0.05)
        .runAll(net, data.x, data.y);
    if (out != null) {
      out.printf("%s%n%d points, %d classes; SGD lr %.1f, L2 %.0e, %d full-batch steps%n", net,
          SpiralData.SAMPLES, SpiralData.CLASSES, LEARNING_RATE, L2, steps);
      out.println(sanity);
    }
    TrainingResult result = new Trainer()
        .epochs(steps)
        .batchSize(SpiralData.SAMPLES)
        .optimizer(Optimizers.sgd())
        .learningRate(LEARNING_RATE)
        .l2(L2)
        .seed(seed)
        .observationsPerEpoch(1)
        .progress(progress)
        .validateOn(validation.x, validation.y)
        .restoreBest(true)
        .fit(net, data.x, data.y);
    if (out != null) {
      out.println(result.message());
    }
    net.setTraining(false);
    net.forward(data.x, SpiralData.SAMPLES);
    int correct = correct(net, data);
    net.forward(validation.x, SpiralData.SAMPLES);
    int validCorrect = correct(net, validation);
    return new Result(correct, (double) correct / SpiralData.SAMPLES,
        (double) validCorrect / SpiralData.SAMPLES, net, sanity, result);
  }

  static int correct(Model net, SpiralData data) {
    int correct = 0;
    for (int i = 0; i < SpiralData.SAMPLES; i++) {
      if (net.predict(i) == data.y[i]) {
        correct++;
      }
    }
    return correct;
  }
}
