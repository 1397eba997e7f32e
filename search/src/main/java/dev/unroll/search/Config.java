package dev.unroll.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The hyperparameter values of one trial, by name, in the order the {@link SearchSpace} declares
 * them. Immutable; equal when the names and values are equal, which is how a restarted search
 * recognizes a trial already in the results file.
 */
public final class Config {
  private final Map<String, Double> values;

  private Config(Map<String, Double> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /** A config of these values, kept in the map's iteration order. */
  public static Config of(Map<String, Double> values) {
    Map<String, Double> copy = new LinkedHashMap<>();
    for (Map.Entry<String, Double> e : values.entrySet()) {
      if (e.getValue() == null || !Double.isFinite(e.getValue())) {
        throw new IllegalArgumentException(e.getKey() + " must be a finite number, got "
            + e.getValue());
      }
      copy.put(e.getKey(), e.getValue());
    }
    return new Config(copy);
  }

  /** The value of {@code name}. */
  public double get(String name) {
    Double v = values.get(name);
    if (v == null) {
      throw new IllegalArgumentException("the config has no " + name + "; it has " + names());
    }
    return v;
  }

  /** The value of {@code name}, or {@code fallback} when the space does not search it. */
  public double get(String name, double fallback) {
    return values.getOrDefault(name, fallback);
  }

  /** The value of an integer parameter. */
  public int getInt(String name) {
    double v = get(name);
    if (v != Math.rint(v)) {
      throw new IllegalArgumentException(name + " is " + v + ", not a whole number");
    }
    return (int) v;
  }

  /** Whether {@code name} has a value. */
  public boolean has(String name) {
    return values.containsKey(name);
  }

  /** The names, in declaration order. */
  public Set<String> names() {
    return values.keySet();
  }

  /** The values by name, unmodifiable, in declaration order. */
  public Map<String, Double> asMap() {
    return values;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Config c && values.equals(c.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  /** {@code lr=1.2e-01 l2=3.0e-05 momentum=0.9}. */
  @Override
  public String toString() {
    StringJoiner j = new StringJoiner(" ");
    values.forEach((k, v) -> j.add(k + "=" + Values.format(v, false)));
    return j.toString();
  }
}
