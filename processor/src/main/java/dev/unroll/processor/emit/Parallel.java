package dev.unroll.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.unroll.processor.plan.LayerPlan;
import dev.unroll.processor.plan.NetPlan;
import java.util.function.IntConsumer;
import javax.lang.model.element.Modifier;

/**
 * Splitting a layer's three products across threads. Each product becomes a method over a range
 * of its output columns ({@code affineK}: z's columns, {@code weightGradK}: dW's columns, {@code
 * inputGradK}: dx's columns), so every output element is computed by one thread in the same order
 * as on one thread: results are bit-identical and no reduction is needed. The tasks handed to
 * {@code Workers} are fields made once, so a parallel step allocates nothing.
 */
final class Parallel {
  static final ClassName WORKERS = ClassName.get("dev.unroll.runtime", "Workers");
  static final ClassName OPS = ClassName.get("dev.unroll.runtime", "Ops");

  private Parallel() {}

  /** Runs {@code method} over [0, total) on one thread, or split across the workers. */
  static CodeBlock dispatch(String method, int total) {
    return CodeBlock.builder()
        .beginControlFlow("if (workers == null)")
        .addStatement("$L(n, 0, $L)", method, total)
        .nextControlFlow("else")
        .addStatement("workers.run($LTask)", method)
        .endControlFlow()
        .build();
  }

  /** The range methods and task fields of every parallel layer. */
  static void addAll(TypeSpec.Builder type, NetPlan plan, Num t) {
    for (LayerPlan p : plan.layers()) {
      if (!p.parallel()) {
        continue;
      }
      boolean act = ActivationEmitter.inRanges(p);
      CodeBlock.Builder affine = CodeBlock.builder()
          .add(AffineEmitter.forwardBody(p, t, "j0", "j1"));
      if (act) {
        affine.add("// the activation of the same columns, on the same thread\n")
            .add(ActivationEmitter.forward(p, t, "j0", "j1"));
      }
      add(type, p.affine(), p.cols(), "Columns [j0, j1) of layer " + p.index() + "'s z = x W"
          + (p.b() != null ? " + b" : "") + (act ? " and h = f(z)" : "") + ".", affine.build());
      CodeBlock.Builder grad = CodeBlock.builder()
          .addStatement("$L reg = $L", t.t(), t.fromDouble("l2"));
      if (act) {
        grad.add("// dz of these columns first: dW's columns need only them\n")
            .add(ActivationEmitter.backward(p, t, "j0", "j1"));
      }
      grad.add(AffineEmitter.weightGradBody(p, t, "j0", "j1"));
      if (p.db() != null) {
        grad.add(AffineEmitter.biasGradBody(p, t, "j0", "j1"));
      }
      add(type, p.weightGrad(), p.cols(), "Columns [j0, j1) of layer " + p.index()
          + "'s " + (act ? "dz, " : "") + "dW = x^T dz + l2 W" + (p.db() != null ? ", db" : "")
          + ".", grad.build());
      if (p.dIn() != null) {
        add(type, p.inputGrad(), p.fanIn(), "Inputs [j0, j1) of layer " + p.index()
            + "'s dx = dz W^T.", AffineEmitter.inputGradBody(p, t, "j0", "j1"));
        if (p.wt() != null) {
          task(type, p.transpose(), CodeBlock.of("$T.transpose($L, $L, $L, $L)", OPS, p.w(),
              p.wt(), bound("part", p.cols()), bound("part + 1", p.cols())));
        }
      }
      task(type, p.descend(), CodeBlock.of("$T.descend($L, $L, rate, $L, $L)", OPS, p.w(),
          p.dw(), bound("part", p.fanIn()), bound("part + 1", p.fanIn())));
    }
  }

  private static void add(TypeSpec.Builder type, String method, int total, String doc,
      CodeBlock body) {
    type.addMethod(MethodSpec.methodBuilder(method)
        .addModifiers(Modifier.PRIVATE)
        .addParameter(int.class, "n")
        .addParameter(int.class, "j0")
        .addParameter(int.class, "j1")
        .addJavadoc(doc + "\n")
        .addCode(body)
        .build());
    task(type, method, CodeBlock.of("$L(n, $L, $L)", method, bound("part", total),
        bound("part + 1", total)));
  }

  private static String bound(String part, int total) {
    return "workers.bound(" + part + ", " + total + ")";
  }

  private static void task(TypeSpec.Builder type, String name, CodeBlock body) {
    type.addField(FieldSpec.builder(IntConsumer.class, name + "Task",
            Modifier.PRIVATE, Modifier.FINAL)
        .initializer("part -> $L", body)
        .build());
  }

  /** The worker pool field and the thread-count methods. */
  static void addApi(TypeSpec.Builder type) {
    type.addField(FieldSpec.builder(WORKERS, "workers", Modifier.PRIVATE)
        .addJavadoc("Null on one thread; otherwise the pool large products are split across.\n")
        .build());
    type.addMethod(MethodSpec.methodBuilder("setThreads")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(int.class, "threads")
        .beginControlFlow("if (threads < 1)")
        .addStatement("throw new IllegalArgumentException($S + threads)",
            "threads must be >= 1, was ")
        .endControlFlow()
        .addStatement("workers = threads == 1 ? null : new $T(threads)", WORKERS)
        .build());
    type.addMethod(MethodSpec.methodBuilder("threads")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(int.class)
        .addStatement("return workers == null ? 1 : workers.parts()")
        .build());
  }
}
