package dev.unroll.processor.emit;

import com.palantir.javapoet.CodeBlock;
import dev.unroll.processor.model.ImageLayerSpec;
import dev.unroll.processor.plan.ImageLayerPlan;
import dev.unroll.spec.LayerKind;
import java.util.Arrays;

/**
 * Max and average pooling, forward next to backward. Max pooling keeps, per output value, the
 * index of the input pixel that won ({@code argmaxK}, allocated once): its backward sends each
 * gradient there. Ties go to the first largest value in row-major order within the window (a
 * later value must be strictly larger to win), as PyTorch's CPU kernel does.
 */
final class PoolEmitter {
  private PoolEmitter() {}

  static CodeBlock forward(ImageLayerPlan p, Num t) {
    ImageLayerSpec s = p.image();
    boolean max = s.kind() == LayerKind.MAX_POOL;
    int size = s.window().size();
    int stride = s.window().stride();
    CodeBlock.Builder c = CodeBlock.builder();
    c.add(max ? "// h = the largest value of each $1Lx$1L window; its index kept for backward\n"
        : "// h = the mean of each $1Lx$1L window\n", size);
    c.beginControlFlow("for (int i = 0; i < n; i++)");
    c.addStatement("$L[] x = $L[i]", t.t(), p.in());
    c.addStatement("$L[] h = $L[i]", t.t(), p.h());
    if (max) {
      c.addStatement("int[] arg = $L[i]", p.name("argmax"));
    }
    loops(c, s);
    if (max) {
      c.addStatement("int best = start");
      c.addStatement("$L top = x[start]", t.t());
      windowLoops(c, size, s.in().w());
      c.beginControlFlow("if (x[at] > top)");
      c.addStatement("top = x[at]");
      c.addStatement("best = at");
      c.endControlFlow();
      c.endControlFlow().endControlFlow();
      c.addStatement("h[j] = top");
      c.addStatement("arg[j] = best");
    } else {
      c.addStatement("$L sum = 0", t.t());
      windowLoops(c, size, s.in().w());
      c.addStatement("sum += x[at]");
      c.endControlFlow().endControlFlow();
      c.addStatement("h[j] = sum * $L", t.lit(1.0 / (size * size)));
    }
    c.endControlFlow().endControlFlow().endControlFlow();
    c.endControlFlow();
    return c.build();
  }

  static CodeBlock backward(ImageLayerPlan p, Num t) {
    ImageLayerSpec s = p.image();
    boolean max = s.kind() == LayerKind.MAX_POOL;
    int size = s.window().size();
    CodeBlock.Builder c = CodeBlock.builder();
    if (max) {
      c.add("// each gradient goes to the input pixel that won its window\n");
    } else {
      c.add("// each gradient is shared equally by the $1Lx$1L pixels of its window\n", size);
    }
    c.beginControlFlow("for (int i = 0; i < n; i++)");
    c.addStatement("$L[] dx = $L[i]", t.t(), p.dIn());
    c.addStatement("$L[] dh = $L[i]", t.t(), p.dh());
    c.addStatement("$T.fill(dx, $L)", Arrays.class, t.lit(0));
    if (max) {
      c.addStatement("int[] arg = $L[i]", p.name("argmax"));
      c.beginControlFlow("for (int j = 0; j < $L; j++)", s.out().size());
      c.addStatement("dx[arg[j]] += dh[j]");
      c.endControlFlow();
    } else {
      loops(c, s);
      c.addStatement("$L share = dh[j] * $L", t.t(), t.lit(1.0 / (size * size)));
      windowLoops(c, size, s.in().w());
      c.addStatement("dx[at] += share");
      c.endControlFlow().endControlFlow();
      c.endControlFlow().endControlFlow().endControlFlow();
    }
    c.endControlFlow();
    return c.build();
  }

  /** Opens the loops over channels and output positions; {@code j} the output, {@code start}
   * the window's first input pixel. */
  private static void loops(CodeBlock.Builder c, ImageLayerSpec s) {
    int stride = s.window().stride();
    c.beginControlFlow("for (int ch = 0; ch < $L; ch++)", s.out().c());
    c.beginControlFlow("for (int oy = 0; oy < $L; oy++)", s.out().h());
    c.beginControlFlow("for (int ox = 0; ox < $L; ox++)", s.out().w());
    c.addStatement("int j = (ch * $L + oy) * $L + ox", s.out().h(), s.out().w());
    c.addStatement("int start = ch * $L + oy * $L + ox * $L", s.in().plane(),
        stride * s.in().w(), stride);
  }

  /** Opens the loops over a window's pixels, row-major; {@code at} the pixel's index. */
  private static void windowLoops(CodeBlock.Builder c, int size, int width) {
    c.beginControlFlow("for (int ky = 0; ky < $L; ky++)", size);
    c.beginControlFlow("for (int kx = 0; kx < $L; kx++)", size);
    c.addStatement("int at = start + ky * $L + kx", width);
  }
}
