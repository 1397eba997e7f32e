package dev.unroll.processor.emit;

import com.palantir.javapoet.CodeBlock;
import dev.unroll.processor.model.ImageLayerSpec;
import dev.unroll.processor.model.LayerSpec;
import dev.unroll.processor.plan.ImageLayerPlan;
import dev.unroll.processor.plan.LayerPlan;
import dev.unroll.processor.plan.NetPlan;
import dev.unroll.spec.Activation;
import dev.unroll.spec.LayerKind;
import java.util.Locale;

/**
 * How a conv network describes itself: each image layer in a few words ({@code conv 16 3x3 pad 1
 * BN RELU (16x28x28)}), and the class Javadoc's table of every layer's output shape, parameters
 * and FLOPs per sample.
 */
final class ImageTable {
  private ImageTable() {}

  static String describe(ImageLayerSpec s) {
    int size = s.window().size();
    StringBuilder sb = new StringBuilder();
    if (s.isConv()) {
      sb.append("conv ").append(s.unit().units()).append(' ').append(size).append('x')
          .append(size);
      if (s.window().stride() != 1) {
        sb.append(" stride ").append(s.window().stride());
      }
      if (s.window().pad() != 0) {
        sb.append(" pad ").append(s.window().pad());
      }
      if (s.unit().batchNorm()) {
        sb.append(" BN");
      }
      if (s.unit().activation() != Activation.IDENTITY) {
        sb.append(' ').append(s.unit().activation());
      }
    } else {
      sb.append(s.kind() == LayerKind.MAX_POOL ? "max" : "avg").append(" pool ").append(size)
          .append('x').append(size);
      if (s.window().stride() != size) {
        sb.append(" stride ").append(s.window().stride());
      }
    }
    return sb.append(" (").append(s.out()).append(')').toString();
  }

  /**
   * The class Javadoc's table: each layer's output shape, parameters and multiply-add FLOPs (2 a
   * multiply-add) of one sample's forward pass.
   */
  static CodeBlock table(NetPlan plan) {
    CodeBlock.Builder c = CodeBlock.builder();
    c.add("\n<table>\n<caption>Layers (FLOPs: one sample's forward pass, 2 per multiply-add)"
        + "</caption>\n<tr><th>layer</th><th>output</th><th>parameters</th><th>FLOPs</th></tr>\n");
    c.add("<tr><td>input</td><td>$L</td><td>0</td><td>0</td></tr>\n",
        plan.spec().image().input());
    for (LayerPlan layer : plan.layers()) {
      if (!(layer instanceof ImageLayerPlan p)) {
        continue;
      }
      ImageLayerSpec s = p.image();
      long params = s.isConv() ? (long) p.cols() * p.fanIn() + 2L * p.cols()
          * (p.batchNorm() ? 1 : 0) + (p.batchNorm() ? 0 : p.cols()) : 0;
      c.add("<tr><td>$L $L</td><td>$L</td><td>$L</td><td>$L</td></tr>\n", p.index(),
          describe(s).replaceAll(" \\(.*\\)$", ""), s.out(), params, 2 * s.macs());
    }
    for (LayerPlan p : plan.layers()) {
      if (p instanceof ImageLayerPlan) {
        continue;
      }
      LayerSpec u = p.spec();
      long params = (long) u.fanIn() * u.cols() + (u.batchNorm() ? 2L : 1L) * u.cols();
      c.add("<tr><td>$L dense $L$L</td><td>$L</td><td>$L</td><td>$L</td></tr>\n", p.index(),
          u.units(), u.activation() == Activation.IDENTITY ? ""
              : " " + u.activation().name().toLowerCase(Locale.ROOT), u.units(), params,
          2L * u.fanIn() * u.cols());
    }
    return c.add("</table>\n").build();
  }
}
