package dev.unroll.processor.check;

import dev.unroll.processor.diag.Message;
import dev.unroll.processor.diag.Report;
import dev.unroll.processor.model.LayerSpec;
import dev.unroll.processor.read.RawAnnotation;
import dev.unroll.spec.Activation;
import dev.unroll.spec.Init;
import dev.unroll.spec.LayerKind;

/**
 * Checks one {@code @Layer} and resolves its defaults: leaky slope 0.01, ELU alpha 1.0, PReLU's
 * starting alpha 0.25 (as PyTorch), maxout 2 pieces, NORMAL scale 1.0.
 */
final class LayerRules {
  static final double DEFAULT_SLOPE = 0.01;
  static final double DEFAULT_ELU_ALPHA = 1.0;
  static final double DEFAULT_PRELU_ALPHA = 0.25;
  static final int DEFAULT_PIECES = 2;
  static final double DEFAULT_SCALE = 1.0;

  private LayerRules() {}

  /** A dense layer. */
  static LayerSpec check(RawAnnotation a, int index, int fanIn, Report report) {
    return check(a, index, fanIn, LayerKind.DENSE, 0, report);
  }

  /**
   * A layer of {@code kind}: a dense layer's units are its own member; an image layer's ({@code
   * imageUnits}) are its filters (conv) or its input's channels (pooling), and {@code units} is
   * an error on it. Pooling takes no activation, init or batch norm.
   */
  static LayerSpec check(RawAnnotation a, int index, int fanIn, LayerKind kind, int imageUnits,
      Report report) {
    int units = imageUnits;
    if (kind == LayerKind.DENSE) {
      units = a.intValue("units", 1, report);
      if (!a.has("units")) {
        report.add(Message.MISSING_MEMBER, a.element(), a.mirror(), a.value("kind"), "DENSE",
            "units", "set it to the number of outputs of this layer, e.g. units = 10");
      } else if (units <= 0) {
        a.report(report, "units", Message.NOT_POSITIVE, "units", units,
            "set it to the number of outputs of this layer");
      }
      for (String member : new String[] {"filters", "size", "stride", "pad"}) {
        notFor(a, member, kind, "it is for conv and pooling layers", report);
      }
    } else {
      notFor(a, "units", kind, "the output size follows from filters, size, stride and pad",
          report);
    }
    if (kind == LayerKind.MAX_POOL || kind == LayerKind.AVG_POOL) {
      for (String member : new String[] {"activation", "init", "batchNorm"}) {
        notFor(a, member, kind, "a pooling layer has no weights and no activation", report);
      }
    }
    Activation act = a.enumValue("activation", Activation.class, Activation.IDENTITY, report);
    Init init = a.enumValue("init", Init.class, Init.XAVIER, report);
    boolean bn = a.booleanValue("batchNorm", false, report);

    double slope = Double.NaN;
    if (act == Activation.LEAKY_RELU) {
      slope = a.doubleValue("slope", DEFAULT_SLOPE, report);
      if (!(slope >= 0 && slope < 1)) {
        a.report(report, "slope", Message.BAD_CONSTANT, "slope", "in [0, 1)", slope,
            "a leaky ReLU keeps a small negative slope such as 0.01");
      }
    } else {
      unused(a, "slope", "LEAKY_RELU", "activation " + act, "activation", report);
    }

    double alpha = Double.NaN;
    if (act == Activation.ELU) {
      alpha = a.doubleValue("alpha", DEFAULT_ELU_ALPHA, report);
      if (!(alpha > 0 && alpha < Double.POSITIVE_INFINITY)) {
        a.report(report, "alpha", Message.BAD_CONSTANT, "alpha", "positive and finite", alpha,
            "ELU saturates at -alpha for large negative inputs; 1.0 is the usual value");
      }
    } else if (act == Activation.PRELU) {
      alpha = a.doubleValue("alpha", DEFAULT_PRELU_ALPHA, report);
      if (!Double.isFinite(alpha)) {
        a.report(report, "alpha", Message.BAD_CONSTANT, "alpha", "finite", alpha,
            "it is PReLU's starting slope; 0.25 is the usual value");
      }
    } else {
      unused(a, "alpha", "ELU and PRELU", "activation " + act, "activation", report);
    }

    int pieces = 0;
    if (act == Activation.MAXOUT) {
      pieces = a.intValue("pieces", DEFAULT_PIECES, report);
      if (pieces < 2) {
        a.report(report, "pieces", Message.TOO_FEW_PIECES, pieces);
      }
    } else {
      unused(a, "pieces", "MAXOUT", "activation " + act, "activation", report);
    }

    double scale = Double.NaN;
    if (init == Init.NORMAL) {
      scale = a.doubleValue("scale", DEFAULT_SCALE, report);
      if (!(scale > 0 && scale < Double.POSITIVE_INFINITY)) {
        a.report(report, "scale", Message.BAD_CONSTANT, "scale", "positive and finite", scale,
            "it is the standard deviation of the initial weights, e.g. 1.0");
      }
    } else {
      unused(a, "scale", "init NORMAL", "init " + init, "init", report);
    }

    if (init == Init.ZERO) {
      report.add(Message.ZERO_INIT, a.element(), a.mirror(), a.value("init"), index);
    }
    return new LayerSpec(index, fanIn, kind, Math.max(units, 1), act, init, scale, bn, slope,
        alpha, Math.max(pieces, act == Activation.MAXOUT ? 2 : 0));
  }

  /** An error on {@code member} when written on a layer of {@code kind}, which has no use for
   * it. */
  static void notFor(RawAnnotation a, String member, LayerKind kind, String why, Report report) {
    if (a.has(member)) {
      a.report(report, member, Message.MEMBER_NOT_USED, member, kind, why);
    }
  }

  private static void unused(RawAnnotation a, String member, String appliesTo, String actual,
      String change, Report report) {
    if (a.has(member)) {
      a.report(report, member, Message.CONSTANT_NOT_USED, member, appliesTo, actual, member,
          change);
    }
  }
}
