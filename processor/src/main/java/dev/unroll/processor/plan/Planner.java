package dev.unroll.processor.plan;

import dev.unroll.processor.model.LayerSpec;
import dev.unroll.processor.model.NetSpec;
import dev.unroll.spec.Activation;
import dev.unroll.spec.Backend;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Decides array names and loop shapes. Small dimensions are written out completely: a fan-in of
 * at most {@link #UNROLL_INPUTS} turns the inner product into one expression per output (the
 * spiral's 2 inputs), and at most {@link #UNROLL_COLS} outputs keep one register per output (its 3
 * scores). Larger dimensions stay constant-bound loops over row arrays, the shape C2 vectorizes.
 */
public final class Planner {
  /** Largest fan-in whose loop is written out. */
  public static final int UNROLL_INPUTS = 4;
  /** Largest number of output columns whose loop is written out. */
  public static final int UNROLL_COLS = 8;

  /**
   * Smallest weight matrix whose products are split across threads: below it, handing work to
   * another core costs more than it saves (784 x 256 is split, 256 x 128 is not).
   */
  public static final int PARALLEL_WEIGHTS = 65_536;

  private Planner() {}

  /** Plans {@code spec}. */
  public static NetPlan plan(NetSpec spec) {
    List<LayerPlan> layers = new ArrayList<>();
    for (LayerSpec l : spec.layers()) {
      int k = l.index();
      boolean first = k == 1;
      boolean own = l.activation() != Activation.IDENTITY;
      boolean bn = l.batchNorm();
      String z = "z" + k;
      String dz = "dz" + k;
      layers.add(new LayerPlan(l,
          first ? "input" : layers.get(k - 2).h(),
          first ? null : layers.get(k - 2).dh(),
          "w" + k, "dw" + k,
          first || (l.cols() <= UNROLL_COLS && l.fanIn() <= UNROLL_INPUTS) ? null : "wt" + k,
          l.cols() <= UNROLL_COLS && l.fanIn() > UNROLL_INPUTS ? "dwt" + k : null,
          l.hasBias() ? "b" + k : null, l.hasBias() ? "db" + k : null,
          z, dz,
          own ? "h" + k : z, own ? "dh" + k : dz,
          bn ? "gamma" + k : null, bn ? "beta" + k : null,
          bn ? "dgamma" + k : null, bn ? "dbeta" + k : null,
          bn ? "runningMean" + k : null, bn ? "runningVar" + k : null,
          bn ? "xhat" + k : null, bn ? "batchMean" + k : null, bn ? "invStd" + k : null,
          l.activation() == Activation.PRELU ? "alpha" + k : null,
          l.activation() == Activation.PRELU ? "dalpha" + k : null,
          l.activation() == Activation.MAXOUT ? "argmax" + k : null,
          l.fanIn() <= UNROLL_INPUTS,
          l.cols() <= UNROLL_COLS,
          l.fanIn() > UNROLL_INPUTS && l.cols() > UNROLL_COLS
              && (long) l.fanIn() * l.cols() >= PARALLEL_WEIGHTS,
          spec.backend() == Backend.VECTOR && l.fanIn() > UNROLL_INPUTS
              && l.cols() > UNROLL_COLS,
          spec.backend() == Backend.VECTOR && (l.activation() == Activation.ELU
              || l.activation() == Activation.SIGMOID || l.activation() == Activation.TANH)));
    }
    LayerPlan last = layers.get(layers.size() - 1);
    return new NetPlan(spec, List.copyOf(layers), last.h(), last.dh(),
        sha256(spec.architecture()));
  }

  private static String sha256(String text) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
