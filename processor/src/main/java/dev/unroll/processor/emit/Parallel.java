package dev.unroll.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.function.IntConsumer;
import javax.lang.model.element.Modifier;

/**
 * Splitting ranges across threads, and nothing else: a method over a range {@code [j0, j1)}, the
 * task field that runs part {@code part} of it ({@code workers.bound} gives the part's range), the
 * call that runs the whole range on one thread or on the workers, and the worker pool. The tasks
 * are fields made once, so a parallel step allocates nothing. What the ranges compute is the
 * {@link Split} strategy's.
 */
final class Parallel {
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

  /** {@code method(n, j0, j1)} running {@code body}, and its task over [0, total). */
  static void rangeMethod(TypeSpec.Builder type, String method, int total, String doc,
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

  /** {@code workers.bound(part, total)}: where part {@code part} of [0, total) starts. */
  static String bound(String part, int total) {
    return "workers.bound(" + part + ", " + total + ")";
  }

  /** The field {@code nameTask}, running {@code body} for one part. */
  static void task(TypeSpec.Builder type, String name, CodeBlock body) {
    type.addField(FieldSpec.builder(IntConsumer.class, name + "Task",
            Modifier.PRIVATE, Modifier.FINAL)
        .initializer("part -> $L", body)
        .build());
  }

  /** The worker pool field and the thread-count methods. */
  static void addApi(TypeSpec.Builder type) {
    type.addField(FieldSpec.builder(RuntimeTypes.WORKERS, "workers", Modifier.PRIVATE)
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
        .addStatement("workers = threads == 1 ? null : new $T(threads)", RuntimeTypes.WORKERS)
        .build());
    type.addMethod(MethodSpec.methodBuilder("threads")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(int.class)
        .addStatement("return workers == null ? 1 : workers.parts()")
        .build());
  }
}
