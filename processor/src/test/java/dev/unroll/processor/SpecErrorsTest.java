package dev.unroll.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * One test per diagnostic: the message, its id, and the line javac points at, which must be the
 * offending annotation value where there is one.
 */
class SpecErrorsTest {
  private static final String IMPORTS = "import dev.unroll.spec.*;";

  static JavaFileObject spec(String... lines) {
    String[] all = new String[lines.length + 2];
    all[0] = "package test;";
    all[1] = IMPORTS;
    System.arraycopy(lines, 0, all, 2, lines.length);
    return JavaFileObjects.forSourceLines("test.Spec", all);
  }

  static Compilation compile(JavaFileObject... files) {
    return javac().withProcessors(new UnrollProcessor()).compile(files);
  }

  @Test
  void nonPositiveUnits() {
    JavaFileObject f = spec(
        "@Network(inputs = 4)",
        "@Layer(units = 8)",
        "@Layer(units = -3)",
        "interface Spec {}");
    Compilation c = compile(f);
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[UnrollNotPositive] units must be positive, was -3")
        .inFile(f).onLineContaining("units = -3");
  }

  @Test
  void nonPositiveInputsAndMaxBatch() {
    JavaFileObject f = spec(
        "@Network(",
        "    inputs = 0,",
        "    maxBatch = -1)",
        "@Layer(units = 3)",
        "interface Spec {}");
    Compilation c = compile(f);
    assertThat(c).hadErrorCount(2);
    assertThat(c).hadErrorContaining("inputs must be positive, was 0; set it to the number")
        .inFile(f).onLineContaining("inputs = 0");
    assertThat(c).hadErrorContaining("maxBatch must be positive, was -1")
        .inFile(f).onLineContaining("maxBatch = -1");
  }

  @Test
  void maxoutWithFewerThanTwoPieces() {
    JavaFileObject f = spec(
        "@Network(inputs = 4)",
        "@Layer(units = 8, activation = Activation.MAXOUT,",
        "    pieces = 1)",
        "@Layer(units = 3)",
        "interface Spec {}");
    assertThat(compile(f))
        .hadErrorContaining("[UnrollTooFewPieces] maxout needs at least 2 pieces, was 1")
        .inFile(f).onLineContaining("pieces = 1");
  }

  @Test
  void constantGivenToAnActivationWithoutIt() {
    JavaFileObject f = spec(
        "@Network(inputs = 4)",
        "@Layer(units = 8, activation = Activation.RELU,",
        "    slope = 0.1)",
        "@Layer(units = 8, activation = Activation.TANH,",
        "    alpha = 2.0)",
        "@Layer(units = 8, activation = Activation.ELU,",
        "    pieces = 3)",
        "@Layer(units = 3, init = Init.HE,",
        "    scale = 2.0)",
        "interface Spec {}");
    Compilation c = compile(f);
    assertThat(c).hadErrorCount(4);
    assertThat(c).hadErrorContaining(
            "[UnrollConstantNotUsed] slope applies only to LEAKY_RELU, but this layer is"
                + " activation RELU; remove slope or change the activation")
        .inFile(f).onLineContaining("slope = 0.1");
    assertThat(c).hadErrorContaining("alpha applies only to ELU and PRELU")
        .inFile(f).onLineContaining("alpha = 2.0");
    assertThat(c).hadErrorContaining("pieces applies only to MAXOUT")
        .inFile(f).onLineContaining("pieces = 3");
    assertThat(c).hadErrorContaining("scale applies only to init NORMAL, but this layer is"
            + " init HE; remove scale or change the init")
        .inFile(f).onLineContaining("scale = 2.0");
  }

  @Test
  void constantsOutOfRange() {
    JavaFileObject f = spec(
        "@Network(inputs = 4)",
        "@Layer(units = 8, activation = Activation.LEAKY_RELU,",
        "    slope = 1.5)",
        "@Layer(units = 8, activation = Activation.ELU,",
        "    alpha = -1)",
        "@Layer(units = 3, init = Init.NORMAL,",
        "    scale = 0)",
        "interface Spec {}");
    Compilation c = compile(f);
    assertThat(c).hadErrorCount(3);
    assertThat(c).hadErrorContaining("[UnrollBadConstant] slope must be in [0, 1), was 1.5")
        .inFile(f).onLineContaining("slope = 1.5");
    assertThat(c).hadErrorContaining("alpha must be positive and finite, was -1.0")
        .inFile(f).onLineContaining("alpha = -1");
    assertThat(c).hadErrorContaining("scale must be positive and finite, was 0.0")
        .inFile(f).onLineContaining("scale = 0");
  }

  @Test
  void noLayers() {
    JavaFileObject f = spec(
        "@Network(inputs = 4)",
        "interface Spec {}");
    assertThat(compile(f))
        .hadErrorContaining("[UnrollNoLayers] @Network Spec has no @Layer; add at least one")
        .inFile(f).onLineContaining("@Network(inputs = 4)");
  }

  @Test
  void layerWithoutNetwork() {
    JavaFileObject f = spec(
        "@Layer(units = 3)",
        "interface Spec {}");
    assertThat(compile(f))
        .hadErrorContaining("[UnrollLayerWithoutNetwork] @Layer on Spec without @Network")
        .inFile(f).onLineContaining("@Layer(units = 3)");
  }

  @Test
  void concreteClassEnumAndRecordAreNotSpecs() {
    JavaFileObject f = spec(
        "class Outer {",
        "  @Network(inputs = 4) @Layer(units = 3)",
        "  static class Concrete {}",
        "  @Network(inputs = 4) @Layer(units = 3)",
        "  enum Kind { A }",
        "  @Network(inputs = 4) @Layer(units = 3)",
        "  record Point(int x) {}",
        "}");
    Compilation c = compile(f);
    assertThat(c).hadErrorCount(3);
    assertThat(c).hadErrorContaining("[UnrollSpecKind] @Network must be on an interface or an"
            + " abstract class, not on concrete class Concrete")
        .inFile(f).onLine(4);
    assertThat(c).hadErrorContaining("not on enum Kind").inFile(f).onLine(6);
    assertThat(c).hadErrorContaining("not on record Point").inFile(f).onLine(8);
  }

  @Test
  void nameClashWithAnExistingType() {
    JavaFileObject existing = JavaFileObjects.forSourceLines("test.SpecNet",
        "package test;",
        "class SpecNet {}");
    JavaFileObject f = spec(
        "@Network(inputs = 4)",
        "@Layer(units = 3)",
        "interface Spec {}");
    assertThat(compile(f, existing))
        .hadErrorContaining("[UnrollNameClash] the generated class test.SpecNet would clash with"
            + " an existing type; rename the spec or set @Network(className = \"...\")")
        .inFile(f).onLineContaining("@Network(inputs = 4)");
  }

  @Test
  void nameClashThroughClassName() {
    JavaFileObject existing = JavaFileObjects.forSourceLines("test.Taken",
        "package test;",
        "class Taken {}");
    JavaFileObject f = spec(
        "@Network(inputs = 4,",
        "    className = \"Taken\")",
        "@Layer(units = 3)",
        "interface Spec {}");
    assertThat(compile(f, existing)).hadErrorContaining("[UnrollNameClash]")
        .inFile(f).onLineContaining("className = \"Taken\"");
  }

  @Test
  void invalidClassName() {
    JavaFileObject f = spec(
        "@Network(inputs = 4,",
        "    className = \"my-net\")",
        "@Layer(units = 3)",
        "interface Spec {}");
    assertThat(compile(f))
        .hadErrorContaining("[UnrollClassName] className \"my-net\" is not a Java identifier")
        .inFile(f).onLineContaining("className = \"my-net\"");
  }

  @Test
  void oneClassIsNotAClassifier() {
    JavaFileObject f = spec(
        "@Network(inputs = 4)",
        "@Layer(units = 8)",
        "@Layer(units = 1)",
        "interface Spec {}");
    assertThat(compile(f))
        .hadErrorContaining("[UnrollTooFewClasses] the last @Layer gives the class scores and"
            + " has 1 unit; a SOFTMAX classifier needs at least 2")
        .inFile(f).onLineContaining("units = 1");
  }

  @Test
  void specsThatCannotBeImplemented() {
    JavaFileObject f = spec(
        "class Outer {",
        "  @Network(inputs = 4) @Layer(units = 3)",
        "  private interface Hidden {}",
        "  @Network(inputs = 4) @Layer(units = 3)",
        "  abstract class Inner {}",
        "  @Network(inputs = 4) @Layer(units = 3)",
        "  interface Generic<T> {}",
        "  @Network(inputs = 4) @Layer(units = 3)",
        "  static abstract class NoCtor { NoCtor(int x) {} }",
        "  @Network(inputs = 4) @Layer(units = 3)",
        "  interface Extra {",
        "    int size();",
        "  }",
        "}");
    Compilation c = compile(f);
    assertThat(c).hadErrorContaining("[UnrollPrivateSpec] spec Hidden is private")
        .inFile(f).onLine(5);
    assertThat(c).hadErrorContaining("[UnrollInnerSpec] spec Inner is an inner class")
        .inFile(f).onLine(7);
    assertThat(c).hadErrorContaining("[UnrollGenericSpec] spec Generic has type parameters")
        .inFile(f).onLine(9);
    assertThat(c).hadErrorContaining("[UnrollNoConstructor] abstract class NoCtor needs")
        .inFile(f).onLine(11);
    assertThat(c).hadErrorContaining("[UnrollAbstractMethod] spec Extra declares abstract"
            + " method size()")
        .inFile(f).onLineContaining("int size();");
  }

  @Test
  void allErrorsOfASpecAreReportedInOneCompile() {
    JavaFileObject f = spec(
        "@Network(inputs = -1,",
        "    maxBatch = 0)",
        "@Layer(units = 0,",
        "    pieces = 4)",
        "@Layer(units = 3, activation = Activation.MAXOUT,",
        "    pieces = 1)",
        "interface Spec {}");
    assertThat(compile(f)).hadErrorCount(5);
  }

  @Test
  void zeroInitIsAWarningThatSaysWhy() {
    JavaFileObject f = spec(
        "@Network(inputs = 4)",
        "@Layer(units = 8,",
        "    init = Init.ZERO)",
        "@Layer(units = 3)",
        "interface Spec {}");
    Compilation c = compile(f);
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining("[UnrollZeroInit] layer 1 starts with all-zero weights")
        .inFile(f).onLineContaining("init = Init.ZERO");
  }

  @Test
  void unresolvableValueIsJavacsErrorNotACrash() {
    JavaFileObject f = spec(
        "@Network(inputs = 4)",
        "@Layer(units = 3, activation = Activation.SOFTPLUS)",
        "interface Spec {}");
    Compilation c = compile(f);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("SOFTPLUS").inFile(f).onLineContaining("SOFTPLUS");
    for (var d : c.errors()) {
      org.junit.jupiter.api.Assertions.assertFalse(
          d.getMessage(null).contains("UnrollInternal"), d.getMessage(null));
    }
  }

  @Test
  void oneBadSpecDoesNotStopTheOthers() {
    JavaFileObject f = spec(
        "class Outer {",
        "  @Network(inputs = 4) @Layer(units = -1)",
        "  interface Bad {}",
        "  @Network(inputs = 4) @Layer(units = 3)",
        "  interface Good {}",
        "}");
    // compiles only if Good's class was generated despite Bad's error
    JavaFileObject user = JavaFileObjects.forSourceLines("test.User",
        "package test;",
        "class User { Outer_GoodNet net = new Outer_GoodNet(1L); }");
    Compilation c = compile(f, user);
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("units must be positive").inFile(f).onLine(4);
  }
}
