package dev.unroll.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.unroll.processor.SpecErrorsTest.spec;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The processor option {@code -Aunroll.convProduct=direct|im2col}: each value gives every conv
 * layer that product, a blank or missing one leaves the choice to the planner, anything else is
 * an error that names the option and its values.
 */
class ConvProductOptionTest {
  private static JavaFileObject twoConvs() {
    return spec(
        "@Network(inputs = 81, shape = {1, 9, 9})",
        "@Layer(kind = LayerKind.CONV, filters = 4, size = 3, pad = 1)",
        "@Layer(kind = LayerKind.CONV, filters = 4, size = 3, stride = 2, pad = 1)",
        "@Layer(units = 10)",
        "public interface Spec {}");
  }

  private static Compilation compile(String... options) {
    return javac().withProcessors(new UnrollProcessor()).withOptions((Object[]) options)
        .compile(twoConvs());
  }

  private static String source(Compilation c) throws IOException {
    return c.generatedSourceFile("test.SpecNet").orElseThrow().getCharContent(true).toString();
  }

  @Test
  void directGivesEveryConvLayerTheDirectLoops() throws IOException {
    Compilation c = compile("-Aunroll.convProduct=direct");
    assertThat(c).succeededWithoutWarnings();
    String s = source(c);
    assertThat(s).contains("private void convWeight1_0(");
    assertThat(s).contains("private void convWeight2_0(");
    assertThat(s).contains("private static void convInput2_0(");
    assertThat(s).doesNotContain("im2col");
  }

  @Test
  void im2colGivesEveryConvLayerTheWindowCopies() throws IOException {
    Compilation c = compile("-Aunroll.convProduct=IM2COL");
    assertThat(c).succeededWithoutWarnings();
    String s = source(c);
    assertThat(s).contains("private void im2col1(");
    assertThat(s).contains("private void im2col2(");
    assertThat(s).doesNotContain("convWeight");
  }

  @Test
  void blankLeavesTheChoiceToThePlanner() {
    assertThat(compile("-Aunroll.convProduct=")).succeededWithoutWarnings();
  }

  @Test
  void unknownValueIsAnErrorNamingTheValues() {
    Compilation c = compile("-Aunroll.convProduct=fast");
    assertThat(c).hadErrorContaining("[UnrollBadOption] processor option"
        + " unroll.convProduct=fast is not one of direct, im2col; fix -Aunroll.convProduct or"
        + " leave it out (the planner then picks per layer)");
  }
}
