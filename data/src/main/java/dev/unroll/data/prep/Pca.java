package dev.unroll.data.prep;

import dev.unroll.data.io.NamedArray;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PCA and whitening, as in the lecture: center by the training mean, rotate onto the covariance's
 * eigenvectors ({@code Xrot = (X - mean) U}, U's columns sorted by decreasing eigenvalue), keep
 * the first k columns, and when whitening divide each by {@code sqrt(S + eps)}: {@code Xwhite =
 * Xrot / sqrt(S + eps)}. The covariance is {@code Xc^T Xc / n} in double. After PCA the training
 * data's covariance is {@code diag(S)}, decreasing; after whitening it is close to the identity
 * ({@code S / (S + eps)}). Whitening amplifies noise in low-variance directions, which is why it
 * is not used for conv nets on images.
 *
 * <p>Statistics: {@code mean} (d), {@code components} (k x d, row c the c-th eigenvector),
 * {@code eigenvalues} (all d, decreasing, for explained variance). Settings: {@code features},
 * {@code whiten} ({@code true}/{@code false}), {@code eps}.
 */
public final class Pca implements FittedStep {
  /** Kind name in files. */
  public static final String KIND = "pca";

  /** The lecture's whitening epsilon. */
  public static final double DEFAULT_EPS = 1e-5;

  private final double[] mean;
  private final double[][] components;
  private final double[] eigenvalues;
  private final boolean whiten;
  private final double eps;
  private final double[] scale;

  /**
   * A PCA with known statistics.
   *
   * @param mean the training mean, d values
   * @param components k rows of d values, the kept eigenvectors in decreasing eigenvalue order
   * @param eigenvalues all d eigenvalues, decreasing
   * @param whiten whether to divide by {@code sqrt(eigenvalue + eps)}
   * @param eps the whitening epsilon
   */
  public Pca(double[] mean, double[][] components, double[] eigenvalues, boolean whiten,
      double eps) {
    int d = mean.length;
    if (components.length < 1 || components.length > d || eigenvalues.length != d) {
      throw new IllegalArgumentException("PCA of " + d + " features got " + components.length
          + " components and " + eigenvalues.length + " eigenvalues");
    }
    for (double[] c : components) {
      if (c.length != d) {
        throw new IllegalArgumentException("a PCA component has " + c.length + " values, not "
            + d);
      }
    }
    if (!(eps >= 0)) {
      throw new IllegalArgumentException("whitening eps must be >= 0, got " + eps);
    }
    this.mean = mean;
    this.components = components;
    this.eigenvalues = eigenvalues;
    this.whiten = whiten;
    this.eps = eps;
    this.scale = new double[components.length];
    for (int c = 0; c < scale.length; c++) {
      scale[c] = whiten ? 1 / Math.sqrt(eigenvalues[c] + eps) : 1;
    }
  }

  /**
   * Fits on {@code train}, keeping {@code k} components, or when {@code k <= 0} the fewest whose
   * eigenvalues sum to at least {@code fraction} of the total (the explained variance).
   */
  static Pca fit(float[][] train, int k, double fraction, boolean whiten, double eps) {
    int d = Moments.width(train);
    if (k > d) {
      throw new IllegalArgumentException("cannot keep " + k + " components of " + d
          + " features");
    }
    double[] mean = Moments.mean(train, d);
    Eigen eig = Eigen.symmetric(Moments.covariance(train, mean));
    int keep = k > 0 ? k : componentsFor(eig.values, fraction);
    double[][] kept = new double[keep][];
    System.arraycopy(eig.vectors, 0, kept, 0, keep);
    return new Pca(mean, kept, eig.values, whiten, eps);
  }

  /** The smallest k with sum(S[0..k)) >= fraction * sum(S); at least 1. */
  static int componentsFor(double[] values, double fraction) {
    double total = 0;
    for (double v : values) {
      total += v;
    }
    double sum = 0;
    for (int k = 0; k < values.length; k++) {
      sum += values[k];
      if (sum >= fraction * total) {
        return k + 1;
      }
    }
    return values.length;
  }

  /** Fraction of the training variance the kept components explain. */
  public double explainedVariance() {
    double total = 0;
    double kept = 0;
    for (int c = 0; c < eigenvalues.length; c++) {
      total += eigenvalues[c];
      kept += c < components.length ? eigenvalues[c] : 0;
    }
    return total == 0 ? 1 : kept / total;
  }

  /** The training mean (the array itself). */
  public double[] mean() {
    return mean;
  }

  /** The kept eigenvectors as rows (the arrays themselves). */
  public double[][] components() {
    return components;
  }

  /** All eigenvalues of the training covariance, decreasing (the array itself). */
  public double[] eigenvalues() {
    return eigenvalues;
  }

  /** Whether rotated values are divided by {@code sqrt(eigenvalue + eps)}. */
  public boolean whiten() {
    return whiten;
  }

  /** The whitening epsilon. */
  public double eps() {
    return eps;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public int inputSize() {
    return mean.length;
  }

  @Override
  public int outputSize() {
    return components.length;
  }

  @Override
  public void apply(float[] in, float[] out) {
    apply(in, out, new double[mean.length]);
  }

  @Override
  public float[][] apply(float[][] x) {
    float[][] out = new float[x.length][outputSize()];
    double[] centered = new double[mean.length];
    for (int i = 0; i < x.length; i++) {
      apply(x[i], out[i], centered);
    }
    return out;
  }

  /** out[c] = scale[c] * sum_j (in[j] - mean[j]) * U[c][j], one accumulator, in j order. */
  private void apply(float[] in, float[] out, double[] centered) {
    Checks.row(this, in, out);
    for (int j = 0; j < centered.length; j++) {
      centered[j] = in[j] - mean[j];
    }
    for (int c = 0; c < components.length; c++) {
      double[] u = components[c];
      double dot = 0;
      for (int j = 0; j < u.length; j++) {
        dot += centered[j] * u[j];
      }
      out[c] = (float) (dot * scale[c]);
    }
  }

  @Override
  public List<NamedArray> statistics() {
    List<NamedArray> stats = new ArrayList<>();
    stats.add(NamedArray.vector("mean", mean));
    stats.add(NamedArray.ofRows("components", components));
    stats.add(NamedArray.vector("eigenvalues", eigenvalues));
    return stats;
  }

  @Override
  public Map<String, String> settings() {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("features", Integer.toString(mean.length));
    s.put("whiten", Boolean.toString(whiten));
    // Double.toString round-trips exactly, so a loaded eps is the same double.
    s.put("eps", Double.toString(eps));
    return s;
  }

  static Pca restore(Map<String, String> settings, Map<String, NamedArray> stats) {
    NamedArray comps = stats.get("components");
    if (comps == null) {
      throw new IllegalArgumentException("missing statistic 'components'");
    }
    String eps = settings.get("eps");
    return new Pca(Checks.stat(stats, "mean"), comps.toDoubleRows(),
        Checks.stat(stats, "eigenvalues"), Boolean.parseBoolean(settings.get("whiten")),
        eps == null ? DEFAULT_EPS : Double.parseDouble(eps));
  }
}
