package dev.unroll.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unroll.runtime.Rng;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sampling, grids and narrowing of each kind of parameter. */
class ParamTest {
  private static final int N = 4000;

  /**
   * The Kolmogorov-Smirnov critical value at significance 0.001 for n samples: 1.95 / sqrt(n)
   * (the asymptotic formula, accurate for n in the thousands). A correct sampler fails this with
   * probability 0.001; with a fixed seed the test is deterministic.
   */
  private static double ksCritical(int n) {
    return 1.95 / Math.sqrt(n);
  }

  /** Largest distance between the empirical CDF of {@code u} and the uniform CDF on [0, 1]. */
  private static double ksUniform(double[] u) {
    double[] s = u.clone();
    Arrays.sort(s);
    double d = 0;
    for (int i = 0; i < s.length; i++) {
      d = Math.max(d, Math.max((i + 1.0) / s.length - s[i], s[i] - (double) i / s.length));
    }
    return d;
  }

  @Test
  void logUniformIsUniformInTheExponent() {
    LogUniform lr = new LogUniform("lr", 1e-6, 10);
    Rng rng = new Rng(2024);
    double[] exponent = new double[N];
    double[] value = new double[N];
    for (int i = 0; i < N; i++) {
      double v = lr.sample(rng);
      assertTrue(v >= 1e-6 && v < 10, "" + v);
      // The exponent of 10 ** uniform(-6, 1), mapped to [0, 1].
      exponent[i] = (Math.log10(v) + 6) / 7;
      value[i] = v / 10;
    }
    double d = ksUniform(exponent);
    assertTrue(d < ksCritical(N), "KS distance of the exponent " + d);
    // The same test can fail: the values themselves are far from uniform on [1e-6, 10].
    double dv = ksUniform(value);
    assertTrue(dv > 10 * ksCritical(N), "KS distance of the values " + dv);
  }

  @Test
  void uniformIntegerAndChoiceCoverTheirRanges() {
    Rng rng = new Rng(5);
    double[] u = new double[N];
    Uniform drop = new Uniform("dropout", 0.2, 0.7);
    for (int i = 0; i < N; i++) {
      u[i] = (drop.sample(rng) - 0.2) / 0.5;
    }
    assertTrue(ksUniform(u) < ksCritical(N));

    IntRange batch = new IntRange("batch", 3, 6);
    int[] counts = new int[10];
    for (int i = 0; i < N; i++) {
      counts[(int) batch.sample(rng)]++;
    }
    assertEquals(0, counts[2] + counts[7]);
    assertTrue(chiSquare(Arrays.copyOfRange(counts, 3, 7)) < 16.27, Arrays.toString(counts));

    Choice momentum = Choice.of("momentum", 0.5, 0.9, 0.95, 0.99);
    int[] picks = new int[4];
    for (int i = 0; i < N; i++) {
      picks[momentum.values().indexOf(momentum.sample(rng))]++;
    }
    // 16.27 is the chi-square critical value for 3 degrees of freedom at 0.001.
    assertTrue(chiSquare(picks) < 16.27, Arrays.toString(picks));
  }

  private static double chiSquare(int[] counts) {
    double total = Arrays.stream(counts).sum();
    double expected = total / counts.length;
    double chi = 0;
    for (int c : counts) {
      chi += (c - expected) * (c - expected) / expected;
    }
    return chi;
  }

  @Test
  void gridsSpreadInTheParametersScale() {
    assertEquals(List.of(1e-6, 1e-3, 1.0), new LogUniform("lr", 1e-6, 1).grid(3));
    assertEquals(List.of(0.0, 0.5, 1.0), new Uniform("p", 0, 1).grid(3));
    assertEquals(List.of(1.0, 2.0, 3.0), new IntRange("k", 1, 3).grid(8));
    SearchSpace space = SearchSpace.builder().logUniform("lr", 1e-4, 1).logUniform("l2", 1e-5, 1e-1)
        .choice("momentum", 0.5, 0.9).build();
    List<Config> grid = space.grid(3);
    assertEquals(3 * 3 * 2, grid.size());
    assertEquals(1e-4, grid.get(0).get("lr"));
    assertEquals(1e-3, grid.get(2).get("l2"), 1e-18);
    assertEquals(0.9, grid.get(1).get("momentum"));
  }

  @Test
  void narrowingWorksInLogSpaceAndStaysInside() {
    LogUniform lr = new LogUniform("lr", 1e-6, 1);
    // Keep 1/3 of 6 decades = 2 decades centred on 1e-3.
    LogUniform mid = (LogUniform) lr.narrow(1e-3, 1.0 / 3);
    assertEquals(-4, Math.log10(mid.lo()), 1e-9);
    assertEquals(-2, Math.log10(mid.hi()), 1e-9);
    // Near the top the window shifts down, keeping its 2 decades.
    LogUniform top = (LogUniform) lr.narrow(0.5, 1.0 / 3);
    assertEquals(1, top.hi(), 1e-12);
    assertEquals(-2, Math.log10(top.lo()), 1e-9);

    Choice m = Choice.of("momentum", 0.5, 0.9, 0.95, 0.99);
    assertEquals(List.of(0.5, 0.9), ((Choice) m.narrow(0.5, 0.3)).values());
    assertEquals(List.of(0.9, 0.95, 0.99), ((Choice) m.narrow(0.95, 0.3)).values());
    IntRange k = (IntRange) new IntRange("k", 1, 100).narrow(50, 0.1);
    assertTrue(k.lo() >= 44 && k.hi() <= 56, k.toString());
  }

  @Test
  void refusesBadRanges() {
    assertThrows(IllegalArgumentException.class, () -> new LogUniform("lr", 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new Uniform("p", 1, 1));
    assertThrows(IllegalArgumentException.class, () -> Choice.of("m", 0.5, 0.5));
    assertThrows(IllegalArgumentException.class,
        () -> SearchSpace.builder().uniform("a", 0, 1).uniform("a", 0, 2).build());
    assertThrows(IllegalArgumentException.class, () -> Stage.of("s", 0, 1));
  }
}
