package dev.unroll.processor.plan;

import dev.unroll.processor.model.ImageLayerSpec;
import dev.unroll.processor.model.LayerSpec;
import dev.unroll.processor.model.NetSpec;
import dev.unroll.spec.Activation;
import dev.unroll.spec.Backend;
import dev.unroll.spec.Loss;
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

  /**
   * Plans {@code spec}. {@code vectorApiReadable}: whether this compilation reads the module
   * {@code jdk.incubator.vector} (javac given {@code --add-modules jdk.incubator.vector}), so the
   * generated class may use the Vector API itself and not only through the kernels of {@code
   * unroll-vector}.
   */
  public static NetPlan plan(NetSpec spec, boolean vectorApiReadable) {
    List<ImageLayerPlan> image = new ArrayList<>();
    // an input gradient is needed only behind a layer with parameters (a pool on the input has none)
    boolean paramsBehind = false;
    for (ImageLayerSpec l : spec.image().layers()) {
      ImageLayerPlan previous = image.isEmpty() ? null : image.get(image.size() - 1);
      image.add(new ImageLayerPlan(l, previous == null ? "input" : previous.h(),
          paramsBehind ? previous.dh() : null, l.isConv() ? ConvProduct.IM2COL : null));
      paramsBehind |= l.isConv();
    }
    ImageLayerPlan lastImage = image.isEmpty() ? null : image.get(image.size() - 1);
    String imageGrad = paramsBehind ? lastImage.dh() : null;
    List<LayerPlan> layers = new ArrayList<>();
    List<LayerSpec> specs = spec.layers();
    for (int j = 0; j < specs.size(); j++) {
      LayerSpec l = specs.get(j);
      int k = l.index();
      boolean first = j == 0 && imageGrad == null;
      boolean own = l.activation() != Activation.IDENTITY;
      boolean bn = l.batchNorm();
      String z = "z" + k;
      String dz = "dz" + k;
      boolean direct = direct(l);
      boolean transposedOut = direct && j + 1 < specs.size() && fewColumns(specs.get(j + 1));
      String inT = j == 0 ? null : layers.get(j - 1).ht();
      boolean vector = spec.backend() == Backend.VECTOR && l.fanIn() > UNROLL_INPUTS
          && l.cols() > UNROLL_COLS;
      layers.add(new LayerPlan(l,
          j == 0 ? (lastImage == null ? "input" : lastImage.h()) : layers.get(j - 1).h(),
          j == 0 ? imageGrad : layers.get(j - 1).dh(),
          "w" + k, "dw" + k,
          // the vector kernels read dz W^T from W's rows (productTransposed): no copy
          first || vector || (l.cols() <= UNROLL_COLS && l.fanIn() <= UNROLL_INPUTS) ? null
              : "wt" + k,
          fewColumns(l) ? "dwt" + k : null,
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
          vector,
          spec.backend() == Backend.VECTOR && (l.activation() == Activation.ELU
              || l.activation() == Activation.SIGMOID || l.activation() == Activation.TANH),
          direct,
          transposedOut ? "ht" + k : null,
          transposedOut ? "xt" + k : null,
          inT,
          inT != null ? "zt" + k : null,
          bn ? "wf" + k : null, bn ? "bf" + k : null, bn ? "noBias" + k : null,
          vector ? "wp" + k : null));
    }
    LayerPlan last = layers.get(layers.size() - 1);
    return new NetPlan(spec, List.copyOf(image), List.copyOf(layers), last.h(), last.dh(),
        sha256(spec.architecture()), vectorApiReadable && columnar(spec, layers));
  }

  /**
   * Written-out fan-in, columns looped, no batch norm, and an activation whose backward needs only
   * the output (ReLU's mask [h > 0]) or none: such a layer writes h straight from its product and
   * folds the mask into its weight-gradient pass. The spiral's 2 -> 100 ReLU layer is one.
   */
  private static boolean direct(LayerSpec l) {
    return l.fanIn() <= UNROLL_INPUTS && l.cols() > UNROLL_COLS && !l.batchNorm()
        && (l.activation() == Activation.RELU || l.activation() == Activation.IDENTITY);
  }

  /**
   * A direct first layer into a few-column head without activation or batch norm, with softmax,
   * on the vector backend (the spiral's 2 -> 100 ReLU -> 3): the whole step then runs on the
   * transposed arrays, vectorized over the batch, and the row arrays of {@code activations()}
   * are written only when asked for.
   */
  private static boolean columnar(NetSpec spec, List<LayerPlan> layers) {
    if (!spec.image().layers().isEmpty() || layers.size() != 2 || spec.backend() != Backend.VECTOR || spec.loss() != Loss.SOFTMAX) {
      return false;
    }
    LayerPlan hidden = layers.get(0);
    LayerPlan head = layers.get(1);
    return hidden.direct() && hidden.ht() != null && !head.hasOwnActivation()
        && !head.spec().batchNorm();
  }

  /** Few columns over a fan-in too wide to write out: one dot product per column and sample. */
  private static boolean fewColumns(LayerSpec l) {
    return l.cols() <= UNROLL_COLS && l.fanIn() > UNROLL_INPUTS;
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
