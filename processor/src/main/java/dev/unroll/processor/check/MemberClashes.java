package dev.unroll.processor.check;

import dev.unroll.processor.diag.Message;
import dev.unroll.processor.diag.Report;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Finds the spec's own method bodies that a generated method would meet. The generated class
 * implements or extends the spec, so a concrete, default or final method of the spec or its
 * supertypes with the signature of a generated method either stops the generated class from
 * compiling (final, static, another return type, a private helper narrowing its access) or is
 * silently replaced, its body never run. Either way it is the spec's error, on that member.
 */
public final class MemberClashes {
  private static final String MODEL = "dev.unroll.runtime.Model";

  private MemberClashes() {}

  /** The methods of {@code dev.unroll.runtime.Model}, which every generated class declares. */
  static List<GeneratedMethod> modelMethods(Elements elements, Types types) {
    TypeElement model = elements.getTypeElement(MODEL);
    if (model == null) {
      return List.of();
    }
    return ElementFilter.methodsIn(model.getEnclosedElements()).stream()
        .filter(m -> !m.getModifiers().contains(Modifier.STATIC))
        .map(m -> GeneratedMethod.of(m, types))
        .toList();
  }

  /**
   * Reports each concrete member of {@code spec} and its supertypes that one of {@code generated}
   * (the methods of class {@code className}) would override or hide.
   */
  public static void check(TypeElement spec, String className, List<GeneratedMethod> generated,
      Elements elements, Types types, Report report) {
    for (ExecutableElement m : ElementFilter.methodsIn(elements.getAllMembers(spec))) {
      TypeElement owner = (TypeElement) m.getEnclosingElement();
      String ownerName = owner.getQualifiedName().toString();
      if (m.getModifiers().contains(Modifier.ABSTRACT)
          || m.getModifiers().contains(Modifier.PRIVATE)
          || ownerName.equals("java.lang.Object") || ownerName.equals(MODEL)
          || (m.getModifiers().contains(Modifier.STATIC)
              && owner.getKind() == ElementKind.INTERFACE)) {
        continue; // abstract: TypeRules' rule; the others are never inherited or are ours
      }
      List<String> params = parameters(spec, m, types);
      String name = m.getSimpleName().toString();
      for (GeneratedMethod g : generated) {
        if (g.name().equals(name) && g.parameters().equals(params)) {
          String returns = types.erasure(m.getReturnType()).toString();
          Element where = owner.equals(spec) ? m : spec;
          report.add(Message.MEMBER_CLASH, where, null, null,
              describe(spec, owner, m, returns, params), className, g, why(m, returns, g));
        }
      }
    }
  }

  /** Parameter types as the spec sees them (a generic supertype's T substituted), erased. */
  private static List<String> parameters(TypeElement spec, ExecutableElement m, Types types) {
    List<? extends TypeMirror> raw;
    try {
      raw = ((ExecutableType) types.asMemberOf((DeclaredType) spec.asType(), m))
          .getParameterTypes();
    } catch (IllegalArgumentException e) {
      raw = m.getParameters().stream().map(Element::asType).toList();
    }
    return raw.stream().map(t -> types.erasure(t).toString()).toList();
  }

  private static String why(ExecutableElement m, String returns, GeneratedMethod g) {
    if (m.getModifiers().contains(Modifier.FINAL)) {
      return "it is final, so the generated class cannot override it";
    }
    if (m.getModifiers().contains(Modifier.STATIC)) {
      return "it is static, and an instance method cannot hide it";
    }
    if (g.isPrivate()) {
      return "the generated method is private and cannot override an inherited method";
    }
    if (!returns.equals(g.returns())) {
      return "it returns " + returns + " where the generated method returns " + g.returns();
    }
    return "the generated method would override it, so its body would never run";
  }

  private static String describe(TypeElement spec, TypeElement owner, ExecutableElement m,
      String returns, List<String> params) {
    String kind = m.getModifiers().contains(Modifier.DEFAULT) ? "default method"
        : m.getModifiers().contains(Modifier.FINAL) ? "final method"
        : m.getModifiers().contains(Modifier.STATIC) ? "static method" : "method";
    String where = owner.equals(spec) ? "" : " (inherited from " + owner.getQualifiedName() + ")";
    return "spec " + spec.getSimpleName() + "'s " + kind + " " + returns + " " + m.getSimpleName()
        + "(" + String.join(", ", params) + ")" + where;
  }
}
