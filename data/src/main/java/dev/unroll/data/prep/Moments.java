package dev.unroll.data.prep;

/**
 * Training statistics in double precision. Features are grouped: per-feature statistics use
 * groups of one; per-channel statistics of C x H x W rows use C groups of H*W consecutive
 * features (channel-major layout), so channel {@code g} of feature {@code j} is {@code j / (H*W)}.
 */
final class Moments {
  private Moments() {}

  /** Checks the rows are non-empty and equally long; returns the row length. */
  static int width(float[][] x) {
    if (x.length == 0) {
      throw new IllegalArgumentException("cannot fit preprocessing on an empty training set");
    }
    int d = x[0].length;
    for (int i = 1; i < x.length; i++) {
      if (x[i].length != d) {
        throw new IllegalArgumentException("row " + i + " has " + x[i].length
            + " features, row 0 has " + d);
      }
    }
    return d;
  }

  /** Features per group for {@code groups} channels over {@code d} features. */
  static int groupSize(int d, int groups) {
    if (groups < 1 || d % groups != 0) {
      throw new IllegalArgumentException(d + " features cannot be split into " + groups
          + " channels of equal size");
    }
    return d / groups;
  }

  /** mean_g = sum over samples i and features j of group g of x[i][j], / (n * groupSize). */
  static double[] mean(float[][] x, int groups) {
    int d = width(x);
    int size = groupSize(d, groups);
    double[] sum = new double[groups];
    for (float[] row : x) {
      for (int j = 0; j < d; j++) {
        sum[j / size] += row[j];
      }
    }
    for (int g = 0; g < groups; g++) {
      sum[g] /= (double) x.length * size;
    }
    return sum;
  }

  /**
   * Population standard deviation per group, sqrt(sum (x - mean)^2 / count), from the centered
   * values (two passes, so no cancellation of large means).
   */
  static double[] std(float[][] x, double[] mean) {
    int d = width(x);
    int groups = mean.length;
    int size = groupSize(d, groups);
    double[] sum = new double[groups];
    for (float[] row : x) {
      for (int j = 0; j < d; j++) {
        double c = row[j] - mean[j / size];
        sum[j / size] += c * c;
      }
    }
    for (int g = 0; g < groups; g++) {
      sum[g] = Math.sqrt(sum[g] / ((double) x.length * size));
    }
    return sum;
  }

  /**
   * Covariance Xc^T Xc / n of the centered rows (the lecture's {@code np.dot(X.T, X) / N}), d x
   * d, row arrays. Accumulates the upper triangle as row axpys cov[a][b] += c_a * c_b, which C2
   * vectorizes, then mirrors it.
   */
  static double[][] covariance(float[][] x, double[] mean) {
    int d = mean.length;
    double[][] cov = new double[d][d];
    double[] c = new double[d];
    for (float[] row : x) {
      for (int j = 0; j < d; j++) {
        c[j] = row[j] - mean[j];
      }
      for (int a = 0; a < d; a++) {
        double ca = c[a];
        if (ca == 0) {
          continue;
        }
        double[] ra = cov[a];
        for (int b = a; b < d; b++) {
          ra[b] += ca * c[b];
        }
      }
    }
    for (int a = 0; a < d; a++) {
      for (int b = a; b < d; b++) {
        cov[a][b] /= x.length;
        cov[b][a] = cov[a][b];
      }
    }
    return cov;
  }
}
