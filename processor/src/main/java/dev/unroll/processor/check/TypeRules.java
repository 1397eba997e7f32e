package dev.unroll.processor.check;

import dev.unroll.processor.diag.Message;
import dev.unroll.processor.diag.Report;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Checks that the annotated type can be implemented or extended by a generated class. */
final class TypeRules {
  private static final String MODEL = "dev.unroll.runtime.Model";

  private TypeRules() {}

  static void check(TypeElement type, AnnotationMirror network, String className,
      Elements elements, Types types, Report report) {
    ElementKind kind = type.getKind();
    boolean isInterface = kind == ElementKind.INTERFACE;
    boolean isAbstractClass =
        kind == ElementKind.CLASS && type.getModifiers().contains(Modifier.ABSTRACT);
    if (!isInterface && !isAbstractClass) {
      String what = kind == ElementKind.CLASS ? "concrete class"
          : kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
      report.add(Message.NOT_ABSTRACT, type, network, null, what, type.getSimpleName(),
          type.getSimpleName());
      return;
    }
    if (!type.getTypeParameters().isEmpty()) {
      String params = type.getTypeParameters().stream().map(Object::toString)
          .collect(Collectors.joining(", "));
      report.add(Message.GENERIC_SPEC, type, null, null, type.getSimpleName(), params);
    }
    for (Element e = type; e instanceof TypeElement t; e = t.getEnclosingElement()) {
      if (t.getModifiers().contains(Modifier.PRIVATE)) {
        report.add(Message.PRIVATE_SPEC, type, null, null, t.getSimpleName());
        break;
      }
    }
    if (isAbstractClass && type.getNestingKind() == NestingKind.MEMBER
        && !type.getModifiers().contains(Modifier.STATIC)) {
      report.add(Message.INNER_SPEC, type, null, null, type.getSimpleName());
    }
    if (isAbstractClass) {
      List<ExecutableElement> ctors = ElementFilter.constructorsIn(type.getEnclosedElements());
      boolean usable = ctors.stream().anyMatch(
          c -> c.getParameters().isEmpty() && !c.getModifiers().contains(Modifier.PRIVATE));
      if (!usable) {
        report.add(Message.NO_CONSTRUCTOR, type, null, null, type.getSimpleName());
      }
    }
    for (ExecutableElement m : ElementFilter.methodsIn(elements.getAllMembers(type))) {
      if (m.getModifiers().contains(Modifier.ABSTRACT) && !isModelMethod(m)) {
        Element where = m.getEnclosingElement().equals(type) ? m : type;
        report.add(Message.ABSTRACT_METHOD, where, null, null, type.getSimpleName(), m);
      }
    }
    // the generated class's other methods are known once it is emitted: checked again then
    MemberClashes.check(type, className, MemberClashes.modelMethods(elements, types), elements,
        types, report);
  }

  private static boolean isModelMethod(ExecutableElement m) {
    return ((TypeElement) m.getEnclosingElement()).getQualifiedName().contentEquals(MODEL);
  }
}
