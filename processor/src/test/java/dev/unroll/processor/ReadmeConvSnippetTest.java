package dev.unroll.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's conv spec, pasted as it stands into a new file, compiles cleanly. */
class ReadmeConvSnippetTest {
  @Test
  void readmeConvSpecCompiles() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    int section = readme.indexOf("### Convolutional networks");
    int start = readme.indexOf("```java\n", section) + "```java\n".length();
    String code = readme.substring(start, readme.indexOf("```", start));
    Compilation c = SpecErrorsTest.compile(JavaFileObjects.forSourceString("Fashion", code));
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("FashionNet");
  }
}
