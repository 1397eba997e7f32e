package dev.unroll.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import dev.unroll.processor.diag.Message;
import dev.unroll.processor.diag.Printer;
import dev.unroll.processor.diag.Report;
import dev.unroll.processor.check.SpecChecker;
import dev.unroll.processor.emit.ClassEmitter;
import dev.unroll.processor.model.NetSpec;
import dev.unroll.processor.plan.NetPlan;
import dev.unroll.processor.plan.Planner;
import dev.unroll.processor.read.RawAnnotation;
import dev.unroll.processor.read.SpecReader;
import dev.unroll.spec.Backend;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Turns each {@code @Network} spec into a generated network class: read, check, plan, emit. One
 * bad spec is reported and abandoned; the others are still generated. Nothing thrown inside
 * reaches javac: an unexpected exception becomes an error on the spec with its stack trace.
 */
@AutoService(Processor.class)
public final class UnrollProcessor extends AbstractProcessor {
  /** {@code -Aunroll.backend=plain|vector}: the backend of specs that do not name one. */
  static final String BACKEND_OPTION = "unroll.backend";
  private Backend defaultBackend;

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("dev.unroll.spec.Network", "dev.unroll.spec.Layer", "dev.unroll.spec.Layers");
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(BACKEND_OPTION);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (defaultBackend == null) {
      defaultBackend = backendOption();
    }
    Set<Element> specs = new LinkedHashSet<>();
    for (TypeElement annotation : annotations) {
      specs.addAll(round.getElementsAnnotatedWith(annotation));
    }
    for (Element element : specs) {
      try {
        process(element);
      } catch (RuntimeException | Error e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        Report report = new Report();
        report.add(Message.INTERNAL, element, null, null, element, trace);
        printer().print(report);
      }
    }
    return false;
  }

  private void process(Element element) {
    Report report = new Report();
    RawAnnotation network = SpecReader.network(element);
    if (network == null) {
      RawAnnotation layer = SpecReader.layers(element).get(0);
      report.add(Message.LAYER_WITHOUT_NETWORK, element, layer.mirror(), null,
          element.getSimpleName());
      printer().print(report);
      return;
    }
    TypeElement type = (TypeElement) element;
    Optional<NetSpec> spec =
        new SpecChecker(processingEnv.getElementUtils(), defaultBackend)
            .check(type, network, report);
    printer().print(report);
    if (spec.isEmpty()) {
      return;
    }
    // a javac without --add-modules jdk.incubator.vector cannot compile code that names it
    boolean vectorApiReadable = processingEnv.getElementUtils()
        .getTypeElement("jdk.incubator.vector.FloatVector") != null;
    Report emitted = new Report();
    NetPlan plan = Planner.plan(spec.get(), vectorApiReadable, emitted, element);
    JavaFile file = ClassEmitter.emit(plan, type);
    try {
      file.writeTo(processingEnv.getFiler());
    } catch (IOException e) {
      emitted.add(Message.WRITE_FAILED, element, null, null, spec.get().className(),
          e.getMessage());
    }
    printer().print(emitted);
  }

  private Printer printer() {
    return new Printer(processingEnv,
        e -> SpecReader.layers(e).stream().map(RawAnnotation::mirror).toList());
  }

  private Backend backendOption() {
    String value = processingEnv.getOptions().get(BACKEND_OPTION);
    if (value == null || value.isBlank()) {
      return Backend.PLAIN;
    }
    switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "plain":
        return Backend.PLAIN;
      case "vector":
        return Backend.VECTOR;
      default:
        Report report = new Report();
        report.add(Message.BAD_OPTION, null, null, null, value);
        printer().print(report);
        return Backend.PLAIN;
    }
  }
}
