package dev.unroll.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unroll.runtime.Model;
import dev.unroll.runtime.Rng;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every spec of {@link ConvGradSpecs} under each conv product, whatever the planner would pick:
 * the spec file is compiled again here with {@code -Aunroll.convProduct=direct} and with {@code
 * =im2col} (javac of the running JDK, the processor from the test class path) into a package of
 * its own, the generated classes are loaded in their own class loader, and each network's gradients are checked against
 * centered differences as {@link ConvGradientCheckTest} does: data loss, L2, evaluation mode.
 */
class ConvProductGradientCheckTest {
  private static final Path SPECS = Path.of("src/main/java/dev/unroll/tests/ConvGradSpecs.java");
  private static final Path WIDE = Path.of("src/main/java/dev/unroll/tests/ConvWideSpecs.java");
  private static final Map<String, ClassLoader> LOADERS = new ConcurrentHashMap<>();
  @TempDir static Path out;

  static Stream<Arguments> specs() {
    return Stream.of("direct", "im2col").flatMap(product -> ConvNets.all()
        .map(a -> Arguments.of(product, a.get()[0])));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("specs")
  void gradientsMatchCenteredDifferences(String product, String name) throws Exception {
    Class<?> type = generated(product, name);
    assertProduct(product, type);
    ConvGradientCheckTest.check(name, net(type, 21), 0.0);
    ConvGradientCheckTest.check(name, net(type, 22), 0.3);
    Model eval = net(type, 23);
    double[][] x = GradientCheckTest.inputs(new Rng(5), ConvGradientCheckTest.N, eval.inputs());
    for (int i = 0; i < 3; i++) {
      eval.forward(x, ConvGradientCheckTest.N);
    }
    eval.setTraining(false);
    ConvGradientCheckTest.check(name, eval, 0.0);
  }

  /** Wide layers (64 filters on 3x32x32, kernels 4 to 7): every method under 8,000 bytes. */
  @ParameterizedTest
  @ValueSource(strings = {"direct", "im2col"})
  void wideLayersKeepEveryMethodUnderTheHugeMethodLimit(String product) throws Exception {
    Class<?> type = Class.forName("dev.unroll.tests." + product + ".ConvWideSpecs_WideNet", true,
        LOADERS.computeIfAbsent(product, ConvProductGradientCheckTest::compile));
    assertProduct(product, type);
    Map<String, Integer> sizes = BytecodeSizeTest.codeSizes(type);
    assertTrue(sizes.containsKey("conv3"), "found " + sizes.keySet());
    sizes.forEach((method, size) -> assertTrue(size < 8000,
        type.getSimpleName() + "." + method + " has " + size + " bytes of bytecode"));
    Model net = net(type, 1);
    float[][] x = new float[2][net.inputs()];
    x[0][5] = 1;
    net.forward(x, 2);
    net.loss(new int[] {1, 2}, 2);
    net.backward();
    // the step ran through every layer: the first layer's filters have a finite gradient
    assertTrue(Double.isFinite(net.params().get(0).floatGrads()[0][0]));
  }

  /** The option took: a direct network has the direct helpers and no window copies. */
  private static void assertProduct(String product, Class<?> type) {
    List<String> methods = Arrays.stream(type.getDeclaredMethods()).map(Method::getName).toList();
    boolean direct = methods.stream().anyMatch(m -> m.startsWith("convWeight"));
    boolean im2col = methods.stream().anyMatch(m -> m.startsWith("im2col"));
    assertEquals(product.equals("direct"), direct, type + " " + methods);
    assertEquals(product.equals("im2col"), im2col, type + " " + methods);
  }

  private static Model net(Class<?> type, long seed) throws ReflectiveOperationException {
    // the generated class is package-private like its spec, in the package compiled here
    Constructor<?> make = type.getConstructor(long.class);
    make.setAccessible(true);
    return (Model) make.newInstance(seed);
  }

  private static Class<?> generated(String product, String name) throws Exception {
    return Class.forName("dev.unroll.tests." + product + ".ConvGradSpecs_" + name + "Net", true,
        LOADERS.computeIfAbsent(product, ConvProductGradientCheckTest::compile));
  }

  /**
   * ConvGradSpecs.java compiled with {@code -Aunroll.convProduct=product}, moved to package
   * {@code dev.unroll.tests.<product>} (its classes beside the build's own would clash), in a
   * class loader of its own.
   */
  private static ClassLoader compile(String product) {
    try {
      Path src = Files.createDirectories(out.resolve(product + "/src"));
      Path classes = Files.createDirectories(out.resolve(product + "/classes"));
      List<String> files = new ArrayList<>();
      for (Path original : List.of(SPECS, WIDE)) {
        Path copy = src.resolve(original.getFileName());
        Files.writeString(copy, Files.readString(original).replace("package dev.unroll.tests;",
            "package dev.unroll.tests." + product + ";"));
        files.add(copy.toString());
      }
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      String cp = System.getProperty("java.class.path");
      ByteArrayOutputStream messages = new ByteArrayOutputStream();
      List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", cp,
          "-processorpath", cp, "-processor", "dev.unroll.processor.UnrollProcessor",
          "--add-modules", "jdk.incubator.vector", "-Aunroll.convProduct=" + product));
      args.addAll(files);
      int rc = javac.run(null, messages, messages, args.toArray(String[]::new));
      assertEquals(0, rc, () -> "javac of " + SPECS + " with -Aunroll.convProduct=" + product
          + ":\n" + messages.toString(StandardCharsets.UTF_8));
      return new URLClassLoader(new URL[] {classes.toUri().toURL()},
          ConvProductGradientCheckTest.class.getClassLoader());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
