package dev.unroll.processor.diag;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/**
 * Problems found in one spec. Stages fill it and never print; the processor prints it once, so
 * all errors of a spec appear in one compile.
 */
public final class Report {
  private final List<Diagnostic> items = new ArrayList<>();

  /**
   * Files {@code message} with its catalogue severity at the most precise place known: the
   * element (null for a problem of the compile, such as a processor option), and where known the
   * annotation and its value.
   */
  public void add(Message message, Element element, AnnotationMirror annotation,
      AnnotationValue value, Object... args) {
    items.add(new Diagnostic(message.kind(), message.format(args), element, annotation, value));
  }

  /** Whether any error was reported. */
  public boolean hasErrors() {
    return items.stream().anyMatch(d -> d.kind() == Kind.ERROR);
  }

  /** The problems in the order found. */
  public List<Diagnostic> items() {
    return List.copyOf(items);
  }
}
