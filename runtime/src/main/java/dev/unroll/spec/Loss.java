package dev.unroll.spec;

/** Data losses on the last layer's scores, averaged over the batch. */
public enum Loss {
  /** Softmax cross-entropy: -log(e^s_y / sum_j e^s_j). */
  SOFTMAX,
  /** Multiclass SVM (hinge, margin 1): sum over j != y of max(0, s_j - s_y + 1). */
  SVM
}
