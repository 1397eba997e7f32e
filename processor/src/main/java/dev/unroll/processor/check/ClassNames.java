package dev.unroll.processor.check;

import dev.unroll.processor.diag.Message;
import dev.unroll.processor.diag.Report;
import dev.unroll.processor.read.RawAnnotation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The name of the generated class: {@code className}, or the spec's name (nested: {@code
 * Outer_Inner}) plus {@code Net}. It must be a legal type name, free in its package, and taken by
 * no other spec of the compile: the Filer refuses a second file of one name, and would say only
 * "Attempt to recreate a file".
 */
public final class ClassNames {
  private static final String GENERATED_BY = "dev.unroll.processor.UnrollProcessor";
  /** JLS 3.9: identifiers that are no TypeIdentifier (javac: "restricted type name"). */
  private static final Set<String> RESTRICTED =
      Set.of("var", "yield", "record", "sealed", "permits");

  private ClassNames() {}

  /** The simple name of the class generated for {@code type}, legal or not. */
  static String simpleName(TypeElement type, RawAnnotation network, Report report) {
    String given = network.stringValue("className", "", report);
    if (!given.isEmpty()) {
      return given;
    }
    StringBuilder sb = new StringBuilder(type.getSimpleName());
    for (Element e = type.getEnclosingElement(); e instanceof TypeElement t;
        e = t.getEnclosingElement()) {
      sb.insert(0, t.getSimpleName() + "_");
    }
    return sb.append("Net").toString();
  }

  /**
   * Checks that {@code name} can name a class and that no existing type has it; returns the
   * qualified name of the generated class, or null when either check failed (so that no other
   * spec is told it takes the same name as well).
   */
  static String check(TypeElement type, RawAnnotation network, String name, Elements elements,
      Report report) {
    String reserved = reserved(name);
    if (reserved != null) {
      report.add(Message.CLASS_NAME_RESERVED, type, network.mirror(),
          network.value("className"), name, reserved, suggestion(name));
      return null;
    }
    if (!SourceVersion.isIdentifier(name)) {
      report.add(Message.CLASS_NAME_INVALID, type, network.mirror(),
          network.value("className"), name);
      return null;
    }
    PackageElement pkg = elements.getPackageOf(type);
    String qualified = pkg.isUnnamed() ? name : pkg.getQualifiedName() + "." + name;
    TypeElement existing = elements.getTypeElement(qualified);
    if (existing != null && !generatedByUs(existing)) {
      report.add(Message.NAME_CLASH, type, network.mirror(), network.value("className"),
          qualified);
      return null;
    }
    return qualified;
  }

  /**
   * Reports every spec of {@code round} whose class another spec of the round, or of an earlier
   * round ({@code earlier}: generated class -> its spec), also generates, at the spec's {@code
   * className} (or its {@code @Network}). Adds this round's names to {@code earlier}.
   */
  public static void unique(List<CheckedSpec> round, Map<String, String> earlier) {
    Map<String, List<CheckedSpec>> byName = new LinkedHashMap<>();
    for (CheckedSpec s : round) {
      if (s.generatedName() != null) {
        byName.computeIfAbsent(s.generatedName(), k -> new ArrayList<>()).add(s);
      }
    }
    byName.forEach((name, specs) -> {
      for (CheckedSpec s : specs) {
        String other = earlier.get(name);
        for (CheckedSpec o : specs) {
          if (other == null && o != s) {
            other = o.specName();
          }
        }
        if (other != null) {
          RawAnnotation network = s.network();
          s.report().add(Message.DUPLICATE_CLASS, s.type(), network.mirror(),
              network.value("className"), s.specName(), other, name);
        }
      }
      earlier.putIfAbsent(name, specs.get(0).specName());
    });
  }

  /** What makes {@code name} unusable as a class name, or null. */
  static String reserved(String name) {
    if (name.equals("true") || name.equals("false") || name.equals("null")) {
      return "a literal";
    }
    if (SourceVersion.isKeyword(name) || name.equals("non-sealed")) {
      return "a Java keyword";
    }
    if (RESTRICTED.contains(name)) {
      return "a restricted identifier (JLS 3.9: var, yield, record, sealed and permits name no"
          + " type)";
    }
    return null;
  }

  /** {@code sealed} -> {@code SealedNet}, {@code non-sealed} -> {@code NonSealedNet}. */
  private static String suggestion(String name) {
    StringBuilder sb = new StringBuilder();
    for (String part : name.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        sb.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
      }
    }
    return (sb.length() == 0 ? "My" : sb.toString()) + "Net";
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
