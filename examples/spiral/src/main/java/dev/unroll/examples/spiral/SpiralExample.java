package dev.unroll.examples.spiral;

import dev.unroll.runtime.Model;
import java.io.PrintStream;

/**
 * Trains the spiral network full-batch with plain SGD, as the CS231n case study does (step size
 * 1.0, L2 1e-3, 10,000 steps), printing the loss as it goes and the final training accuracy.
 */
public final class SpiralExample {
  /** The course's settings. */
  static final double LEARNING_RATE = 1.0;
  static final double L2 = 1e-3;
  static final int STEPS = 10_000;

  private SpiralExample() {}

  /** Entry point of the README's first command. */
  public static void main(String[] args) {
    long seed = args.length > 0 ? Long.parseLong(args[0]) : 42L;
    Result r = train(seed, STEPS, System.out);
    System.out.printf("final training accuracy: %.1f%% (%d of %d)%n", 100 * r.accuracy(),
        r.correct(), SpiralData.SAMPLES);
  }

  /** What a run ended with. */
  public record Result(double loss, int correct, double accuracy, Model model) {}

  /** Trains from {@code seed}; prints every 1,000 steps to {@code out} (may be null). */
  public static Result train(long seed, int steps, PrintStream out) {
    SpiralData data = new SpiralData(seed);
    SpiralNet net = new SpiralNet(seed);
    net.setL2(L2);
    if (out != null) {
      out.printf("%s%n%d points, %d classes; SGD lr %.1f, L2 %.0e, %d steps%n", net,
          SpiralData.SAMPLES, SpiralData.CLASSES, LEARNING_RATE, L2, steps);
    }
    double loss = Double.NaN;
    for (int step = 0; step < steps; step++) {
      net.forward(data.x, SpiralData.SAMPLES);
      loss = net.loss(data.y, SpiralData.SAMPLES);
      if (out != null && step % 1000 == 0) {
        out.printf("step %5d  loss %.4f  accuracy %.1f%%%n", step, loss,
            100.0 * correct(net, data) / SpiralData.SAMPLES);
      }
      net.backward();
      net.sgdStep(LEARNING_RATE);
    }
    net.forward(data.x, SpiralData.SAMPLES);
    int correct = correct(net, data);
    return new Result(loss, correct, (double) correct / SpiralData.SAMPLES, net);
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
