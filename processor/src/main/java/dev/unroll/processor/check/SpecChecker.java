package dev.unroll.processor.check;

import dev.unroll.processor.diag.Message;
import dev.unroll.processor.diag.Report;
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
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks a spec and, when it has no errors, builds its {@link NetSpec}. Every rule runs, so all of
 * a spec's errors are reported in one compile.
 */
public final class SpecChecker {
  private static final String VECTOR_KERNELS = "dev.unroll.vector.FloatKernels";
  private final Elements elements;
  private final Types types;
  private final Backend defaultBackend;

  /**
   * A checker that looks up types (for name clashes) in {@code elements}, with the backend of
   * specs that leave it to the processor option.
   */
  public SpecChecker(Elements elements, Types types, Backend defaultBackend) {
    this.elements = elements;
    this.types = types;
    this.defaultBackend = defaultBackend;
  }

  /** The spec with its generated name, and its model when {@code report} has no errors. */
  public CheckedSpec check(TypeElement type, RawAnnotation network, Report report) {
    AnnotationMirror mirror = network.mirror();
    String className = ClassNames.simpleName(type, network, report);
    String generatedName = ClassNames.check(type, network, className, elements, report);
    TypeRules.check(type, mirror, className, elements, types, report);

    int inputs = network.intValue("inputs", 1, report);
    if (inputs <= 0) {
      report.add(Message.NOT_POSITIVE, type, mirror, network.value("inputs"), "inputs", inputs,
          "set it to the number of features of one sample");
    }
    int maxBatch = network.intValue("maxBatch", 256, report);
    if (maxBatch <= 0) {
      report.add(Message.NOT_POSITIVE, type, mirror, network.value("maxBatch"), "maxBatch",
          maxBatch, "set it to the largest batch you will pass, e.g. 256");
    }
    Loss loss = network.enumValue("loss", Loss.class, Loss.SOFTMAX, report);
    Precision precision =
        network.enumValue("precision", Precision.class, Precision.FLOAT, report);
    Backend backend = network.enumValue("backend", Backend.class, Backend.DEFAULT, report);
    if (backend == Backend.DEFAULT) {
      backend = defaultBackend;
    }
    if (backend == Backend.VECTOR && elements.getTypeElement(VECTOR_KERNELS) == null) {
      report.add(Message.VECTOR_MISSING, type, mirror, network.value("backend"));
    }

    List<RawAnnotation> raw = SpecReader.layers(type);
    if (raw.isEmpty()) {
      report.add(Message.NO_LAYERS, type, mirror, null, type.getSimpleName());
    }
    Shape shape = ImageInput.read(network, inputs, report);
    List<ImageLayerSpec> image = new ArrayList<>();
    List<LayerSpec> layers = new ArrayList<>();
    List<RawAnnotation> denseRaw = new ArrayList<>();
    Shape current = shape;
    int fanIn = Math.max(inputs, 1);
    for (int i = 0; i < raw.size(); i++) {
      RawAnnotation a = raw.get(i);
      LayerKind kind = a.enumValue("kind", LayerKind.class, LayerKind.DENSE, report);
      if (kind == LayerKind.DENSE) {
        LayerSpec layer = LayerRules.check(a, i + 1, fanIn, report);
        layers.add(layer);
        denseRaw.add(a);
        fanIn = layer.units();
      } else if (!layers.isEmpty()) {
        report.add(Message.IMAGE_AFTER_DENSE, type, a.mirror(), a.value("kind"), kind);
      } else if (current == null) {
        if (network.value("shape") == null) {
          report.add(Message.IMAGE_WITHOUT_SHAPE, type, a.mirror(), a.value("kind"), kind);
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
        report.add(Message.LAST_NOT_DENSE, type, last.mirror(), last.value("kind"), lastKind);
      }
      int classes = last.intValue("units", 2, report);
      if (classes == 1) {
        report.add(Message.TOO_FEW_CLASSES, type, last.mirror(), last.value("units"), classes,
            loss);
      }
    }
    int denseInputs = image.isEmpty() || current == null ? inputs : current.size();
    SizeRules.check(type, network, Math.max(denseInputs, 1), Math.max(maxBatch, 1), precision,
        denseRaw, layers, report);
    if (report.hasErrors()) {
      return new CheckedSpec(type, network, report, generatedName, Optional.empty());
    }
    PackageElement pkg = elements.getPackageOf(type);
    NetSpec spec = new NetSpec(type.getQualifiedName().toString(),
        pkg.isUnnamed() ? "" : pkg.getQualifiedName().toString(), className,
        type.getKind() == ElementKind.INTERFACE,
        type.getModifiers().contains(Modifier.PUBLIC), inputs, loss, precision, maxBatch,
        backend, shape == null ? ImageFront.NONE : new ImageFront(shape, List.copyOf(image)),
        List.copyOf(layers));
    return new CheckedSpec(type, network, report, generatedName, Optional.of(spec));
  }
}
