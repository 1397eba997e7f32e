package dev.unroll.train.monitor;

import dev.unroll.runtime.Model;
import dev.unroll.spec.Activation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds each layer's nonlinearity, which the monitor needs to know what "dead" and "saturated"
 * mean. {@link Model} does not expose it, so it is read from {@link Model#architecture()} when that
 * text names exactly one activation per layer, and otherwise inferred from the outputs.
 */
public final class LayerActivations {
  // Longer names first, so PRELU and LEAKY_RELU are not read as RELU (the word boundary already
  // keeps RELU out of LEAKY_RELU, since '_' is a word character).
  private static final Pattern NAMES = Pattern.compile(
      "\\b(LEAKY_RELU|PRELU|RELU|ELU|TANH|SIGMOID|MAXOUT|IDENTITY)\\b", Pattern.CASE_INSENSITIVE);

  private LayerActivations() {}

  /**
   * The activations named in {@code architecture}, one per layer, or an empty list when the text
   * does not name exactly {@code layers} of them.
   */
  public static List<Activation> fromArchitecture(String architecture, int layers) {
    List<Activation> found = new ArrayList<>();
    Matcher m = NAMES.matcher(architecture);
    while (m.find()) {
      found.add(Activation.valueOf(m.group(1).toUpperCase(java.util.Locale.ROOT)));
    }
    return found.size() == layers ? found : List.of();
  }

  /**
   * A guess from one batch of outputs: non-negative with exact zeros reads as ReLU, within [0, 1]
   * as sigmoid, within [-1, 1] with negatives as tanh, anything else as identity.
   */
  public static Activation infer(double min, double max, long zeros) {
    if (min >= 0 && zeros > 0) {
      return Activation.RELU;
    }
    if (min >= 0 && max <= 1) {
      return Activation.SIGMOID;
    }
    if (min >= -1 && max <= 1) {
      return Activation.TANH;
    }
    return Activation.IDENTITY;
  }
}
