package dev.unroll.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.unroll.processor.SpecErrorsTest.compile;
import static dev.unroll.processor.SpecErrorsTest.spec;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Every diagnostic of conv and pooling specs, with its id, text and line: the shape arithmetic,
 * members a kind has no use for, missing members, and layer order.
 */
class ConvSpecErrorsTest {
  @Test
  void outputSizeThatIsNotAWholeNumber() {
    JavaFileObject f = spec(
        "@Network(inputs = 784, shape = {1, 28, 28})",
        "@Layer(kind = LayerKind.CONV, filters = 4, size = 3,",
        "    stride = 3)",
        "@Layer(units = 10)",
        "interface Spec {}");
    Compilation c = compile(f);
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[UnrollOutputNotInteger] (28 + 2 * 0 - 3) / 3 + 1 = 9.33"
            + " (25/3 + 1) is not a whole number of output rows; use pad = 1 or stride = 1")
        .inFile(f).onLineContaining("stride = 3)");
  }

  @Test
  void outputSizeThatNoPadMakesWhole() {
    JavaFileObject f = spec(
        "@Network(inputs = 256, shape = {1, 16, 16})",
        "@Layer(kind = LayerKind.CONV, filters = 4, size = 5, pad = 2,",
        "    stride = 2)",
        "@Layer(units = 10)",
        "interface Spec {}");
    assertThat(compile(f)).hadErrorContaining("is not a whole number of output rows; use stride"
            + " = 1 or another size")
        .inFile(f).onLineContaining("stride = 2)");
  }

  @Test
  void windowLargerThanItsPaddedInput() {
    JavaFileObject f = spec(
        "@Network(inputs = 16, shape = {1, 4, 4})",
        "@Layer(kind = LayerKind.CONV, filters = 4,",
        "    size = 7)",
        "@Layer(units = 10)",
        "interface Spec {}");
    Compilation c = compile(f);
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[UnrollWindowTooLarge] the 7x7 window of this CONV layer"
            + " is larger than its input, 4x4 with pad 0; use size <= 4 or pad >= 2")
        .inFile(f).onLineContaining("size = 7)");
  }

  @Test
  void poolThatDropsRowsIsAWarning() {
    JavaFileObject f = spec(
        "@Network(inputs = 49, shape = {1, 7, 7})",
        "@Layer(kind = LayerKind.MAX_POOL,",
        "    size = 2)",
        "@Layer(units = 10)",
        "interface Spec {}");
    Compilation c = compile(f);
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining("[UnrollPoolDrops] this 2x2 pool with stride 2 on a 7x7"
            + " input leaves out the last 1 row(s) and 1 column(s)")
        .inFile(f).onLineContaining("size = 2)");
  }

  @Test
  void inputsThatAreNotChannelsTimesHeightTimesWidth() {
    JavaFileObject f = spec(
        "@Network(inputs = 784,",
        "    shape = {3, 28, 28})",
        "@Layer(kind = LayerKind.CONV, filters = 4, size = 3)",
        "@Layer(units = 10)",
        "interface Spec {}");
    Compilation c = compile(f);
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[UnrollShapeNotInputs] inputs = 784 but shape 3x28x28 has"
            + " 2352 values (channels x height x width); set inputs = 2352")
        .inFile(f).onLineContaining("shape = {3, 28, 28})");
  }

  @Test
  void shapeOfTheWrongLength() {
    JavaFileObject f = spec(
        "@Network(inputs = 784,",
        "    shape = {28, 28})",
        "@Layer(units = 10)",
        "interface Spec {}");
    assertThat(compile(f)).hadErrorContaining("[UnrollBadShape] shape must be {channels, height,"
            + " width} with each positive, was [28, 28]")
        .inFile(f).onLineContaining("shape = {28, 28})");
  }

  @Test
  void imageLayersAfterADenseLayer() {
    JavaFileObject f = spec(
        "@Network(inputs = 64, shape = {1, 8, 8})",
        "@Layer(units = 32)",
        "@Layer(kind = LayerKind.MAX_POOL, size = 2)",
        "@Layer(units = 10)",
        "interface Spec {}");
    Compilation c = compile(f);
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[UnrollImageAfterDense] a MAX_POOL layer cannot follow a"
            + " dense layer")
        .inFile(f).onLineContaining("kind = LayerKind.MAX_POOL");
  }

  @Test
  void imageLayerWithoutAnImageInput() {
    JavaFileObject f = spec(
        "@Network(inputs = 64)",
        "@Layer(kind = LayerKind.CONV, filters = 4, size = 3)",
        "@Layer(units = 10)",
        "interface Spec {}");
    assertThat(compile(f)).hadErrorContaining("[UnrollImageWithoutShape] a CONV layer needs an"
            + " image input; add shape = {channels, height, width} to @Network")
        .inFile(f).onLineContaining("kind = LayerKind.CONV");
  }

  @Test
  void membersThatDoNotApplyToTheKind() {
    JavaFileObject f = spec(
        "@Network(inputs = 64, shape = {1, 8, 8})",
        "@Layer(kind = LayerKind.CONV, filters = 4, size = 3,",
        "    units = 5)",
        "@Layer(kind = LayerKind.MAX_POOL, size = 2,",
        "    activation = Activation.RELU,",
        "    pad = 1)",
        "@Layer(units = 10,",
        "    filters = 3)",
        "interface Spec {}");
    Compilation c = compile(f);
    assertThat(c).hadErrorCount(4);
    assertThat(c).hadErrorContaining("[UnrollMemberNotUsed] units does not apply to a CONV layer")
        .inFile(f).onLineContaining("units = 5)");
    assertThat(c).hadErrorContaining("activation does not apply to a MAX_POOL layer")
        .inFile(f).onLineContaining("activation = Activation.RELU");
    assertThat(c).hadErrorContaining("pad does not apply to a MAX_POOL layer")
        .inFile(f).onLineContaining("pad = 1)");
    assertThat(c).hadErrorContaining("filters does not apply to a DENSE layer")
        .inFile(f).onLineContaining("filters = 3)");
  }

  @Test
  void missingMembers() {
    JavaFileObject f = spec(
        "@Network(inputs = 64, shape = {1, 8, 8})",
        "@Layer(kind = LayerKind.CONV,",
        "    size = 3)",
        "@Layer(kind = LayerKind.DENSE)",
        "@Layer(units = 10)",
        "interface Spec {}");
    Compilation c = compile(f);
    assertThat(c).hadErrorCount(2);
    assertThat(c).hadErrorContaining("[UnrollMissingMember] a CONV layer needs filters; set the"
            + " number of output channels, e.g. filters = 16")
        .inFile(f).onLineContaining("@Layer(kind = LayerKind.CONV,");
    assertThat(c).hadErrorContaining("a DENSE layer needs units")
        .inFile(f).onLineContaining("@Layer(kind = LayerKind.DENSE)");
  }

  @Test
  void lastLayerMustBeDense() {
    JavaFileObject f = spec(
        "@Network(inputs = 64, shape = {1, 8, 8})",
        "@Layer(kind = LayerKind.CONV, filters = 4, size = 3)",
        "@Layer(kind = LayerKind.MAX_POOL, size = 2)",
        "interface Spec {}");
    assertThat(compile(f)).hadErrorContaining("[UnrollLastNotDense] the last @Layer gives the"
            + " class scores and must be DENSE, but it is MAX_POOL")
        .inFile(f).onLineContaining("kind = LayerKind.MAX_POOL");
  }
}
