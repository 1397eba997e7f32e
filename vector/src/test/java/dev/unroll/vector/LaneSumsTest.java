package dev.unroll.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code laneSums} gives each vector's sum in order, whether it goes through the 16-lane
 * butterfly (groups of 16 vectors) or the one-at-a-time remainder. Integer values keep every
 * order of addition exact, so the sums must be equal, not close.
 */
class LaneSumsTest {
  @ParameterizedTest
  @ValueSource(ints = {1, 15, 16, 17, 33, 500})
  void floatSumsEveryVectorInOrder(int count) {
    floatSumsEveryVectorInOrder(count, true);
    floatSumsEveryVectorInOrder(count, false);
  }

  private static void floatSumsEveryVectorInOrder(int count, boolean vectors) {
    int lanes = FloatKernels.species().length();
    SplittableRandom rng = new SplittableRandom(count);
    float[] acc = new float[count * lanes];
    for (int i = 0; i < acc.length; i++) {
      acc[i] = rng.nextInt(-1000, 1000);
    }
    float[] out = new float[FloatKernels.padded(count)];
    TwoPaths.laneSums(vectors, acc, count, out);
    for (int k = 0; k < count; k++) {
      float want = 0;
      for (int l = 0; l < lanes; l++) {
        want += acc[k * lanes + l];
      }
      assertEquals(want, out[k], "vector " + k + " of " + count);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 9, 40})
  void doubleSumsEveryVectorInOrder(int count) {
    doubleSumsEveryVectorInOrder(count, true);
    doubleSumsEveryVectorInOrder(count, false);
  }

  private static void doubleSumsEveryVectorInOrder(int count, boolean vectors) {
    int lanes = DoubleKernels.species().length();
    SplittableRandom rng = new SplittableRandom(count);
    double[] acc = new double[count * lanes];
    for (int i = 0; i < acc.length; i++) {
      acc[i] = rng.nextInt(-1000, 1000);
    }
    double[] out = new double[DoubleKernels.padded(count)];
    TwoPaths.laneSums(vectors, acc, count, out);
    for (int k = 0; k < count; k++) {
      double want = 0;
      for (int l = 0; l < lanes; l++) {
        want += acc[k * lanes + l];
      }
      assertEquals(want, out[k], "vector " + k + " of " + count);
    }
  }
}
