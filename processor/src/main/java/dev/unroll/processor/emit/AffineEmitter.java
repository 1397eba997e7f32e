package dev.unroll.processor.emit;

import com.palantir.javapoet.CodeBlock;
import dev.unroll.processor.plan.LayerPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * The fully connected map {@code z = x W + b} (W is fan_in x cols, one row per input) and its
 * backward pass {@code dW = x^T dz + l2 W}, {@code db = sum_i dz}, {@code dx = dz W^T}. Loops run
 * over whole rows with one index, so C2 vectorizes them; small dimensions are written out.
 */
final class AffineEmitter {
  private AffineEmitter() {}

  static CodeBlock forward(LayerPlan p, Num t) {
    CodeBlock.Builder c = CodeBlock.builder();
    int in = p.fanIn();
    int cols = p.cols();
    String bias = p.b() == null ? null : "bias";
    if (bias != null) {
      c.addStatement("$L[] bias = $L[0]", t.t(), p.b());
    }
    if (p.unrollInputs()) {
      for (int m = 0; m < in; m++) {
        c.addStatement("$L[] row$L = $L[$L]", t.t(), m, p.w(), m);
      }
      c.beginControlFlow("for (int i = 0; i < n; i++)");
      c.addStatement("$L[] x = $L[i]", t.t(), p.in());
      c.addStatement("$L[] z = $L[i]", t.t(), p.z());
      for (int m = 0; m < in; m++) {
        c.addStatement("$L x$L = x[$L]", t.t(), m, m);
      }
      if (p.unrollCols()) {
        for (int j = 0; j < cols; j++) {
          c.addStatement("z[$L] = $L", j, sum(bias, in, Integer.toString(j), t));
        }
      } else {
        c.beginControlFlow("for (int j = 0; j < $L; j++)", cols);
        c.addStatement("z[j] = $L", sum(bias, in, "j", t));
        c.endControlFlow();
      }
      c.endControlFlow();
    } else if (p.unrollCols()) {
      c.beginControlFlow("for (int i = 0; i < n; i++)");
      c.addStatement("$L[] x = $L[i]", t.t(), p.in());
      for (int j = 0; j < cols; j++) {
        c.addStatement("$L s$L = $L", t.t(), j, bias == null ? t.lit(0) : "bias[" + j + "]");
      }
      c.beginControlFlow("for (int m = 0; m < $L; m++)", in);
      c.addStatement("$L xm = x[m]", t.t());
      c.addStatement("$L[] row = $L[m]", t.t(), p.w());
      for (int j = 0; j < cols; j++) {
        c.addStatement("s$L += xm * row[$L]", j, j);
      }
      c.endControlFlow();
      c.addStatement("$L[] z = $L[i]", t.t(), p.z());
      for (int j = 0; j < cols; j++) {
        c.addStatement("z[$L] = s$L", j, j);
      }
      c.endControlFlow();
    } else {
      c.beginControlFlow("for (int i = 0; i < n; i++)");
      c.addStatement("$L[] x = $L[i]", t.t(), p.in());
      c.addStatement("$L[] z = $L[i]", t.t(), p.z());
      if (bias != null) {
        c.addStatement("System.arraycopy(bias, 0, z, 0, $L)", cols);
      } else {
        c.addStatement("java.util.Arrays.fill(z, $L)", t.lit(0));
      }
      c.beginControlFlow("for (int m = 0; m < $L; m++)", in);
      c.addStatement("$L xm = x[m]", t.t());
      c.addStatement("$L[] row = $L[m]", t.t(), p.w());
      c.beginControlFlow("for (int j = 0; j < $L; j++)", cols);
      c.addStatement("z[j] += xm * row[j]");
      c.endControlFlow();
      c.endControlFlow();
      c.endControlFlow();
    }
    return c.build();
  }

  private static String sum(String bias, int in, String j, Num t) {
    List<String> terms = new ArrayList<>();
    if (bias != null) {
      terms.add(bias + "[" + j + "]");
    }
    for (int m = 0; m < in; m++) {
      terms.add("x" + m + " * row" + m + "[" + j + "]");
    }
    return terms.isEmpty() ? t.lit(0) : String.join(" + ", terms);
  }

  /** Weight and bias gradients; {@code reg} is a local holding the L2 strength. */
  static CodeBlock backwardParams(LayerPlan p, Num t) {
    CodeBlock.Builder c = CodeBlock.builder();
    int cols = p.cols();
    c.add("// dW = x^T dz + l2 * W, one weight row (one input) at a time so it stays in cache\n");
    c.beginControlFlow("for (int m = 0; m < $L; m++)", p.fanIn());
    c.addStatement("$L[] row = $L[m]", t.t(), p.w());
    c.addStatement("$L[] grad = $L[m]", t.t(), p.dw());
    if (p.unrollCols()) {
      for (int j = 0; j < cols; j++) {
        c.addStatement("$L g$L = reg * row[$L]", t.t(), j, j);
      }
      c.beginControlFlow("for (int i = 0; i < n; i++)");
      c.addStatement("$L xm = $L[i][m]", t.t(), p.in());
      c.addStatement("$L[] d = $L[i]", t.t(), p.dz());
      for (int j = 0; j < cols; j++) {
        c.addStatement("g$L += xm * d[$L]", j, j);
      }
      c.endControlFlow();
      for (int j = 0; j < cols; j++) {
        c.addStatement("grad[$L] = g$L", j, j);
      }
    } else {
      c.beginControlFlow("for (int j = 0; j < $L; j++)", cols);
      c.addStatement("grad[j] = reg * row[j]");
      c.endControlFlow();
      c.beginControlFlow("for (int i = 0; i < n; i++)");
      c.addStatement("$L xm = $L[i][m]", t.t(), p.in());
      c.addStatement("$L[] d = $L[i]", t.t(), p.dz());
      c.beginControlFlow("for (int j = 0; j < $L; j++)", cols);
      c.addStatement("grad[j] += xm * d[j]");
      c.endControlFlow();
      c.endControlFlow();
    }
    c.endControlFlow();
    if (p.db() != null) {
      c.add("// db = sum over the batch of dz\n");
      c.addStatement("$L[] gb = $L[0]", t.t(), p.db());
      c.addStatement("java.util.Arrays.fill(gb, $L)", t.lit(0));
      c.beginControlFlow("for (int i = 0; i < n; i++)");
      c.addStatement("$L[] d = $L[i]", t.t(), p.dz());
      c.beginControlFlow("for (int j = 0; j < $L; j++)", cols);
      c.addStatement("gb[j] += d[j]");
      c.endControlFlow();
      c.endControlFlow();
    }
    return c.build();
  }

  /** Input gradient {@code dx = dz W^T}: a dot product per input, with split accumulators. */
  static CodeBlock backwardInput(LayerPlan p, Num t) {
    CodeBlock.Builder c = CodeBlock.builder();
    int cols = p.cols();
    c.add("// dx = dz W^T, written into the previous layer's output gradient\n");
    c.beginControlFlow("for (int i = 0; i < n; i++)");
    c.addStatement("$L[] d = $L[i]", t.t(), p.dz());
    c.addStatement("$L[] dx = $L[i]", t.t(), p.dIn());
    c.beginControlFlow("for (int m = 0; m < $L; m++)", p.fanIn());
    c.addStatement("$L[] row = $L[m]", t.t(), p.w());
    if (p.unrollCols()) {
      List<String> terms = new ArrayList<>();
      for (int j = 0; j < cols; j++) {
        terms.add("d[" + j + "] * row[" + j + "]");
      }
      c.addStatement("dx[m] = $L", String.join(" + ", terms));
    } else if (p.accumulators() == 4) {
      int main = cols - cols % 4;
      // Four partial sums break the dependency chain C2 will not reorder for floating point.
      c.addStatement("$1L s0 = $2L, s1 = $2L, s2 = $2L, s3 = $2L", t.t(), t.lit(0));
      c.beginControlFlow("for (int j = 0; j < $L; j += 4)", main);
      c.addStatement("s0 += d[j] * row[j]");
      c.addStatement("s1 += d[j + 1] * row[j + 1]");
      c.addStatement("s2 += d[j + 2] * row[j + 2]");
      c.addStatement("s3 += d[j + 3] * row[j + 3]");
      c.endControlFlow();
      for (int j = main; j < cols; j++) {
        c.addStatement("s0 += d[$L] * row[$L]", j, j);
      }
      c.addStatement("dx[m] = (s0 + s1) + (s2 + s3)");
    } else {
      c.addStatement("$L s = $L", t.t(), t.lit(0));
      c.beginControlFlow("for (int j = 0; j < $L; j++)", cols);
      c.addStatement("s += d[j] * row[j]");
      c.endControlFlow();
      c.addStatement("dx[m] = s");
    }
    c.endControlFlow();
    c.endControlFlow();
    return c.build();
  }
}
