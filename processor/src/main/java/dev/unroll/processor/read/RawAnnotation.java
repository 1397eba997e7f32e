package dev.unroll.processor.read;

import dev.unroll.processor.diag.Message;
import dev.unroll.processor.diag.Report;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;

/**
 * An annotation as written: its mirror and the values given explicitly, each with its position.
 * Missing values read as the caller's default; explicitness matters because giving a constant an
 * activation does not use is an error even when the value equals the default.
 */
public final class RawAnnotation {
  private final Element element;
  private final AnnotationMirror mirror;
  private final Map<String, AnnotationValue> explicit = new LinkedHashMap<>();

  RawAnnotation(Element element, AnnotationMirror mirror) {
    this.element = element;
    this.mirror = mirror;
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        mirror.getElementValues().entrySet()) {
      explicit.put(e.getKey().getSimpleName().toString(), e.getValue());
    }
  }

  /** The annotated element. */
  public Element element() {
    return element;
  }

  /** The annotation. */
  public AnnotationMirror mirror() {
    return mirror;
  }

  /** Whether {@code name} was written in the source. */
  public boolean has(String name) {
    return explicit.containsKey(name);
  }

  /** The written value of {@code name}, or null. */
  public AnnotationValue value(String name) {
    return explicit.get(name);
  }

  /**
   * Files {@code message}, with its catalogue severity, on the written value of {@code member}
   * (on the annotation when the member is not written).
   */
  public void report(Report report, String member, Message message, Object... args) {
    report.add(message, element, mirror, explicit.get(member), args);
  }

  /** An int member, or {@code fallback} when absent or unreadable (reported). */
  public int intValue(String name, int fallback, Report report) {
    Object v = raw(name);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Integer i) {
      return i;
    }
    unreadable(name, v, report);
    return fallback;
  }

  /** A double member (ints widen), or {@code fallback}. */
  public double doubleValue(String name, double fallback, Report report) {
    Object v = raw(name);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number d) {
      return d.doubleValue();
    }
    unreadable(name, v, report);
    return fallback;
  }

  /** A boolean member, or {@code fallback}. */
  public boolean booleanValue(String name, boolean fallback, Report report) {
    Object v = raw(name);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    unreadable(name, v, report);
    return fallback;
  }

  /** A String member, or {@code fallback}. */
  public String stringValue(String name, String fallback, Report report) {
    Object v = raw(name);
    if (v == null) {
      return fallback;
    }
    if (v instanceof String s) {
      return s;
    }
    unreadable(name, v, report);
    return fallback;
  }

  /** An enum member, or {@code fallback}. */
  public <E extends Enum<E>> E enumValue(String name, Class<E> type, E fallback, Report report) {
    Object v = raw(name);
    if (v == null) {
      return fallback;
    }
    if (v instanceof VariableElement constant) {
      try {
        return Enum.valueOf(type, constant.getSimpleName().toString());
      } catch (IllegalArgumentException e) {
        // A constant of a newer runtime than this processor knows.
      }
    }
    unreadable(name, v, report);
    return fallback;
  }

  private Object raw(String name) {
    AnnotationValue value = explicit.get(name);
    return value == null ? null : value.getValue();
  }

  private void unreadable(String name, Object v, Report report) {
    report.add(Message.UNREADABLE, element, mirror, explicit.get(name), name, v);
  }
}
