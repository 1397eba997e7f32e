package dev.unroll.processor.check;

import dev.unroll.processor.diag.Message;
import dev.unroll.processor.diag.Report;

import dev.unroll.processor.model.ImageLayerSpec;
import dev.unroll.processor.model.LayerSpec;
import dev.unroll.processor.model.Shape;
import dev.unroll.processor.model.Window;
import dev.unroll.processor.read.RawAnnotation;
import dev.unroll.spec.LayerKind;

/**
 * Checks a conv or pooling layer and works out its output shape. Every shape problem is an error
 * on the member to change, with the arithmetic in the message: a window larger than its padded
 * input, an output size {@code (H + 2 pad - size) / stride + 1} that is not a whole number (for
 * a conv layer; a pool that leaves rows or columns out is a warning naming them).
 */
final class ImageRules {
  private ImageRules() {}

  /** The checked layer, or null when its window or shape is unusable (reported). */
  static ImageLayerSpec check(RawAnnotation a, int index, Shape in, LayerKind kind,
      Report report) {
    boolean conv = kind == LayerKind.CONV;
    int filters = in.c();
    if (conv) {
      filters = required(a, "filters", kind, "the number of output channels, e.g. filters = 16",
          report);
    } else {
      LayerRules.notFor(a, "filters", kind, "a pool keeps its input's channels", report);
      LayerRules.notFor(a, "pad", kind, "pooling windows do not pad", report);
    }
    int size = required(a, "size", kind, "the window's side in pixels, e.g. size = "
        + (conv ? 3 : 2), report);
    int stride = a.intValue("stride", conv ? 1 : size, report);
    if (a.has("stride") && stride <= 0) {
      a.report(report, "stride", Message.NOT_POSITIVE, "stride", stride,
          "it is the step between windows, e.g. stride = " + (conv ? 1 : size));
    }
    int pad = conv ? a.intValue("pad", 0, report) : 0;
    if (pad < 0) {
      a.report(report, "pad", Message.BAD_CONSTANT, "pad", ">= 0", pad,
          "it is the number of zero rows and columns added on each side");
    }
    int fanIn = in.c() * Math.max(size, 1) * Math.max(size, 1);
    LayerSpec unit = LayerRules.check(a, index, fanIn, kind, Math.max(filters, 1), report);
    if (filters <= 0 || size <= 0 || stride <= 0 || pad < 0) {
      return null;
    }
    Window window = new Window(size, stride, pad);
    if (size > in.h() + 2 * pad || size > in.w() + 2 * pad) {
      int side = Math.min(in.h(), in.w()) + 2 * pad;
      a.report(report, "size", Message.WINDOW_TOO_LARGE, size, size, kind, in.h(), in.w(), pad,
          side, conv ? " or pad >= " + (size - Math.min(in.h(), in.w()) + 1) / 2 : "");
      return null;
    }
    if (conv && !fits(window, in, a, report)) {
      return null;
    }
    if (!conv && (window.dropped(in.h()) > 0 || window.dropped(in.w()) > 0)) {
      report.add(Message.POOL_DROPS, a.element(), a.mirror(),
          a.has("stride") ? a.value("stride") : a.value("size"), size, size, stride, in.h(), in.w(),
          window.dropped(in.h()), window.dropped(in.w()));
    }
    Shape out = new Shape(conv ? filters : in.c(), window.out(in.h()), window.out(in.w()));
    return new ImageLayerSpec(unit, in, out, window);
  }

  /** Whether a conv layer's windows end exactly on the padded input's last row and column. */
  private static boolean fits(Window window, Shape in, RawAnnotation a, Report report) {
    boolean ok = true;
    for (int side : new int[] {in.h(), in.w()}) {
      int span = side + 2 * window.pad() - window.size();
      if (span % window.stride() != 0) {
        String value = span + "/" + window.stride() + " + 1";
        // the smallest larger pad that makes the windows end on the last row, if one below
        // the window size does (with an even span step, none may)
        int pad = -1;
        for (int p = window.pad() + 1; p < window.size() && pad < 0; p++) {
          if ((side + 2 * p - window.size()) % window.stride() == 0) {
            pad = p;
          }
        }
        String fix = pad >= 0 ? "use pad = " + pad + " or stride = 1"
            : "use stride = 1 or another size";
        a.report(report, a.has("stride") ? "stride" : "size", Message.OUTPUT_NOT_INTEGER, side,
            window.pad(), window.size(), window.stride(),
            String.format(java.util.Locale.ROOT, "%.2f", span / (double) window.stride() + 1)
                + " (" + value + ")",
            side == in.h() ? "rows" : "columns", fix);
        ok = false;
        break;
      }
    }
    return ok;
  }

  private static int required(RawAnnotation a, String member, LayerKind kind, String fix,
      Report report) {
    if (!a.has(member)) {
      report.add(Message.MISSING_MEMBER, a.element(), a.mirror(), a.value("kind"), kind, member,
          "set " + fix);
      return 0;
    }
    int v = a.intValue(member, 0, report);
    if (v <= 0) {
      a.report(report, member, Message.NOT_POSITIVE, member, v, "set " + fix);
    }
    return v;
  }
}
