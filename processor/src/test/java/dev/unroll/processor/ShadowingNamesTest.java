package dev.unroll.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.unroll.processor.SpecErrorsTest.compile;
import static dev.unroll.processor.SpecErrorsTest.spec;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A generated class named like a type its code uses (JDK or Unroll runtime) still compiles:
 * every type in generated code is written through JavaPoet's {@code $T}, which qualifies a name
 * the class's own name would shadow. {@code className = "Math"} once failed with "cannot find
 * symbol Math.max".
 */
class ShadowingNamesTest {
  /** Every product shape, batch norm, every activation and both losses' paths, in one spec. */
  private static JavaFileObject everyShape(String className, String backend) {
    return spec(
        "@Network(inputs = 3, maxBatch = 5, backend = Backend." + backend
            + ", className = \"" + className + "\")",
        "@Layer(units = 12, activation = Activation.RELU)",
        "@Layer(units = 3)",
        "@Layer(units = 300, activation = Activation.ELU, batchNorm = true)",
        "@Layer(units = 256, activation = Activation.TANH)",
        "@Layer(units = 256, activation = Activation.PRELU)",
        "@Layer(units = 20, activation = Activation.SIGMOID)",
        "@Layer(units = 6, activation = Activation.MAXOUT, pieces = 2)",
        "@Layer(units = 4, activation = Activation.LEAKY_RELU)",
        "@Layer(units = 3)",
        "public interface Spec {}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Math", "System", "Arrays", "Objects", "Double", "String",
      "IllegalArgumentException", "Override", "IntConsumer", "Ops", "Workers", "FloatKernels"})
  void aClassNamedLikeAUsedTypeCompiles(String name) {
    Compilation plain = compile(everyShape(name, "PLAIN"));
    assertThat(plain).succeededWithoutWarnings();
    assertThat(plain).generatedSourceFile("test." + name);
    Compilation vector = compile(everyShape(name, "VECTOR"));
    assertThat(vector).succeededWithoutWarnings();
  }

  /** The columnar step's class, whose code names the Vector API's types too. */
  @ParameterizedTest
  @ValueSource(strings = {"Math", "Arrays", "FloatVector", "IntVector", "VectorOperators",
      "VectorSpecies", "FloatKernels"})
  void aColumnarClassNamedLikeAUsedTypeCompiles(String name) {
    JavaFileObject f = spec(
        "@Network(inputs = 2, maxBatch = 300, backend = Backend.VECTOR, className = \""
            + name + "\")",
        "@Layer(units = 100, activation = Activation.RELU)",
        "@Layer(units = 3)",
        "public interface Spec {}");
    Compilation c = javac().withProcessors(new UnrollProcessor())
        .withOptions("--add-modules", "jdk.incubator.vector").compile(f);
    assertThat(c).succeeded();
    assertThat(c).generatedSourceFile("test." + name);
  }
}
