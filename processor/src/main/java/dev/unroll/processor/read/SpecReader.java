package dev.unroll.processor.read;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Finds a spec's {@code @Network} and its {@code @Layer}s in source order. A single {@code @Layer}
 * appears as itself; repeated ones arrive inside javac's {@code @Layers} container, whose list
 * keeps source order and whose members still point at their own source positions.
 */
public final class SpecReader {
  static final String NETWORK = "dev.unroll.spec.Network";
  static final String LAYER = "dev.unroll.spec.Layer";
  static final String LAYERS = "dev.unroll.spec.Layers";

  private SpecReader() {}

  /** The {@code @Network} of {@code element}, or null. */
  public static RawAnnotation network(Element element) {
    for (AnnotationMirror m : element.getAnnotationMirrors()) {
      if (nameOf(m).equals(NETWORK)) {
        return new RawAnnotation(element, m);
      }
    }
    return null;
  }

  /** The {@code @Layer}s of {@code element}, in source order. */
  public static List<RawAnnotation> layers(Element element) {
    List<RawAnnotation> layers = new ArrayList<>();
    for (AnnotationMirror m : element.getAnnotationMirrors()) {
      String name = nameOf(m);
      if (name.equals(LAYER)) {
        layers.add(new RawAnnotation(element, m));
      } else if (name.equals(LAYERS)) {
        for (AnnotationValue v : m.getElementValues().values()) {
          if (v.getValue() instanceof List<?> list) {
            for (Object item : list) {
              if (item instanceof AnnotationValue av
                  && av.getValue() instanceof AnnotationMirror layer) {
                layers.add(new RawAnnotation(element, layer));
              }
            }
          }
        }
      }
    }
    return layers;
  }

  private static String nameOf(AnnotationMirror m) {
    return ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().toString();
  }
}
