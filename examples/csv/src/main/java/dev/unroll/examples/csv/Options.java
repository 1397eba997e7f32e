package dev.unroll.examples.csv;

import java.nio.file.Path;

/**
 * The command line: {@code [file.csv] [--label NAME|INDEX] [--delimiter C] [--skip-lines N]
 * [--epochs N] [--lr X] [--l2 X] [--batch N] [--seed N] [--save-preprocessing FILE] [--save
 * FILE]}. Without a file the bundled Iris
 * data is used; without {@code --label} the last column is the label. The defaults train the
 * bundled network well.
 */
final class Options {
  static final String USAGE = "usage: java -jar csv.jar [file.csv] [--label NAME|INDEX]"
      + " [--delimiter C] [--skip-lines N] [--epochs N] [--lr X] [--l2 X] [--batch N] [--seed N]"
      + " [--save-preprocessing FILE] [--save FILE]";

  Path file;
  String label;
  char delimiter = ',';
  int skipLines;
  int epochs = 200;
  double learningRate = 0.01;
  double l2 = 1e-4;
  int batch = 16;
  long seed = 42L;
  Path savePreprocessing;
  Path save;

  /**
   * Parses {@code args}.
   *
   * @throws IllegalArgumentException with the usage when an option is unknown or lacks a value
   */
  static Options parse(String... args) {
    Options o = new Options();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--")) {
        if (o.file != null) {
          throw new IllegalArgumentException("more than one file given\n" + USAGE);
        }
        o.file = Path.of(a);
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(a + " needs a value\n" + USAGE);
      }
      String v = args[++i];
      try {
        switch (a) {
          case "--label" -> o.label = v;
          case "--delimiter" -> o.delimiter = v.equals("\\t") ? '\t' : v.charAt(0);
          case "--skip-lines" -> o.skipLines = Integer.parseInt(v);
          case "--epochs" -> o.epochs = Integer.parseInt(v);
          case "--lr" -> o.learningRate = Double.parseDouble(v);
          case "--l2" -> o.l2 = Double.parseDouble(v);
          case "--batch" -> o.batch = Integer.parseInt(v);
          case "--seed" -> o.seed = Long.parseLong(v);
          case "--save-preprocessing" -> o.savePreprocessing = Path.of(v);
          case "--save" -> o.save = Path.of(v);
          default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(a + ": '" + v + "' is not a number\n" + USAGE);
      }
    }
    return o;
  }
}
