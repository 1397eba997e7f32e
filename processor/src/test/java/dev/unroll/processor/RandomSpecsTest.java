package dev.unroll.processor;

import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.unroll.processor.RandomSpecs.Defect;
import dev.unroll.processor.RandomSpecs.Spec;
import dev.unroll.runtime.GradientCheck;
import dev.unroll.runtime.Model;
import dev.unroll.runtime.Rng;
import dev.unroll.runtime.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * 300 random specs (seed 15) through the processor, half of them valid and half broken in one way
 * each, every kind of break about equally often. A broken spec must get exactly one error, with
 * the expected id, on the line of the member, value or declaration at fault; a valid one must
 * compile, generated class included. Then a sample of the valid DOUBLE specs is run through the
 * gradient check. The specs are compiled 25 files to a javac run: every spec is its own file, so
 * the errors are told apart by file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RandomSpecsTest {
  private static final int SPECS = 300;
  private static final int BATCH = 25;
  private static final int GRADIENT_SAMPLE = 12;

  private final List<Spec> valid = new ArrayList<>();
  private final List<Spec> invalid = new ArrayList<>();
  /** The compile of each valid spec (shared by its batch). */
  private final Map<Spec, Compilation> compiled = new LinkedHashMap<>();

  @BeforeAll
  void generateAndCompileTheValidOnes() {
    RandomSpecs specs = new RandomSpecs(15);
    Defect[] defects = Defect.values();
    for (int i = 0; i < SPECS; i++) {
      Spec s = specs.next(i, i % 2 == 0 ? null : defects[(i / 2) % defects.length]);
      (s.valid() ? valid : invalid).add(s);
    }
    for (int from = 0; from < valid.size(); from += BATCH) {
      List<Spec> batch = valid.subList(from, Math.min(from + BATCH, valid.size()));
      Compilation c = compile(batch, false);
      batch.forEach(s -> compiled.put(s, c));
    }
  }

  @Test
  void everyDefectIsDrawn() {
    assertEquals(SPECS / 2, invalid.size());
    for (Defect d : Defect.values()) {
      assertTrue(invalid.stream().filter(s -> s.expectedId().equals(d.id)).count() >= 7,
          d::name);
    }
  }

  @Test
  void rejectedSpecsCarryOneErrorOnTheRightLine() {
    List<String> wrong = new ArrayList<>();
    for (int from = 0; from < invalid.size(); from += BATCH) {
      List<Spec> batch = invalid.subList(from, Math.min(from + BATCH, invalid.size()));
      Compilation c = compile(batch, true);
      Map<String, List<Diagnostic<? extends JavaFileObject>>> byFile = new HashMap<>();
      for (Diagnostic<? extends JavaFileObject> d : c.errors()) {
        String file = d.getSource() == null ? "(none)" : d.getSource().toUri().getPath();
        byFile.computeIfAbsent(file, k -> new ArrayList<>()).add(d);
      }
      for (Spec s : batch) {
        List<Diagnostic<? extends JavaFileObject>> errors =
            byFile.getOrDefault(path(s), List.of());
        boolean right = errors.size() == 1
            && errors.get(0).getMessage(null).startsWith("[" + s.expectedId() + "]")
            && errors.get(0).getLineNumber() == s.expectedLine();
        if (!right) {
          wrong.add(s.name() + ": expected one [" + s.expectedId() + "] on line "
              + s.expectedLine() + ", got " + describe(errors) + " in\n" + s.source());
        }
      }
      int expected = batch.size();
      assertEquals(expected, c.errors().size(), () -> "errors outside the specs: " + c.errors());
    }
    assertTrue(wrong.isEmpty(), () -> wrong.size() + " specs wrong:\n" + String.join("\n", wrong));
  }

  @Test
  void acceptedSpecsCompileWithTheirGeneratedClasses() throws IOException {
    assertEquals(SPECS / 2, valid.size());
    for (Spec s : valid) {
      Compilation c = compiled.get(s);
      assertEquals(Compilation.Status.SUCCESS, c.status(), () -> c.errors() + "\n" + s.source());
      assertTrue(c.generatedSourceFile(RandomSpecs.PACKAGE + "." + s.className()).isPresent(),
          s::source);
    }
  }

  /**
   * Up to 12 valid DOUBLE specs, drawn with seed 16, must pass the gradient check: every entry
   * agrees with centered differences, or the check reports it as a kink (at most 5% of them). As
   * the lecture advises, the check runs on few data points (6) with small random biases (the
   * zero biases of a fresh network put ReLUs and the SVM margin exactly on their kinks). The
   * VECTOR-backend ones run only where the test JVM reads jdk.incubator.vector.
   */
  @Test
  void aSampleOfValidDoubleSpecsPassesTheGradientCheck() throws Exception {
    boolean vectorModule = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    List<Spec> candidates = new ArrayList<>(valid.stream()
        .filter(s -> s.isDouble() && (vectorModule || !s.isVector())).toList());
    Collections.shuffle(candidates, new Random(16));
    List<Spec> sample = candidates.subList(0, Math.min(GRADIENT_SAMPLE, candidates.size()));
    assertTrue(sample.size() >= 10, "too few DOUBLE specs drawn: " + sample.size());
    for (Spec s : sample) {
      ClassLoader loader = new MemoryClassLoader(compiled.get(s), getClass().getClassLoader());
      // the generated class is package-private when its spec is
      Constructor<?> constructor = loader.loadClass(RandomSpecs.PACKAGE + "." + s.className())
          .getConstructor(long.class);
      constructor.setAccessible(true);
      Model net = (Model) constructor.newInstance(17L);
      check(s, net);
    }
  }

  private static void check(Spec s, Model net) {
    Rng rng = new Rng(s.name().hashCode());
    for (Tensor t : net.params()) {
      if (t.name().endsWith(".b") || t.name().endsWith(".beta")) {
        for (int i = 0; i < t.size(); i++) {
          t.set(i, 0.1 * rng.gaussian());
        }
      }
    }
    net.parametersChanged();
    net.setL2(0.1);
    int n = Math.min(6, net.maxBatch());
    double[][] x = new double[n][net.inputs()];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < net.inputs(); j++) {
        x[i][j] = rng.gaussian();
      }
      y[i] = rng.nextInt(net.outputs());
    }
    GradientCheck check = s.smooth() ? GradientCheck.standard()
        : GradientCheck.of(1e-5, 1e-5, 1e-5, false);
    GradientCheck.Report report = check.run(net, x, y, n);
    int total = report.checked() + report.kinks();
    String what = s.name() + " " + report + "\n" + s.source();
    assertEquals(net.params().stream().mapToInt(Tensor::size).sum(), total, what);
    assertTrue(report.maxRelError() <= (s.smooth() ? 1e-7 : 1e-4), what);
    assertTrue(report.kinks() <= (s.smooth() ? 0 : 0.05 * total), what);
  }

  private static Compilation compile(List<Spec> batch, boolean withTakenName) {
    List<JavaFileObject> files = new ArrayList<>();
    for (Spec s : batch) {
      files.add(JavaFileObjects.forSourceString(RandomSpecs.PACKAGE + "." + s.name(),
          s.source()));
    }
    if (withTakenName) {
      files.add(JavaFileObjects.forSourceString(RandomSpecs.PACKAGE + "." + RandomSpecs.TAKEN,
          "package " + RandomSpecs.PACKAGE + "; class " + RandomSpecs.TAKEN + " {}"));
    }
    return javac().withProcessors(new UnrollProcessor()).compile(files);
  }

  private static String path(Spec s) {
    return JavaFileObjects.forSourceString(RandomSpecs.PACKAGE + "." + s.name(), s.source())
        .toUri().getPath();
  }

  private static String describe(List<Diagnostic<? extends JavaFileObject>> errors) {
    List<String> out = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : errors) {
      out.add("line " + d.getLineNumber() + ": " + d.getMessage(null));
    }
    return out.isEmpty() ? "no error" : out.toString();
  }

  /** Loads the classes a compile wrote, so the generated networks can run. */
  private static final class MemoryClassLoader extends ClassLoader {
    private final Map<String, JavaFileObject> classes = new HashMap<>();

    MemoryClassLoader(Compilation c, ClassLoader parent) {
      super(parent);
      for (JavaFileObject f : c.generatedFiles()) {
        String path = f.toUri().getPath();
        int at = path.indexOf("CLASS_OUTPUT/");
        if (f.getKind() == JavaFileObject.Kind.CLASS && at >= 0) {
          String name = path.substring(at + "CLASS_OUTPUT/".length(), path.length() - 6);
          classes.put(name.replace('/', '.'), f);
        }
      }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      JavaFileObject f = classes.get(name);
      if (f == null) {
        throw new ClassNotFoundException(name);
      }
      try (InputStream in = f.openInputStream()) {
        byte[] bytes = in.readAllBytes();
        return defineClass(name, bytes, 0, bytes.length);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
