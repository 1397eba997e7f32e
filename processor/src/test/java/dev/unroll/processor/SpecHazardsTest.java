package dev.unroll.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.unroll.processor.SpecErrorsTest.compile;
import static dev.unroll.processor.SpecErrorsTest.spec;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Specs that once got past the checks and broke javac on the generated code, or ran out of memory
 * in the constructor, or were silently skipped (issue 15): each now gets its message on the line
 * of the member, value or annotation at fault.
 */
class SpecHazardsTest {

  @Test
  void restrictedIdentifiersKeywordsAndLiteralsCannotNameTheClass() {
    String[] names = {"var", "yield", "record", "sealed", "permits", "non-sealed", "class",
        "goto", "_", "true", "null"};
    String[] lines = new String[names.length * 2 + 2];
    lines[0] = "class Outer {";
    for (int i = 0; i < names.length; i++) {
      lines[1 + 2 * i] = "  @Network(inputs = 4, className = \"" + names[i] + "\") @Layer(units = 3)";
      lines[2 + 2 * i] = "  interface S" + i + " {}";
    }
    lines[lines.length - 1] = "}";
    JavaFileObject f = spec(lines);
    Compilation c = compile(f);
    assertThat(c).hadErrorCount(names.length);
    assertThat(c).hadErrorContaining("[UnrollClassNameReserved] className \"sealed\" is a"
            + " restricted identifier (JLS 3.9: var, yield, record, sealed and permits name no"
            + " type), which cannot name a class; use a name such as \"SealedNet\"")
        .inFile(f).onLineContaining("\"sealed\"");
    for (String name : new String[] {"var", "yield", "record", "permits"}) {
      assertThat(c).hadErrorContaining("className \"" + name + "\" is a restricted identifier")
          .inFile(f).onLineContaining("\"" + name + "\"");
    }
    assertThat(c).hadErrorContaining("className \"non-sealed\" is a Java keyword, which cannot"
        + " name a class; use a name such as \"NonSealedNet\"").inFile(f)
        .onLineContaining("\"non-sealed\"");
    assertThat(c).hadErrorContaining("className \"class\" is a Java keyword")
        .inFile(f).onLineContaining("\"class\"");
    assertThat(c).hadErrorContaining("className \"goto\" is a Java keyword")
        .inFile(f).onLineContaining("\"goto\"");
    assertThat(c).hadErrorContaining("className \"_\" is a Java keyword, which cannot name a"
        + " class; use a name such as \"MyNet\"").inFile(f).onLineContaining("\"_\"");
    assertThat(c).hadErrorContaining("className \"true\" is a literal")
        .inFile(f).onLineContaining("\"true\"");
    assertThat(c).hadErrorContaining("className \"null\" is a literal")
        .inFile(f).onLineContaining("\"null\"");
  }

  @Test
  void defaultMethodsThatClashWithTheGeneratedOnesAreSpecErrors() {
    JavaFileObject f = spec(
        "class Outer {",
        "  @Network(inputs = 4) @Layer(units = 3)",
        "  interface Forward {",
        "    default int forward(float[][] x, int n) { return 0; }",
        "  }",
        "  @Network(inputs = 4) @Layer(units = 3)",
        "  interface Predict {",
        "    default String predict(int i) { return \"\"; }",
        "  }",
        "  @Network(inputs = 4) @Layer(units = 3)",
        "  interface Replaced {",
        "    default void sgdStep(double lr) {}",
        "  }",
        "  @Network(inputs = 4) @Layer(units = 3)",
        "  interface UnrelatedDefaults {",
        "    default void parametersChanged() {}",
        "  }",
        "}");
    Compilation c = compile(f);
    assertThat(c).hadErrorCount(4);
    assertThat(c).hadErrorContaining("[UnrollMemberClash] spec Forward's default method int"
            + " forward(float[][], int) clashes with the generated class Outer_ForwardNet, which"
            + " declares void forward(float[][], int) itself: it returns int where the generated"
            + " method returns void; rename or remove it")
        .inFile(f).onLineContaining("default int forward(");
    assertThat(c).hadErrorContaining("spec Predict's default method java.lang.String"
            + " predict(int) clashes with the generated class Outer_PredictNet, which declares"
            + " int predict(int) itself")
        .inFile(f).onLineContaining("default String predict(");
    assertThat(c).hadErrorContaining("the generated method would override it, so its body would"
        + " never run").inFile(f).onLineContaining("default void sgdStep(");
    assertThat(c).hadErrorContaining("spec UnrelatedDefaults's default method void"
        + " parametersChanged()").inFile(f).onLineContaining("default void parametersChanged(");
  }

  @Test
  void finalStaticInheritedAndHelperClashesOfAbstractClassSpecs() {
    JavaFileObject f = spec(
        "class Outer {",
        "  @Network(inputs = 4) @Layer(units = 3)",
        "  static abstract class Final {",
        "    public final void sgdStep(double lr) {}",
        "  }",
        "  @Network(inputs = 4) @Layer(units = 3)",
        "  static abstract class Static {",
        "    public static int layers() { return 0; }",
        "  }",
        "  static abstract class Base {",
        "    public void backward() {}",
        "  }",
        "  @Network(inputs = 4) @Layer(units = 3)",
        "  static abstract class Inherits extends Base {",
        "  }",
        "  @Network(inputs = 4) @Layer(units = 3)",
        "  static abstract class Helper {",
        "    void forward1(int n) {}",
        "  }",
        "  @Network(inputs = 4) @Layer(units = 3)",
        "  static abstract class Printable {",
        "    @Override public String toString() { return \"mine\"; }",
        "  }",
        "}");
    Compilation c = compile(f);
    assertThat(c).hadErrorCount(5);
    assertThat(c).hadErrorContaining("spec Final's final method void sgdStep(double) clashes"
            + " with the generated class Outer_FinalNet, which declares void sgdStep(double)"
            + " itself: it is final, so the generated class cannot override it")
        .inFile(f).onLineContaining("public final void sgdStep(");
    assertThat(c).hadErrorContaining("spec Static's static method int layers() clashes with"
            + " the generated class Outer_StaticNet, which declares int layers() itself: it is"
            + " static, and an instance method cannot hide it")
        .inFile(f).onLineContaining("public static int layers()");
    // inherited: reported on the spec, naming where the method is declared
    assertThat(c).hadErrorContaining("spec Inherits's method void backward() (inherited from"
            + " test.Outer.Base) clashes with the generated class Outer_InheritsNet")
        .inFile(f).onLineContaining("class Inherits extends Base");
    // a private helper of the generated class: found in the emitted class
    assertThat(c).hadErrorContaining("spec Helper's method void forward1(int) clashes with the"
            + " generated class Outer_HelperNet, which declares private void forward1(int)"
            + " itself: the generated method is private and cannot override an inherited method")
        .inFile(f).onLineContaining("void forward1(int n)");
    assertThat(c).hadErrorContaining("spec Printable's method java.lang.String toString()")
        .inFile(f).onLineContaining("public String toString()");
  }

  @Test
  void membersThatMeetNoGeneratedMethodAreFine() {
    JavaFileObject f = spec(
        "class Outer {",
        "  @Network(inputs = 4) @Layer(units = 3)",
        "  interface Helpers {",
        "    default String describe() { return \"spec\"; }",
        "    default void forward(int[] x, int n) {}", // an overload, not an override
        "    static void sgdStep(double lr) {}", // interface statics are not inherited
        "  }",
        "  @Network(inputs = 4) @Layer(units = 3)",
        "  static abstract class Base {",
        "    private void forward1(int n) {}", // private: the subclass does not see it
        "    protected int helper() { return 1; }",
        "  }",
        "}");
    assertThat(compile(f)).succeededWithoutWarnings();
  }

  @Test
  void buffersBeyondAJavaArrayAreSpecErrors() {
    JavaFileObject f = spec(
        "class Outer {",
        "  @Network(inputs = 4)",
        "  @Layer(units = 2_000_000_000)",
        "  @Layer(units = 3)",
        "  interface Wide {}",
        "  @Network(inputs = 4,",
        "      maxBatch = Integer.MAX_VALUE)",
        "  @Layer(units = 3)",
        "  interface Batch {}",
        "  @Network(inputs = 1)",
        "  @Layer(units = 1_500_000_000, activation = Activation.MAXOUT)",
        "  @Layer(units = 3)",
        "  interface Maxout {}",
        "}");
    Compilation c = compile(f);
    assertThat(c).hadErrorCount(3);
    assertThat(c).hadErrorContaining("[UnrollTooLarge] layer 1's weights would have 4 x"
            + " 2000000000 = 8000000000 elements, more than one Java array holds (2147483639,"
            + " and a tensor's entries are indexed by an int); lower the units of layer 1")
        .inFile(f).onLineContaining("units = 2_000_000_000");
    assertThat(c).hadErrorContaining("a batch of inputs would have 2147483647 x 4 = 8589934588"
            + " elements, more than one Java array holds (2147483639, and a tensor's entries are"
            + " indexed by an int); lower maxBatch")
        .inFile(f).onLineContaining("maxBatch = Integer.MAX_VALUE");
    // 1.5e9 units x 2 pieces overflows an int
    assertThat(c).hadErrorContaining("layer 1's weights would have 1 x 3000000000 = 3000000000")
        .inFile(f).onLineContaining("units = 1_500_000_000");
  }

  @Test
  void networksAboveTwoGigabytesGetAWarningWithTheBytes() {
    JavaFileObject f = spec(
        "@Network(inputs = 20000)",
        "@Layer(units = 30000)",
        "@Layer(units = 10)",
        "interface Spec {}");
    Compilation c = compile(f);
    assertThat(c).succeeded();
    // 256 x 20000 inputs + 2 (20000 x 30000 + 256 x 30000) + 2 (30000 x 10 + 256 x 10) floats
    assertThat(c).hadWarningContaining("[UnrollLargeMemory] Spec needs at least 4884340480 bytes"
            + " (4.5 GB) for its arrays (weights, gradients and the activations of 256 rows);"
            + " run it with -Xmx6g or more, or lower maxBatch or the widest layers")
        .inFile(f).onLineContaining("@Network(inputs = 20000)");
  }

  @Test
  void networksJustBelowTwoGigabytesGetNoWarning() {
    JavaFileObject f = spec(
        "@Network(inputs = 20000)",
        "@Layer(units = 12000)",
        "@Layer(units = 10)",
        "interface Spec {}");
    assertThat(compile(f)).succeededWithoutWarnings();
  }

  @Test
  void localSpecsAreInvisibleToProcessorsSoTheyGetAWarning() {
    JavaFileObject f = spec(
        "class Outer {",
        "  void method() {",
        "    @Network(inputs = 4) @Layer(units = 3)",
        "    interface InMethod {}",
        "  }",
        "  static {",
        "    @dev.unroll.spec.Network(inputs = 4) @Layer(units = 3)",
        "    abstract class InInitializer {}",
        "  }",
        "  Runnable r = () -> {",
        "    class Local {",
        "      @Network(inputs = 4) @Layer(units = 3)",
        "      interface InLocalClass {}",
        "    }",
        "  };",
        "}");
    Compilation c = compile(f);
    assertThat(c).succeeded();
    assertThat(c).hadWarningCount(3);
    assertThat(c).hadWarningContaining("[UnrollLocalSpec] @Network on local interface InMethod"
            + " is never processed: annotation processors cannot see types declared inside a"
            + " method, initializer or lambda, so no class is generated; declare it as a"
            + " top-level or member type")
        .inFile(f).onLine(5);
    assertThat(c).hadWarningContaining("local class InInitializer").inFile(f).onLine(9);
    assertThat(c).hadWarningContaining("local interface InLocalClass").inFile(f).onLine(14);
  }

  @Test
  void anotherNetworkAnnotationOnALocalTypeIsNoSpec() {
    JavaFileObject own = JavaFileObjects.forSourceLines("other.Network",
        "package other;",
        "public @interface Network { int inputs(); }");
    JavaFileObject f = JavaFileObjects.forSourceLines("other.Uses",
        "package other;",
        "class Uses {",
        "  void method() {",
        "    @Network(inputs = 4) interface Local {}",
        "  }",
        "}");
    assertThat(compile(own, f)).succeededWithoutWarnings();
  }

  @Test
  void twoSpecsOfOneClassNameAreBothReported() {
    JavaFileObject a = JavaFileObjects.forSourceLines("test.A",
        "package test;",
        "import dev.unroll.spec.*;",
        "@Network(inputs = 4,",
        "    className = \"Shared\")",
        "@Layer(units = 3)",
        "interface A {}");
    JavaFileObject b = JavaFileObjects.forSourceLines("test.B",
        "package test;",
        "import dev.unroll.spec.*;",
        "class B {",
        "  @Network(inputs = 4, className = \"Shared\") @Layer(units = 3)",
        "  interface Inner {}",
        "}");
    Compilation c = compile(a, b);
    assertThat(c).hadErrorCount(2);
    assertThat(c).hadErrorContaining("[UnrollDuplicateClass] specs test.A and test.B.Inner would"
            + " both generate class test.Shared; give one of them its own @Network(className ="
            + " \"...\")")
        .inFile(a).onLineContaining("className = \"Shared\"");
    assertThat(c).hadErrorContaining("specs test.B.Inner and test.A would both generate class"
            + " test.Shared").inFile(b).onLineContaining("className = \"Shared\"");
    for (Diagnostic<? extends JavaFileObject> d : c.errors()) {
      assertFalse(d.getMessage(null).contains("recreate"), d.getMessage(null));
    }
  }

  @Test
  void aClassNameTakingAnotherSpecsDefaultNameIsReportedOnBoth() {
    JavaFileObject f = spec(
        "class Outer {",
        "  @Network(inputs = 4) @Layer(units = 3)",
        "  interface First {}",
        "  @Network(inputs = 4,",
        "      className = \"Outer_FirstNet\") @Layer(units = 3)",
        "  interface Second {}",
        "}");
    Compilation c = compile(f);
    assertThat(c).hadErrorCount(2);
    assertThat(c).hadErrorContaining("specs test.Outer.First and test.Outer.Second would both"
        + " generate class test.Outer_FirstNet").inFile(f).onLine(4);
    assertThat(c).hadErrorContaining("specs test.Outer.Second and test.Outer.First")
        .inFile(f).onLineContaining("className = \"Outer_FirstNet\"");
  }
}
