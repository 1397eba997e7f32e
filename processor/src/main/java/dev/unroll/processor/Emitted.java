package dev.unroll.processor;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.unroll.processor.check.GeneratedMethod;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.util.Elements;
import javax.lang.model.element.Modifier;

/** The methods of an emitted class in the form the check stage compares with the spec's. */
final class Emitted {
  private static final Pattern IMPORT =
      Pattern.compile("^import (?:static )?[\\w.$]*\\.([\\w$]+);$", Pattern.MULTILINE);
  /** The package root of a qualified type name: {@code java} of {@code java.util.List}. */
  private static final Pattern QUALIFIED =
      Pattern.compile("(?<![\\w$.])((?:[a-z][\\w$]*\\.)+[A-Z][\\w$]*)");
  private static final Pattern CAPITALIZED = Pattern.compile("(?<![\\w$.])[A-Z][\\w$]*");

  private Emitted() {}

  static List<GeneratedMethod> methods(TypeSpec type) {
    return type.methodSpecs().stream()
        .filter(m -> !m.isConstructor())
        .map(Emitted::method)
        .toList();
  }

  private static GeneratedMethod method(MethodSpec m) {
    return new GeneratedMethod(m.name(),
        m.parameters().stream().map(p -> erasure(p.type())).toList(),
        m.returnType() == null ? "void" : erasure(m.returnType()),
        m.modifiers().contains(Modifier.PRIVATE));
  }

  /**
   * The simple names by which {@code file}'s code refers to types: its imports, the java.lang
   * types it names, its own name, and the first part of each qualified name it writes ({@code
   * java} in {@code java.util.List}). Comments and string literals are left out.
   */
  static Set<String> typeNames(JavaFile file, Elements elements) {
    String source = file.toString();
    Set<String> names = new HashSet<>();
    names.add(file.typeSpec().name());
    Matcher imports = IMPORT.matcher(source);
    while (imports.find()) {
      names.add(imports.group(1));
    }
    String code = withoutCommentsAndStrings(IMPORT.matcher(source).replaceAll(""));
    Matcher qualified = QUALIFIED.matcher(code);
    while (qualified.find()) {
      String name = qualified.group(1);
      if (elements.getTypeElement(name) != null) {
        names.add(name.substring(0, name.indexOf('.')));
      }
    }
    Matcher capitalized = CAPITALIZED.matcher(code);
    while (capitalized.find()) {
      String name = capitalized.group();
      if (!names.contains(name) && elements.getTypeElement("java.lang." + name) != null) {
        names.add(name);
      }
    }
    return names;
  }

  /**
   * {@code code} with each comment, string and char literal replaced by a space. A scan, not a
   * regular expression: a regex alternation recurses once per character of a literal, and a deep
   * network's ARCHITECTURE string (tens of kilobytes) overflowed the stack.
   */
  static String withoutCommentsAndStrings(String code) {
    StringBuilder out = new StringBuilder(code.length());
    int i = 0;
    int n = code.length();
    while (i < n) {
      char c = code.charAt(i);
      if (c == '/' && i + 1 < n && code.charAt(i + 1) == '/') {
        int end = code.indexOf('\n', i);
        i = end < 0 ? n : end;
        out.append(' ');
      } else if (c == '/' && i + 1 < n && code.charAt(i + 1) == '*') {
        int end = code.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
        out.append(' ');
      } else if (c == '"' || c == '\'') {
        i++;
        while (i < n && code.charAt(i) != c) {
          i += code.charAt(i) == '\\' ? 2 : 1;
        }
        i++;
        out.append(' ');
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** As javac prints an erased type: {@code float[][]}, {@code java.util.List}, {@code int}. */
  private static String erasure(TypeName t) {
    if (t instanceof ArrayTypeName a) {
      return erasure(a.componentType()) + "[]";
    }
    if (t instanceof ParameterizedTypeName p) {
      return p.rawType().canonicalName();
    }
    if (t instanceof ClassName c) {
      return c.canonicalName();
    }
    return t.withoutAnnotations().toString();
  }
}
