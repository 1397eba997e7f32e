package dev.unroll.processor.check;

import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Types;

/**
 * A method the generated class declares, as javac matches it against inherited methods: its name
 * and erased parameter types, with its return type and access for the message.
 *
 * @param parameters erased parameter types as javac prints them ({@code float[][]}, {@code
 *     java.util.List})
 */
public record GeneratedMethod(String name, List<String> parameters, String returns,
    boolean isPrivate) {

  /** A method the generated class implements, taken from the interface that declares it. */
  static GeneratedMethod of(ExecutableElement m, Types types) {
    return new GeneratedMethod(m.getSimpleName().toString(),
        m.getParameters().stream().map(p -> erasure(p, types)).toList(),
        types.erasure(m.getReturnType()).toString(),
        m.getModifiers().contains(Modifier.PRIVATE));
  }

  private static String erasure(VariableElement p, Types types) {
    return types.erasure(p.asType()).toString();
  }

  /** {@code void forward(float[][], int)}. */
  @Override
  public String toString() {
    return (isPrivate ? "private " : "") + simple(returns) + " " + name + "("
        + String.join(", ", parameters.stream().map(GeneratedMethod::simple).toList()) + ")";
  }

  private static String simple(String type) {
    return type.substring(type.lastIndexOf('.') + 1);
  }
}
