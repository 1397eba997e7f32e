package dev.unroll.processor.plan;

import dev.unroll.processor.diag.Message;
import dev.unroll.processor.diag.Report;
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
import javax.lang.model.element.Element;

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
   * Plans {@code spec}, once. {@code vectorApiReadable}: whether this compilation reads the module
   * {@code jdk.incubator.vector} (javac given {@code --add-modules jdk.incubator.vector}), so the
   * generated class may use the Vector API itself and not only through the kernels of {@code
   * unroll-vector}. A network that would run columnar but cannot gets a note in {@code report}
   * on {@code where}.
   */
  public static NetPlan plan(NetSpec spec, boolean vectorApiReadable, Report report,
      Element where) {
    return plan(spec, vectorApiReadable, null, report, where);
  }

  /**
   * As {@link #plan(NetSpec, boolean, Report, Element)}, every conv layer's product {@code
   * convProduct} when not null (the processor option {@code unroll.convProduct}).
   */
  public static NetPlan plan(NetSpec spec, boolean vectorApiReadable, ConvProduct convProduct,
      Report report, Element where) {
    List<LayerPlan> image = image(spec, convProduct);
    LayerPlan lastImage = image.isEmpty() ? null : image.get(image.size() - 1);
    List<LayerSpec> specs = spec.layers();
    List<DensePlan> layers = new ArrayList<>();
    for (int j = 0; j < specs.size(); j++) {
      DensePlan previous = layers.isEmpty() ? null : layers.get(layers.size() - 1);
      LayerSpec next = j + 1 < specs.size() ? specs.get(j + 1) : null;
      layers.add(dense(spec, specs.get(j), previous, lastImage, next));
    }
    DensePlan last = layers.get(layers.size() - 1);
    boolean columnarShape = columnar(spec, layers);
    if (columnarShape && !vectorApiReadable) {
      report.add(Message.COLUMNAR_NEEDS_MODULE, where, null, null, spec.className());
    }
    NetPlan.Step step = columnarShape && vectorApiReadable ? NetPlan.Step.COLUMNAR
        : NetPlan.Step.ROWS;
    if (step == NetPlan.Step.COLUMNAR) {
      layers = List.of(padded(layers.get(0), false), padded(layers.get(1), true));
    }
    List<LayerPlan> all = new ArrayList<>(image);
    all.addAll(layers);
    return new NetPlan(spec, List.copyOf(all), step, last.h(), last.dh(),
        sha256(spec.architecture()));
  }

  /**
   * The conv and pooling layers, each reading the one before. Only a layer with parameters
   * behind it computes an input gradient: a pool on the network's input passes nothing back.
   */
  private static List<LayerPlan> image(NetSpec spec, ConvProduct forced) {
    List<LayerPlan> image = new ArrayList<>();
    boolean paramsBehind = false;
    for (ImageLayerSpec l : spec.image().layers()) {
      LayerPlan previous = image.isEmpty() ? null : image.get(image.size() - 1);
      image.add(new ImageLayerPlan(l, previous == null ? "input" : previous.h(),
          paramsBehind ? previous.dh() : null,
          l.isConv() ? ConvRule.choose(l, spec.backend(), forced) : null));
      paramsBehind |= l.isConv();
    }
    return image;
  }

  /**
   * Dense layer {@code l} after {@code previous} (null for the first dense layer, which reads
   * {@code image}, the last image layer, or the input) and before {@code next}.
   */
  private static DensePlan dense(NetSpec spec, LayerSpec l, DensePlan previous, LayerPlan image,
      LayerSpec next) {
    int k = l.index();
    String in = previous != null ? previous.h() : image != null ? image.h() : "input";
    String dIn = previous != null ? previous.dh() : image != null ? image.dIn() == null
        && !(image instanceof ImageLayerPlan p && p.image().isConv()) ? null : image.dh() : null;
    boolean first = dIn == null;
    Product product = product(spec, l, previous);
    boolean toHead = product == Product.DIRECT && next != null && fewColumns(next);
    String inT = previous == null ? null : previous.layout().ht();
    AffinePlan affine = new AffinePlan("w" + k, "dw" + k,
        l.hasBias() ? "b" + k : null, l.hasBias() ? "db" + k : null,
        // the vector kernels read dz W^T from W's rows (productTransposed): no copy
        first || product == Product.VECTOR_STRIPS || product == Product.WRITTEN_OUT ? null
            : "wt" + k,
        fewColumns(l) ? "dwt" + k : null,
        product == Product.VECTOR_STRIPS ? "wp" + k : null,
        product,
        product.ranged() && (long) l.fanIn() * l.cols() >= PARALLEL_WEIGHTS);
    BatchNormPlan batchNorm = !l.batchNorm() ? null : new BatchNormPlan("gamma" + k, "beta" + k,
        "dgamma" + k, "dbeta" + k, "runningMean" + k, "runningVar" + k, "xhat" + k,
        "batchMean" + k, "invStd" + k, "wf" + k, "bf" + k, "noBias" + k);
    Activation act = l.activation();
    boolean own = act != Activation.IDENTITY;
    ActivationPlan activation = new ActivationPlan(act, "z" + k, "dz" + k,
        own ? "h" + k : "z" + k, own ? "dh" + k : "dz" + k,
        act == Activation.PRELU ? "alpha" + k : null,
        act == Activation.PRELU ? "dalpha" + k : null,
        act == Activation.MAXOUT ? "argmax" + k : null,
        spec.backend() == Backend.VECTOR && (act == Activation.ELU
            || act == Activation.SIGMOID || act == Activation.TANH));
    Layout layout = new Layout(toHead ? "ht" + k : null, toHead ? "xt" + k : null, inT,
        inT != null ? "zt" + k : null, false);
    return new DensePlan(l, in, dIn, affine, batchNorm, activation, layout);
  }

  /** The shape of the layer's products, from its sizes, the backend and the layer before. */
  private static Product product(NetSpec spec, LayerSpec l, DensePlan previous) {
    boolean smallIn = l.fanIn() <= UNROLL_INPUTS;
    boolean fewCols = l.cols() <= UNROLL_COLS;
    if (smallIn && fewCols) {
      return Product.WRITTEN_OUT;
    } else if (smallIn) {
      return direct(l) ? Product.DIRECT : Product.WRITTEN_OUT_FAN_IN;
    } else if (fewCols) {
      return previous != null && previous.layout().ht() != null
          ? Product.FEW_COLUMNS_TRANSPOSED : Product.FEW_COLUMNS;
    }
    return spec.backend() == Backend.VECTOR ? Product.VECTOR_STRIPS : Product.PAIRED_ROWS;
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
  private static boolean columnar(NetSpec spec, List<DensePlan> layers) {
    if (spec.image().any() || layers.size() != 2 || spec.backend() != Backend.VECTOR || spec.loss() != Loss.SOFTMAX) {
      return false;
    }
    DensePlan hidden = layers.get(0);
    DensePlan head = layers.get(1);
    return hidden.product() == Product.DIRECT && hidden.layout().ht() != null
        && !head.activation().ownOutput() && head.batchNorm() == null;
  }

  /**
   * A layer of the columnar step: its transposed rows padded to whole vectors; the head keeps no
   * transposed weight gradient (the step sums dW in registers).
   */
  private static DensePlan padded(DensePlan p, boolean head) {
    AffinePlan a = p.affine();
    Layout l = p.layout();
    AffinePlan affine = !head ? a
        : new AffinePlan(a.w(), a.dw(), a.b(), a.db(), a.wt(), null, a.wp(), a.product(),
            a.split());
    return new DensePlan(p.spec(), p.in(), p.dIn(), affine, p.batchNorm(), p.activation(),
        new Layout(l.ht(), l.xt(), l.inT(), l.zt(), true));
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
