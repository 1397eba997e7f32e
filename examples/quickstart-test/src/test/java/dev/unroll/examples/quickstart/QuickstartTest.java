package dev.unroll.examples.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's quickstart as a new user runs it: examples/quickstart copied out of the repository,
 * built by Maven from a clean local repository that holds this build's artifacts as {@code mvn
 * install} leaves them, then its programs run: training on a CSV file with a title line and on a
 * gzipped CSV, saving, and predicting a new row in another JVM from the saved file. The README
 * shows the same pom, programs and commands, checked here character for character.
 */
class QuickstartTest {
  /** The README's commands, run in the quickstart's folder. */
  static final String BUILD = "mvn -B package";
  static final String TRAIN = "java -cp target/quickstart.jar quickstart.Train iris.csv iris.ck 1";
  static final String PREDICT =
      "java -cp target/quickstart.jar quickstart.Predict iris.ck 5.9 3.0 5.1 1.8";

  /** Test-only libraries that must never reach a user's jar. */
  static final List<String> TEST_PACKAGES = List.of("org/junit/", "junit/", "org/opentest4j/",
      "org/hamcrest/", "org/apiguardian/", "org/mockito/", "org/assertj/",
      "com/google/testing/compile/");

  @TempDir static Path dir;
  static Path root;
  static Path project;
  static StagedRepository repo;

  @BeforeAll
  static void buildTheQuickstartAsAUserWould() throws Exception {
    root = Path.of("").toAbsolutePath().resolve("../..").normalize();
    String version = System.getProperty("unroll.version", "0.1.0-SNAPSHOT");
    Path build = Path.of(System.getProperty("unroll.repo.local",
        Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
    repo = StagedRepository.create(root, dir, version, build);
    project = dir.resolve("quickstart");
    copy(root.resolve("examples/quickstart"), project);
    run(BUILD);
  }

  @Test
  void theReadmeCommandsTrainOnACsvWithATitleLineSaveAndPredictInAnotherJvm() throws Exception {
    String train = run(TRAIN);
    assertTrue(train.contains("iris.csv: Dataset[150 samples x 4 features, 3 classes]"), train);
    assertEquals(4, count(train, "  PASS "), train);
    assertTrue(train.contains("saved iris.ck"), train);
    assertTrue(testAccuracy(train) >= 0.85, train);
    // another JVM: weights and standardization come from the file
    assertEquals("class 2", run(PREDICT).strip());
    assertEquals("class 0", run("java -cp target/quickstart.jar quickstart.Predict iris.ck"
        + " 5.1 3.5 1.4 0.2").strip());
  }

  @Test
  void aGzippedCsvWithAHeaderAndClassNames() throws Exception {
    byte[] named = Files.readAllBytes(
        root.resolve("examples/csv/src/main/resources/dev/unroll/examples/csv/iris.csv"));
    try (OutputStream out = new GZIPOutputStream(
        Files.newOutputStream(project.resolve("named.csv.gz")))) {
      out.write(named);
    }
    String train = run("java -cp target/quickstart.jar quickstart.Train named.csv.gz named.ck");
    assertTrue(train.contains("named.csv.gz: Dataset[150 samples x 4 features, 3 classes"
        + " [Iris-setosa, Iris-versicolor, Iris-virginica]]"), train);
    assertTrue(train.contains("Iris-versicolor"), train);
    assertTrue(testAccuracy(train) >= 0.85, train);
    assertEquals("class 0", run("java -cp target/quickstart.jar quickstart.Predict named.ck"
        + " 5.1 3.5 1.4 0.2").strip());
  }

  @Test
  void noTestLibraryReachesAUsersJar() throws Exception {
    assertNoTestClasses(project.resolve("target/quickstart.jar"));
    // every module a user may depend on, through a shaded jar of a project using them all
    Path consumer = Files.createDirectories(dir.resolve("consumer"));
    String pom = Files.readString(project.resolve("pom.xml"), StandardCharsets.UTF_8);
    StringBuilder deps = new StringBuilder();
    for (String module : StagedRepository.MODULES) {
      if (!module.equals("processor")) {
        deps.append("    <dependency>\n      <groupId>dev.unroll</groupId>\n      <artifactId>unroll-")
            .append(module).append("</artifactId>\n      <version>${unroll.version}</version>\n"
                + "    </dependency>\n");
      }
    }
    pom = pom.replaceFirst("(?s)<dependencies>.*</dependencies>",
        Matcher.quoteReplacement("<dependencies>\n" + deps + "  </dependencies>"))
        .replace("<finalName>quickstart</finalName>", "<finalName>consumer</finalName>");
    Files.writeString(consumer.resolve("pom.xml"), pom);
    run(consumer, BUILD);
    assertNoTestClasses(consumer.resolve("target/consumer.jar"));
  }

  @Test
  void theReadmeShowsThePomTheProgramsAndTheCommandsTheTestRuns() throws IOException {
    String readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
    Path example = root.resolve("examples/quickstart");
    for (Path shown : List.of(example.resolve("pom.xml"),
        example.resolve("src/main/java/quickstart/Iris.java"),
        example.resolve("src/main/java/quickstart/Train.java"),
        example.resolve("src/main/java/quickstart/Predict.java"))) {
      String text = Files.readString(shown, StandardCharsets.UTF_8);
      assertTrue(readme.contains(text), "README.md does not show " + root.relativize(shown)
          + " as it is");
    }
    for (String command : List.of(BUILD, TRAIN, PREDICT)) {
      assertTrue(readme.contains("\n" + command + "\n"), "README.md lacks: " + command);
    }
  }

  private static void assertNoTestClasses(Path jar) throws IOException {
    List<String> found = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      for (Enumeration<JarEntry> e = file.entries(); e.hasMoreElements(); ) {
        String name = e.nextElement().getName();
        for (String p : TEST_PACKAGES) {
          if (name.startsWith(p)) {
            found.add(name);
          }
        }
      }
    }
    assertTrue(found.isEmpty(), jar.getFileName() + " holds " + found.size()
        + " classes of test libraries, e.g. " + found.subList(0, Math.min(5, found.size())));
  }

  /** Runs a README command in the quickstart's folder: mvn on the staged repository. */
  private static String run(String command) throws Exception {
    return run(project, command);
  }

  private static String run(Path in, String command) throws Exception {
    List<String> words = new ArrayList<>(List.of(command.split(" ")));
    String program = words.remove(0);
    List<String> full = new ArrayList<>();
    if (program.equals("mvn")) {
      List<String> args = new ArrayList<>(words);
      args.addAll(repo.mavenArguments());
      full.addAll(Command.maven(args));
    } else {
      full.add(Command.java());
      full.addAll(words);
    }
    return Command.run(in, full);
  }

  /** The fraction in the table's first line, "accuracy 93.3% (28 of 30), ...". */
  private static double testAccuracy(String output) {
    for (String line : output.split("\n")) {
      if (line.startsWith("accuracy ")) {
        String[] ofAll = line.substring(line.indexOf('(') + 1, line.indexOf(')')).split(" of ");
        return Double.parseDouble(ofAll[0]) / Double.parseDouble(ofAll[1]);
      }
    }
    throw new AssertionError("no accuracy line in:\n" + output);
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  /** Copies the example's sources and data, not a build's output. */
  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path rel = from.relativize(p);
        if (rel.startsWith("target") || p.toString().endsWith(".ck")) {
          continue;
        }
        Path dest = to.resolve(rel.toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest);
        }
      }
    }
  }
}
