package dev.unroll.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unroll.runtime.Model;
import dev.unroll.runtime.Rng;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The columnar step's scalar twin, which a fresh JVM runs until C2 has compiled the vector step:
 * the same forward bit for bit (the same multiply-adds in the same order), the same loss, and
 * gradients and activation rows equal up to the order of the sums over the batch; and a fresh
 * JVM's steps allocate nothing. The suite runs with {@code -Dunroll.vector.fallback=false},
 * where the class starts on its vector step; the test moves it to the twin and back through its
 * switch.
 */
class ColumnarTwinTest {
  static Stream<Arguments> nets() {
    return Stream.of(
        Arguments.of("relu, double",
            (LongFunction<Model>) OtherSpecs_VectorHeadReluSoftmaxNet::new),
        Arguments.of("identity, double",
            (LongFunction<Model>) OtherSpecs_VectorHeadIdentitySoftmaxNet::new),
        Arguments.of("wide, double", (LongFunction<Model>) OtherSpecs_VectorColumnarWideNet::new),
        Arguments.of("narrow, double",
            (LongFunction<Model>) OtherSpecs_VectorColumnarNarrowNet::new),
        Arguments.of("relu, float", (LongFunction<Model>) OtherSpecs_VectorHeadReluFloatNet::new));
  }

  /** One JVM each: a float and a double net, ReLU (the mask) and the widest shape. */
  static Stream<Arguments> freshNets() {
    return nets().filter(
        a -> a.get()[0].equals("relu, float") || a.get()[0].equals("wide, double"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nets")
  void twinStepsAsTheVectorStepDoes(String name, LongFunction<Model> make) throws Exception {
    Model twin = make.apply(11);
    Model vector = make.apply(11);
    // float sums in another order differ by a few units in the last place of the largest term
    double tolerance = name.endsWith("float") ? 1e-5 : 1e-12;
    twin.setL2(0.01);
    vector.setL2(0.01);
    Rng rng = new Rng(name.hashCode());
    try {
      for (int n : new int[] {37, 5, twin.maxBatch(), 1}) {
        String at = name + ", batch " + n;
        double[][] x = GradientCheckTest.inputs(rng, n, twin.inputs());
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
          y[i] = rng.nextInt(twin.outputs());
        }
        vector.copyFrom(twin);
        useVectorStep(twin, false);
        twin.forward(x, n);
        double twinLoss = twin.loss(y, n);
        twin.backward();
        useVectorStep(vector, true);
        vector.forward(x, n);
        double vectorLoss = vector.loss(y, n);
        vector.backward();
        for (int i = 0; i < n; i++) {
          assertEquals(vector.predict(i), twin.predict(i), at + ": prediction " + i);
          for (int c = 0; c < twin.outputs(); c++) {
            assertEquals(vector.score(i, c), twin.score(i, c), 0, at + ": score " + i + ", " + c);
          }
        }
        assertEquals(vectorLoss, twinLoss, 0, at + ": loss");
        ColumnarTest.same(vector.params(), twin.params(), n, tolerance, at + ", parameter");
        ColumnarTest.same(vector.activations(), twin.activations(), n, tolerance,
            at + ", activation");
        twin.sgdStep(0.5);
      }
    } finally {
      useVectorStep(twin, true);
    }
  }

  /**
   * In a fresh JVM with the fallbacks on (this suite turns them off), the steps before the switch
   * run the twin and the kernels' scalar paths and allocate nothing but now and then (the vector
   * step run boxed allocated about 450 KB every step of these nets); after it, the vector step
   * allocates nothing, as the warm-up thread saw before it switched.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("freshNets")
  void aFreshJvmStepsWithoutAllocating(String name, LongFunction<Model> make) throws Exception {
    String netClass = make.apply(1).getClass().getName();
    Process child = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-modules", "jdk.incubator.vector",
        "-cp", System.getProperty("java.class.path"),
        FreshJvmSteps.class.getName(), netClass)
        .redirectErrorStream(true)
        .start();
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, child.waitFor(), out);
    Matcher m = Pattern.compile("switched (\\w+) after (\\d+) steps, (\\d+) of which allocated,"
        + " (\\d+) bytes in all; then 50 steps allocated (\\d+) bytes").matcher(out);
    assertTrue(m.find(), name + ": " + out);
    assertEquals("true", m.group(1), name + ": " + out);
    // before: a kernel's switch may allocate once in a while (a deoptimized frame, a method
    // compiled late), but not every step as boxed vectors would
    assertTrue(Long.parseLong(m.group(3)) * 10 <= Long.parseLong(m.group(2)), name + ": " + out);
    assertEquals(0, Long.parseLong(m.group(5)), name + ": " + out);
  }

  /** Sets the class's switch between the vector step and its twin (a static of the class). */
  private static void useVectorStep(Model net, boolean vector) throws ReflectiveOperationException {
    Field compiled = net.getClass().getDeclaredField("columnarCompiled");
    compiled.setAccessible(true);
    compiled.setBoolean(null, vector);
  }
}
