package dev.unroll.benchmarks;

import dev.unroll.vector.FloatKernels;
import java.util.SplittableRandom;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The bound on W3's latency: how fast one core streams float weights through fused
 * multiply-adds, by working-set size, and how long each of W3's three batch-1 products takes on
 * the kernel evaluation uses ({@code productFlat}). Batch-1 inference reads every weight once
 * per sample, so its latency cannot go below the weights' bytes over the stream rate of the
 * cache level they fit in. A diagnostic that prints figures, like {@link StepTimer}; not a
 * benchmark to quote beside the peers (no forks, no JMH warm-up control).
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp benchmarks/target/benchmarks.jar \
 *   dev.unroll.benchmarks.StreamProbe
 * </pre>
 */
public final class StreamProbe {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int V = S.length();

  private StreamProbe() {}

  /** Prints stream rates for 64 KB to 4 MB, then W3's products; three rounds, the last counts. */
  public static void main(String[] args) {
    int[] kilobytes = {64, 256, 512, 768, 940, 1536, 4096};
    float sink = 0;
    for (int round = 1; round <= 3; round++) {
      System.out.println("round " + round);
      for (int kb : kilobytes) {
        float[] a = new float[kb * 256 / (8 * V) * (8 * V)];
        java.util.Arrays.fill(a, 0.5f);
        int reps = (int) Math.max(20, 2e9 / (a.length * 4.0));
        for (int r = 0; r < reps / 4; r++) {
          sink += stream(a);
        }
        long t0 = System.nanoTime();
        for (int r = 0; r < reps; r++) {
          sink += stream(a);
        }
        long t = System.nanoTime() - t0;
        System.out.printf("  stream %5d KB: %6.1f GB/s%n", kb, a.length * 4.0 * reps / t);
      }
      int[][] shapes = {{784, 256}, {256, 128}, {128, 10}};
      for (int[] shape : shapes) {
        sink += product(shape[0], shape[1]);
      }
    }
    System.out.println(sink == 42 ? "" : "(sink " + (sink > 0) + ")");
  }

  /** Sum of every element times a constant, 8 independent accumulators. */
  private static float stream(float[] a) {
    FloatVector x = FloatVector.broadcast(S, 1.0f);
    FloatVector s0 = FloatVector.zero(S);
    FloatVector s1 = s0;
    FloatVector s2 = s0;
    FloatVector s3 = s0;
    FloatVector s4 = s0;
    FloatVector s5 = s0;
    FloatVector s6 = s0;
    FloatVector s7 = s0;
    for (int i = 0; i < a.length; i += 8 * V) {
      s0 = FloatVector.fromArray(S, a, i).fma(x, s0);
      s1 = FloatVector.fromArray(S, a, i + V).fma(x, s1);
      s2 = FloatVector.fromArray(S, a, i + 2 * V).fma(x, s2);
      s3 = FloatVector.fromArray(S, a, i + 3 * V).fma(x, s3);
      s4 = FloatVector.fromArray(S, a, i + 4 * V).fma(x, s4);
      s5 = FloatVector.fromArray(S, a, i + 5 * V).fma(x, s5);
      s6 = FloatVector.fromArray(S, a, i + 6 * V).fma(x, s6);
      s7 = FloatVector.fromArray(S, a, i + 7 * V).fma(x, s7);
    }
    return s0.add(s1).add(s2).add(s3).add(s4).add(s5).add(s6).add(s7)
        .reduceLanes(VectorOperators.ADD);
  }

  /** One sample through a k x cols product from the flat weights, as W3's evaluation runs it. */
  private static float product(int k, int cols) {
    SplittableRandom rng = new SplittableRandom(k);
    float[][] a = new float[1][k];
    float[][] b = new float[k][cols];
    for (int m = 0; m < k; m++) {
      a[0][m] = (float) rng.nextDouble();
      for (int j = 0; j < cols; j++) {
        b[m][j] = (float) rng.nextDouble(-0.5, 0.5);
      }
    }
    float[] flat = new float[FloatKernels.flatSize(k, cols)];
    FloatKernels.flatten(b, flat);
    float[][] c = new float[1][cols];
    int reps = (int) Math.max(10_000, 2e9 / ((double) k * cols));
    for (int r = 0; r < reps / 4; r++) {
      FloatKernels.productFlat(a, b, flat, c, 1, k, 0, cols);
    }
    long t0 = System.nanoTime();
    for (int r = 0; r < reps; r++) {
      FloatKernels.productFlat(a, b, flat, c, 1, k, 0, cols);
    }
    long t = System.nanoTime() - t0;
    System.out.printf("  W3 product %d x %d at batch 1: %.2f us, %.1f GB/s of weights%n", k, cols,
        t / 1e3 / reps, (double) k * cols * 4 * reps / t);
    return c[0][0];
  }
}
