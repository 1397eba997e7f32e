package dev.unroll.processor.diag;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/**
 * One problem and the most precise place to print it: the element, and where known the annotation
 * and the annotation value, so javac points at {@code units = -3} rather than at the class.
 */
public record Diagnostic(Kind kind, String message, Element element, AnnotationMirror annotation,
    AnnotationValue value) {}
