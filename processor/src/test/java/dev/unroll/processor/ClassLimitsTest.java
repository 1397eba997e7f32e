package dev.unroll.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.unroll.processor.SpecErrorsTest.compile;
import static dev.unroll.processor.SpecErrorsTest.spec;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Where the class file itself runs out (a constant pool of 65,535 entries, a string constant of
 * 65,535 bytes), a spec is an error on the spec with the numbers, not javac's "too many
 * constants" or "constant string too long" on a generated file (issue 15 item 4).
 */
class ClassLimitsTest {
  private static JavaFileObject deep(int layers, String layer) {
    List<String> lines = new ArrayList<>();
    lines.add("@Network(inputs = 5, maxBatch = 8)");
    for (int i = 1; i < layers; i++) {
      lines.add("@Layer(" + layer + ")");
    }
    lines.add("@Layer(units = 3)");
    lines.add("public interface Spec {}");
    return spec(lines.toArray(String[]::new));
  }

  @Test
  void tooManyConstantsIsASpecError() {
    JavaFileObject f = deep(800, "units = 5, activation = Activation.TANH, batchNorm = true");
    Compilation c = compile(f);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[UnrollClassTooLarge] the generated class SpecNet would"
        + " need about").inFile(f).onLineContaining("public interface Spec");
    assertThat(c).hadErrorContaining("more than the 65535 a class file holds (800 layers");
  }

  @Test
  void anArchitectureStringTooLongIsASpecError() {
    JavaFileObject f = deep(1400, "units = 5, activation = Activation.TANH");
    Compilation c = compile(f);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[UnrollClassTooLarge] the architecture string of SpecNet"
        + " would be 67221 bytes, more than the 65535").inFile(f)
        .onLineContaining("public interface Spec");
  }
}
