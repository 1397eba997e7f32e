package dev.unroll.examples.mnist;

import java.nio.file.Path;

/**
 * The command line: {@code DIR [--conv] [--epochs N] [--lr X] [--l2 X] [--batch N] [--seed N]
 * [--save-preprocessing FILE]}, DIR holding the IDX files; {@code --conv} trains the convnet of
 * {@link MnistConvSpec} instead of the MLP.
 */
final class Options {
  static final String USAGE = "usage: java -jar mnist.jar DIR [--conv] [--epochs N] [--lr X]"
      + " [--l2 X]"
      + " [--batch N] [--seed N] [--save-preprocessing FILE]";

  Path dir;
  int epochs = 20;
  double learningRate = 0.2;
  double l2 = 1e-4;
  int batch = 64;
  long seed = 42L;
  Path savePreprocessing;
  boolean conv;

  /**
   * Parses {@code args}.
   *
   * @throws IllegalArgumentException with the usage when the directory is missing, an option is
   *     unknown or lacks a value
   */
  static Options parse(String... args) {
    Options o = new Options();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--")) {
        if (o.dir != null) {
          throw new IllegalArgumentException("more than one directory given\n" + USAGE);
        }
        o.dir = Path.of(a);
        continue;
      }
      if (a.equals("--conv")) {
        o.conv = true;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(a + " needs a value\n" + USAGE);
      }
      String v = args[++i];
      try {
        switch (a) {
          case "--epochs" -> o.epochs = Integer.parseInt(v);
          case "--lr" -> o.learningRate = Double.parseDouble(v);
          case "--l2" -> o.l2 = Double.parseDouble(v);
          case "--batch" -> o.batch = Integer.parseInt(v);
          case "--seed" -> o.seed = Long.parseLong(v);
          case "--save-preprocessing" -> o.savePreprocessing = Path.of(v);
          default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(a + ": '" + v + "' is not a number\n" + USAGE);
      }
    }
    if (o.dir == null) {
      throw new IllegalArgumentException("name the directory of the MNIST files\n" + USAGE);
    }
    return o;
  }
}
