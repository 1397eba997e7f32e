package dev.unroll.search;

import dev.unroll.runtime.Rng;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A named set of {@link Param}s to search, in declaration order:
 *
 * <pre>{@code
 * SearchSpace space = SearchSpace.builder()
 *     .logUniform("lr", 1e-6, 10)          // 10 ** uniform(-6, 1)
 *     .logUniform("l2", 1e-6, 1e-1)
 *     .choice("momentum", 0.5, 0.9, 0.95, 0.99)
 *     .build();
 * }</pre>
 */
public final class SearchSpace {
  private final List<Param> params;

  private SearchSpace(List<Param> params) {
    this.params = List.copyOf(params);
  }

  /** A space of these parameters. */
  public static SearchSpace of(List<Param> params) {
    if (params.isEmpty()) {
      throw new IllegalArgumentException("a search space needs at least one parameter");
    }
    Map<String, Param> seen = new LinkedHashMap<>();
    for (Param p : params) {
      if (seen.put(p.name(), p) != null) {
        throw new IllegalArgumentException("the parameter " + p.name() + " is declared twice");
      }
    }
    return new SearchSpace(params);
  }

  /** An empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The parameters, in declaration order. */
  public List<Param> params() {
    return params;
  }

  /** The parameter called {@code name}, or null. */
  public Param param(String name) {
    for (Param p : params) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    return null;
  }

  /** One config drawn from {@code rng}, each parameter in declaration order. */
  public Config sample(Rng rng) {
    Map<String, Double> values = new LinkedHashMap<>();
    for (Param p : params) {
      values.put(p.name(), p.sample(rng));
    }
    return Config.of(values);
  }

  /**
   * Every combination of each parameter's {@code points}-point grid (a choice contributes all its
   * values); the last parameter varies fastest.
   */
  public List<Config> grid(int points) {
    List<Map<String, Double>> partial = new ArrayList<>();
    partial.add(new LinkedHashMap<>());
    for (Param p : params) {
      List<Map<String, Double>> next = new ArrayList<>();
      for (Map<String, Double> m : partial) {
        for (double v : p.grid(points)) {
          Map<String, Double> copy = new LinkedHashMap<>(m);
          copy.put(p.name(), v);
          next.add(copy);
        }
      }
      partial = next;
    }
    List<Config> out = new ArrayList<>(partial.size());
    for (Map<String, Double> m : partial) {
      out.add(Config.of(m));
    }
    return out;
  }

  /**
   * The space of the next coarse-to-fine stage: every parameter narrowed to {@code keep} of its
   * width around {@code best}'s value (in log space for log-uniform ones).
   */
  public SearchSpace narrow(Config best, double keep) {
    List<Param> narrowed = new ArrayList<>(params.size());
    for (Param p : params) {
      narrowed.add(p.narrow(best.get(p.name()), keep));
    }
    return new SearchSpace(narrowed);
  }

  /** Each parameter with its range, one per line. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Param p : params) {
      sb.append(String.format("%-10s %-12s %s%n", p.name(), p.getClass().getSimpleName(),
          p.range()));
    }
    return sb.toString();
  }

  /** Declares the parameters of a {@link SearchSpace}. */
  public static final class Builder {
    private final List<Param> params = new ArrayList<>();

    private Builder() {}

    /** Uniform in {@code [lo, hi)}. */
    public Builder uniform(String name, double lo, double hi) {
      return add(new Uniform(name, lo, hi));
    }

    /** Uniform in the exponent: {@code 10 ** uniform(log10(lo), log10(hi))}. */
    public Builder logUniform(String name, double lo, double hi) {
      return add(new LogUniform(name, lo, hi));
    }

    /** A whole number in {@code [lo, hi]}. */
    public Builder integer(String name, int lo, int hi) {
      return add(new IntRange(name, lo, hi));
    }

    /** One of {@code values}. */
    public Builder choice(String name, double... values) {
      return add(Choice.of(name, values));
    }

    /** Any parameter. */
    public Builder add(Param param) {
      params.add(param);
      return this;
    }

    /** The space. */
    public SearchSpace build() {
      return SearchSpace.of(params);
    }
  }
}
