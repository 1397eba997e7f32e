package dev.unroll.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import dev.unroll.processor.diag.Message;
import dev.unroll.processor.diag.Printer;
import dev.unroll.processor.diag.Report;
import dev.unroll.processor.check.CheckedSpec;
import dev.unroll.processor.check.ClassNames;
import dev.unroll.processor.check.MemberClashes;
import dev.unroll.processor.check.SpecChecker;
import dev.unroll.processor.emit.ClassEmitter;
import dev.unroll.processor.emit.ClassLimits;
import dev.unroll.processor.model.NetSpec;
import dev.unroll.processor.plan.ConvProduct;
import dev.unroll.processor.plan.NetPlan;
import dev.unroll.processor.plan.Planner;
import dev.unroll.processor.read.LocalSpecs;
import dev.unroll.processor.read.RawAnnotation;
import dev.unroll.processor.read.SpecReader;
import dev.unroll.spec.Backend;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
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
  /**
   * {@code -Aunroll.convProduct=direct|im2col}: every conv layer's product, instead of the
   * planner's choice by shape (for measuring one against the other, or a machine where the
   * planner's measured choice is slower).
   */
  static final String CONV_PRODUCT_OPTION = "unroll.convProduct";
  private static final List<String> SPEC_ANNOTATIONS =
      List.of("dev.unroll.spec.Network", "dev.unroll.spec.Layer", "dev.unroll.spec.Layers");
  private Backend defaultBackend;
  private Optional<ConvProduct> convProduct;
  private Trees trees;
  /** Classes generated in earlier rounds, with their specs: a later spec must not take one. */
  private final Map<String, String> generated = new HashMap<>();
  private final Set<URI> scannedFiles = new HashSet<>();

  /**
   * Every annotation ({@code *}), so that the processor also runs for a compile whose only spec
   * is a local type: javac never hands those to processors, and {@link LocalSpecs} warns about
   * them from the source tree. Claims nothing: other processors still see every annotation.
   */
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(BACKEND_OPTION, CONV_PRODUCT_OPTION);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    try {
      trees = Trees.instance(env);
    } catch (IllegalArgumentException | LinkageError e) {
      trees = null; // not javac: no source trees, so no search for local specs
    }
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (defaultBackend == null) {
      defaultBackend = backendOption();
      convProduct = convProductOption();
    }
    warnAboutLocalSpecs(round);
    Set<Element> specs = new LinkedHashSet<>();
    for (String name : SPEC_ANNOTATIONS) {
      TypeElement annotation = processingEnv.getElementUtils().getTypeElement(name);
      if (annotation != null) {
        specs.addAll(round.getElementsAnnotatedWith(annotation));
      }
    }
    List<CheckedSpec> checked = new ArrayList<>();
    for (Element element : specs) {
      guarded(element, () -> check(element).ifPresent(checked::add));
    }
    // across the round: two specs must not generate one class
    ClassNames.unique(checked, generated);
    for (CheckedSpec spec : checked) {
      guarded(spec.type(), () -> generate(spec));
    }
    return false;
  }

  /** Runs {@code step}; an unexpected exception becomes an error on {@code element}. */
  private void guarded(Element element, Runnable step) {
    try {
      step.run();
    } catch (RuntimeException | Error e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      Report report = new Report();
      report.add(Message.INTERNAL, element, null, null, element, trace);
      printer().print(report);
    }
  }

  /** Reads and checks one spec; empty (and reported) for a {@code @Layer} without a network. */
  private Optional<CheckedSpec> check(Element element) {
    RawAnnotation network = SpecReader.network(element);
    if (network == null) {
      Report report = new Report();
      RawAnnotation layer = SpecReader.layers(element).get(0);
      report.add(Message.LAYER_WITHOUT_NETWORK, element, layer.mirror(), null,
          element.getSimpleName());
      printer().print(report);
      return Optional.empty();
    }
    return Optional.of(new SpecChecker(processingEnv.getElementUtils(),
        processingEnv.getTypeUtils(), defaultBackend)
        .check((TypeElement) element, network, new Report()));
  }

  private void generate(CheckedSpec checked) {
    printer().print(checked.report());
    Optional<NetSpec> spec = checked.model();
    if (spec.isEmpty()) {
      return;
    }
    TypeElement type = checked.type();
    // a javac without --add-modules jdk.incubator.vector cannot compile code that names it
    boolean vectorApiReadable = processingEnv.getElementUtils()
        .getTypeElement("jdk.incubator.vector.FloatVector") != null;
    Report emitted = new Report();
    NetPlan plan = Planner.plan(spec.get(), vectorApiReadable, convProduct.orElse(null),
        emitted, type);
    JavaFile file = ClassEmitter.emit(plan, type, javaLangNamesTaken(type));
    ClassLimits.check(plan, file.typeSpec(), emitted, type);
    // the spec's methods against all the generated ones, private helpers included
    MemberClashes.check(type, spec.get().className(), Emitted.methods(file.typeSpec()),
        processingEnv.getElementUtils(), processingEnv.getTypeUtils(), emitted);
    MemberClashes.checkNames(type, spec.get().className(),
        Emitted.typeNames(file, processingEnv.getElementUtils()),
        processingEnv.getElementUtils(), emitted);
    if (!emitted.hasErrors()) {
      try {
        file.writeTo(processingEnv.getFiler());
      } catch (IOException e) {
        emitted.add(Message.WRITE_FAILED, type, null, null, spec.get().className(),
            e.getMessage());
      }
    }
    printer().print(emitted);
  }

  /**
   * Simple names of the other types of {@code type}'s package (those javac knows and those
   * generated in this round or earlier) that are also names of java.lang types: a class {@code
   * Math} there would shadow java.lang.Math in generated code, which is never imported. (An
   * imported type, such as java.util.List, shadows the package's own.)
   */
  private Set<String> javaLangNamesTaken(TypeElement type) {
    PackageElement pkg = processingEnv.getElementUtils().getPackageOf(type);
    Set<String> names = new HashSet<>();
    for (Element e : pkg.getEnclosedElements()) {
      names.add(e.getSimpleName().toString());
    }
    String prefix = pkg.isUnnamed() ? "" : pkg.getQualifiedName() + ".";
    for (String generatedName : generated.keySet()) {
      String simple = generatedName.substring(prefix.length());
      if (generatedName.startsWith(prefix) && !simple.contains(".")) {
        names.add(simple);
      }
    }
    names.removeIf(
        n -> processingEnv.getElementUtils().getTypeElement("java.lang." + n) == null);
    return names;
  }

  /** Warns about each {@code @Network} on a local type in this round's files, once per file. */
  private void warnAboutLocalSpecs(RoundEnvironment round) {
    if (trees == null) {
      return;
    }
    for (Element root : round.getRootElements()) {
      TreePath path = trees.getPath(root);
      if (path == null || !scannedFiles.add(path.getCompilationUnit().getSourceFile().toUri())) {
        continue;
      }
      CompilationUnitTree unit = path.getCompilationUnit();
      for (LocalSpecs.Found f : LocalSpecs.in(unit)) {
        trees.printMessage(Message.LOCAL_SPEC.kind(),
            Message.LOCAL_SPEC.format(f.kind(), f.name()), f.annotation(), unit);
      }
    }
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

  private Optional<ConvProduct> convProductOption() {
    String value = processingEnv.getOptions().get(CONV_PRODUCT_OPTION);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "direct":
        return Optional.of(ConvProduct.DIRECT);
      case "im2col":
        return Optional.of(ConvProduct.IM2COL);
      default:
        Report report = new Report();
        report.add(Message.BAD_CONV_PRODUCT_OPTION, null, null, null, value);
        printer().print(report);
        return Optional.empty();
    }
  }
}
