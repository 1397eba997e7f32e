package dev.unroll.processor.check;

import dev.unroll.processor.model.ImageFront;
import dev.unroll.processor.model.ImageLayerSpec;
import dev.unroll.processor.model.LayerSpec;
import dev.unroll.processor.model.Shape;
import dev.unroll.processor.model.NetSpec;
import dev.unroll.processor.read.RawAnnotation;
import dev.unroll.processor.read.SpecReader;
import dev.unroll.spec.Backend;
import dev.unroll.spec.LayerKind;
import dev.unroll.spec.Loss;
import dev.unroll.spec.Precision;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Checks a spec and, when it has no errors, builds its {@link NetSpec}. Every rule runs, so all of
 * a spec's errors are reported in one compile.
 */
public final class SpecChecker {
  private static final String GENERATED_BY = "dev.unroll.processor.UnrollProcessor";
  private static final String VECTOR_KERNELS = "dev.unroll.vector.FloatKernels";
  private final Elements elements;
  private final Backend defaultBackend;

  /**
   * A checker that looks up types (for name clashes) in {@code elements}, with the backend of
   * specs that leave it to the processor option.
   */
  public SpecChecker(Elements elements, Backend defaultBackend) {
    this.elements = elements;
    this.defaultBackend = defaultBackend;
  }

  /** The checked model, or empty when {@code report} has errors. */
  public Optional<NetSpec> check(TypeElement type, RawAnnotation network, Report report) {
    AnnotationMirror mirror = network.mirror();
    TypeRules.check(type, mirror, elements, report);

    int inputs = network.intValue("inputs", 1, report);
    if (inputs <= 0) {
      report.error(Message.NOT_POSITIVE.format("inputs", inputs,
          "set it to the number of features of one sample"), type, mirror,
          network.value("inputs"));
    }
    int maxBatch = network.intValue("maxBatch", 256, report);
    if (maxBatch <= 0) {
      report.error(Message.NOT_POSITIVE.format("maxBatch", maxBatch,
          "set it to the largest batch you will pass, e.g. 256"), type, mirror,
          network.value("maxBatch"));
    }
    Loss loss = network.enumValue("loss", Loss.class, Loss.SOFTMAX, report);
    Precision precision =
        network.enumValue("precision", Precision.class, Precision.FLOAT, report);
    String className = className(type, network, report);
    Backend backend = network.enumValue("backend", Backend.class, Backend.DEFAULT, report);
    if (backend == Backend.DEFAULT) {
      backend = defaultBackend;
    }
    if (backend == Backend.VECTOR && elements.getTypeElement(VECTOR_KERNELS) == null) {
      report.error(Message.VECTOR_MISSING.format(), type, mirror, network.value("backend"));
    }

    List<RawAnnotation> raw = SpecReader.layers(type);
    if (raw.isEmpty()) {
      report.error(Message.NO_LAYERS.format(type.getSimpleName()), type, mirror, null);
    }
    Shape shape = ImageInput.read(network, inputs, report);
    List<ImageLayerSpec> image = new ArrayList<>();
    List<LayerSpec> layers = new ArrayList<>();
    Shape current = shape;
    int fanIn = Math.max(inputs, 1);
    for (int i = 0; i < raw.size(); i++) {
      RawAnnotation a = raw.get(i);
      LayerKind kind = a.enumValue("kind", LayerKind.class, LayerKind.DENSE, report);
      if (kind == LayerKind.DENSE) {
        LayerSpec layer = LayerRules.check(a, i + 1, fanIn, report);
        layers.add(layer);
        fanIn = layer.units();
      } else if (!layers.isEmpty()) {
        report.error(Message.IMAGE_AFTER_DENSE.format(kind), type, a.mirror(), a.value("kind"));
      } else if (current == null) {
        if (network.value("shape") == null) {
          report.error(Message.IMAGE_WITHOUT_SHAPE.format(kind), type, a.mirror(),
              a.value("kind"));
        }
      } else {
        ImageLayerSpec layer = ImageRules.check(a, i + 1, current, kind, report);
        if (layer != null) {
          image.add(layer);
          current = layer.out();
          fanIn = current.size();
        } else {
          current = null;
        }
      }
    }
    if (!raw.isEmpty()) {
      RawAnnotation last = raw.get(raw.size() - 1);
      LayerKind lastKind = last.enumValue("kind", LayerKind.class, LayerKind.DENSE, report);
      if (lastKind != LayerKind.DENSE) {
        report.error(Message.LAST_NOT_DENSE.format(lastKind), type, last.mirror(),
            last.value("kind"));
      }
      int classes = last.intValue("units", 2, report);
      if (classes == 1) {
        report.error(Message.TOO_FEW_CLASSES.format(classes, loss), type, last.mirror(),
            last.value("units"));
      }
    }
    if (report.hasErrors()) {
      return Optional.empty();
    }
    PackageElement pkg = elements.getPackageOf(type);
    return Optional.of(new NetSpec(type.getQualifiedName().toString(),
        pkg.isUnnamed() ? "" : pkg.getQualifiedName().toString(), className,
        type.getKind() == ElementKind.INTERFACE,
        type.getModifiers().contains(Modifier.PUBLIC), inputs, loss, precision, maxBatch,
        backend, shape == null ? ImageFront.NONE : new ImageFront(shape, List.copyOf(image)),
        List.copyOf(layers)));
  }

  private String className(TypeElement type, RawAnnotation network, Report report) {
    String given = network.stringValue("className", "", report);
    String name;
    if (given.isEmpty()) {
      StringBuilder sb = new StringBuilder(type.getSimpleName());
      for (Element e = type.getEnclosingElement(); e instanceof TypeElement t;
          e = t.getEnclosingElement()) {
        sb.insert(0, t.getSimpleName() + "_");
      }
      name = sb.append("Net").toString();
    } else if (!SourceVersion.isIdentifier(given) || SourceVersion.isKeyword(given)) {
      report.error(Message.CLASS_NAME_INVALID.format(given), type, network.mirror(),
          network.value("className"));
      return given;
    } else {
      name = given;
    }
    PackageElement pkg = elements.getPackageOf(type);
    String qualified = pkg.isUnnamed() ? name : pkg.getQualifiedName() + "." + name;
    TypeElement existing = elements.getTypeElement(qualified);
    if (existing != null && !generatedByUs(existing)) {
      report.error(Message.NAME_CLASH.format(qualified), type, network.mirror(),
          network.value("className"));
    }
    return name;
  }

  /** A type we generated in an earlier build is not a clash: it is about to be replaced. */
  private static boolean generatedByUs(TypeElement existing) {
    for (AnnotationMirror m : existing.getAnnotationMirrors()) {
      if (m.toString().contains(GENERATED_BY)) {
        return true;
      }
    }
    return false;
  }
}
