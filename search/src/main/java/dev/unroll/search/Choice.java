package dev.unroll.search;

import dev.unroll.runtime.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * One of a list of values, each equally likely: the lecture's momentum from
 * {@code {0.5, 0.9, 0.95, 0.99}}.
 *
 * @param name the parameter's name
 * @param values the values, at least one, no repeats
 */
public record Choice(String name, List<Double> values) implements Param {
  /** Copies and checks the values. */
  public Choice {
    Ranges.checkName(name);
    values = List.copyOf(values);
    if (values.isEmpty()) {
      throw new IllegalArgumentException("choice " + name + " needs at least one value");
    }
    if (values.stream().distinct().count() != values.size()) {
      throw new IllegalArgumentException("choice " + name + " repeats a value: " + values);
    }
  }

  /** A choice among {@code values}. */
  public static Choice of(String name, double... values) {
    List<Double> list = new ArrayList<>(values.length);
    for (double v : values) {
      list.add(v);
    }
    return new Choice(name, list);
  }

  @Override
  public double sample(Rng rng) {
    return values.get(rng.nextInt(values.size()));
  }

  /** Every value, whatever {@code points} is: a list has no points in between. */
  @Override
  public List<Double> grid(int points) {
    return values;
  }

  /**
   * The best value and its neighbours in the list: the list's order is the user's, often
   * increasing, so neighbours are the nearest alternatives. {@code keep} is not used.
   */
  @Override
  public Param narrow(double center, double keep) {
    int i = values.indexOf(center);
    if (i < 0) {
      return this;
    }
    return new Choice(name, values.subList(Math.max(0, i - 1), Math.min(values.size(), i + 2)));
  }

  @Override
  public double position(double value) {
    return Double.NaN;
  }

  @Override
  public boolean logScale() {
    return false;
  }

  @Override
  public String range() {
    StringJoiner j = new StringJoiner(", ", "{", "}");
    for (double v : values) {
      j.add(Values.bound(v));
    }
    return j.toString();
  }
}
