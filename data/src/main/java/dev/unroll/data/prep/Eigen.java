package dev.unroll.data.prep;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Eigendecomposition of a symmetric matrix (a covariance) by EJML, with a fixed order and sign
 * so the result does not depend on the solver's internals: eigenvalues decreasing, and each
 * eigenvector's largest-magnitude entry positive (the first such entry on ties).
 */
final class Eigen {
  /** Eigenvalues, decreasing; tiny negative values from rounding are clamped to 0. */
  final double[] values;

  /** {@code vectors[c]} is the unit eigenvector of {@code values[c]} (rows, not columns). */
  final double[][] vectors;

  private Eigen(double[] values, double[][] vectors) {
    this.values = values;
    this.vectors = vectors;
  }

  static Eigen symmetric(double[][] matrix) {
    int d = matrix.length;
    DMatrixRMaj m = new DMatrixRMaj(matrix);
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
    if (!eig.decompose(m)) {
      throw new IllegalStateException("the eigendecomposition of the " + d + " x " + d
          + " covariance did not converge");
    }
    Integer[] order = new Integer[d];
    double[] raw = new double[d];
    for (int i = 0; i < d; i++) {
      order[i] = i;
      raw[i] = eig.getEigenvalue(i).getReal();
    }
    Arrays.sort(order, (a, b) -> Double.compare(raw[b], raw[a]));
    double[] values = new double[d];
    double[][] vectors = new double[d][];
    for (int c = 0; c < d; c++) {
      values[c] = Math.max(0, raw[order[c]]);
      DMatrixRMaj v = eig.getEigenVector(order[c]);
      vectors[c] = canonical(Arrays.copyOf(v.getData(), d));
    }
    return new Eigen(values, vectors);
  }

  /** Normalizes to unit length and flips the sign so the largest-magnitude entry is positive. */
  private static double[] canonical(double[] v) {
    double norm = 0;
    int largest = 0;
    for (int i = 0; i < v.length; i++) {
      norm += v[i] * v[i];
      if (Math.abs(v[i]) > Math.abs(v[largest])) {
        largest = i;
      }
    }
    double scale = (v[largest] < 0 ? -1 : 1) / Math.sqrt(norm);
    for (int i = 0; i < v.length; i++) {
      v[i] *= scale;
    }
    return v;
  }
}
