package dev.unroll.data.prep;

import dev.unroll.data.io.NamedArray;
import java.util.LinkedHashMap;
import java.util.Map;

/** Argument checks and settings helpers shared by the fitted steps. */
final class Checks {
  private Checks() {}

  /** Rejects rows of the wrong length with a message naming the step. */
  static void row(FittedStep step, float[] in, float[] out) {
    if (in.length != step.inputSize()) {
      throw new IllegalArgumentException(step.kind() + " expects rows of " + step.inputSize()
          + " features, got " + in.length);
    }
    if (out.length != step.outputSize()) {
      throw new IllegalArgumentException(step.kind() + " writes rows of " + step.outputSize()
          + " features, the output row has " + out.length);
    }
  }

  /** {@code features}, plus {@code channels} when it is positive. */
  static Map<String, String> settings(int features, int channels) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("features", Integer.toString(features));
    if (channels > 0) {
      s.put("channels", Integer.toString(channels));
    }
    return s;
  }

  /** An integer setting that must be there. */
  static int intSetting(Map<String, String> settings, String key) {
    String v = settings.get(key);
    if (v == null) {
      throw new IllegalArgumentException("missing setting '" + key + "'");
    }
    return Integer.parseInt(v);
  }

  /** An F64 statistic that must be there. */
  static double[] stat(Map<String, NamedArray> stats, String name) {
    NamedArray a = stats.get(name);
    if (a == null) {
      throw new IllegalArgumentException("missing statistic '" + name + "'");
    }
    return a.doubles();
  }
}
