package dev.unroll.processor.check;

import dev.unroll.processor.diag.Message;
import dev.unroll.processor.diag.Report;
import dev.unroll.processor.model.LayerSpec;
import dev.unroll.processor.read.RawAnnotation;
import dev.unroll.spec.Activation;
import dev.unroll.spec.Precision;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.element.TypeElement;

/**
 * Checks that the network's arrays can be allocated. Every matrix (weights fan_in x cols, the
 * batch's pre-activations maxBatch x cols, a batch of inputs maxBatch x inputs) must have at most
 * {@link #MAX_ELEMENTS} entries: the vector backend copies a weight matrix into one array, and
 * {@code Tensor}, the optimizers, checkpoints and the gradient check address a tensor's entries
 * by one int. Otherwise {@code new Net(seed)} would throw {@code OutOfMemoryError} or {@code
 * NegativeArraySizeException} in its constructor. Above 2 GB in all, a warning gives the bytes.
 */
final class SizeRules {
  /** The JDK's own bound on array lengths (some VMs keep header words in the array). */
  static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;
  /** 2 GB: above it the warning, since default heaps are a quarter of memory. */
  static final long WARN_BYTES = 1L << 31;

  private SizeRules() {}

  /** One annotation value a matrix dimension comes from, blamed when the matrix is too large. */
  private record Dim(long size, RawAnnotation annotation, String member, String what) {}

  static void check(TypeElement type, RawAnnotation network, int inputs, int maxBatch,
      Precision precision, List<RawAnnotation> raw, List<LayerSpec> layers, Report report) {
    Dim batch = new Dim(maxBatch, network, "maxBatch", "maxBatch");
    Dim in = new Dim(inputs, network, "inputs", "inputs");
    Set<String> blamed = new HashSet<>();
    boolean fits = fits("a batch of inputs", batch, in, report, blamed);
    Dim fanIn = in;
    for (int i = 0; i < layers.size() && i < raw.size(); i++) {
      LayerSpec l = layers.get(i);
      Dim cols = new Dim(cols(l), raw.get(i), "units", "the units of layer " + l.index());
      fits &= fits("layer " + l.index() + "'s weights", fanIn, cols, report, blamed);
      fits &= fits("layer " + l.index() + "'s pre-activations", batch, cols, report, blamed);
      fanIn = new Dim(l.units(), raw.get(i), "units", "the units of layer " + l.index());
    }
    if (!fits || report.hasErrors()) {
      return;
    }
    long bytes = bytes(inputs, maxBatch, layers) * (precision == Precision.DOUBLE ? 8 : 4);
    if (bytes > WARN_BYTES) {
      long gb = (bytes + (1L << 30) - 1) >> 30;
      report.add(Message.LARGE_MEMORY, type, network.mirror(), null, type.getSimpleName(), bytes,
          String.format(Locale.ROOT, "%.1f", bytes / (double) (1L << 30)), maxBatch, gb + 1);
    }
  }

  /** Columns of the affine output, in long: units x pieces overflows int for large maxout. */
  private static long cols(LayerSpec l) {
    return l.activation() == Activation.MAXOUT ? (long) l.units() * l.pieces() : l.units();
  }

  /**
   * Whether a rows x cols matrix fits; if not, reports it on the larger dimension's value (the
   * one to lower), once per value.
   */
  private static boolean fits(String matrix, Dim rows, Dim cols, Report report,
      Set<String> blamed) {
    long elements = rows.size() * cols.size(); // both < 2^31: no overflow
    if (elements <= MAX_ELEMENTS) {
      return true;
    }
    Dim culprit = rows.size() > cols.size() ? rows : cols;
    if (blamed.add(culprit.what())) {
      report.add(Message.TOO_LARGE, culprit.annotation().element(),
          culprit.annotation().mirror(), culprit.annotation().value(culprit.member()), matrix,
          rows.size(), cols.size(), elements, MAX_ELEMENTS, culprit.what());
    }
    return false;
  }

  /**
   * Entries of the arrays every layer has (a lower bound: per-backend copies are not counted):
   * weights and their gradient, pre-activations and their gradient, the output and its gradient
   * when the layer has an activation, batch norm's normalized values and folded weights, and one
   * converted batch of inputs.
   */
  private static long bytes(int inputs, int maxBatch, List<LayerSpec> layers) {
    long entries = (long) maxBatch * inputs;
    long fanIn = inputs;
    for (LayerSpec l : layers) {
      long cols = cols(l);
      entries += 2 * fanIn * cols + 2L * maxBatch * cols;
      if (l.activation() != Activation.IDENTITY) {
        entries += 2L * maxBatch * l.units();
      }
      if (l.batchNorm()) {
        entries += (long) maxBatch * cols + fanIn * cols;
      }
      fanIn = l.units();
    }
    return entries;
  }
}
