package dev.unroll.processor;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.unroll.processor.check.GeneratedMethod;
import java.util.List;
import javax.lang.model.element.Modifier;

/** The methods of an emitted class in the form the check stage compares with the spec's. */
final class Emitted {
  private Emitted() {}

  static List<GeneratedMethod> methods(TypeSpec type) {
    return type.methodSpecs().stream()
        .filter(m -> !m.isConstructor())
        .map(Emitted::method)
        .toList();
  }

  private static GeneratedMethod method(MethodSpec m) {
    return new GeneratedMethod(m.name(),
        m.parameters().stream().map(p -> erasure(p.type())).toList(),
        m.returnType() == null ? "void" : erasure(m.returnType()),
        m.modifiers().contains(Modifier.PRIVATE));
  }

  /** As javac prints an erased type: {@code float[][]}, {@code java.util.List}, {@code int}. */
  private static String erasure(TypeName t) {
    if (t instanceof ArrayTypeName a) {
      return erasure(a.componentType()) + "[]";
    }
    if (t instanceof ParameterizedTypeName p) {
      return p.rawType().canonicalName();
    }
    if (t instanceof ClassName c) {
      return c.canonicalName();
    }
    return t.withoutAnnotations().toString();
  }
}
