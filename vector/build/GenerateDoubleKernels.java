import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes DoubleKernels.java from FloatKernels.java (and DoubleFallback.java from
 * FloatFallback.java), as EJML writes its 32-bit code from its 64-bit code: the Vector API has one class per element type (FloatVector, DoubleVector) and no type
 * parameter that keeps its intrinsics, so the two kernel classes are one text with the type
 * words swapped. The rules, applied line by line:
 *
 * <ul>
 *   <li>lines from {@code //#float-only} to {@code //#end} are dropped (code that needs int lanes
 *       as many as the float lanes);
 *   <li>a cast {@code (float) } is dropped (the double expression needs none);
 *   <li>a float literal loses its suffix: {@code 1.0f} becomes {@code 1.0};
 *   <li>{@code Float} becomes {@code Double} wherever it stands ({@code FloatVector}, {@code
 *       Float.MAX_EXPONENT}, {@code reinterpretAsFloats}), except in {@code Floating} ({@code
 *       viewAsFloatingLanes} is a name of both types), and the word {@code float} becomes {@code
 *       double}.
 * </ul>
 *
 * <p>Run by the vector module's build (exec-maven-plugin, phase generate-sources) with the JDK's
 * source launcher, so it needs no compile step of its own: {@code java GenerateDoubleKernels.java
 * outputDirectory FloatKernels.java FloatFallback.java}. The output goes to
 * target/generated-sources and is never
 * committed, so it cannot go stale.
 */
public final class GenerateDoubleKernels {
  private GenerateDoubleKernels() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: GenerateDoubleKernels outDir FloatX.java...");
    }
    for (int f = 1; f < args.length; f++) {
      Path from = Path.of(args[f]);
      String name = from.getFileName().toString();
      Path to = Path.of(args[0], "dev", "unroll", "vector", toDouble(name));
      Files.createDirectories(to.getParent());
      Files.write(to, generate(from, name), StandardCharsets.UTF_8);
    }
  }

  /** The lines of the double twin of the float source {@code from}. */
  static List<String> generate(Path from, String name) throws IOException {
    List<String> out = new ArrayList<>();
    out.add("// Generated from " + name
        + " by the vector module's build/GenerateDoubleKernels.java.");
    out.add("// Do not edit: change " + name + ".");
    boolean dropping = false;
    int lineNumber = 0;
    for (String line : Files.readAllLines(from, StandardCharsets.UTF_8)) {
      lineNumber++;
      String directive = line.trim();
      if (directive.equals("//#float-only")) {
        check(!dropping, from, lineNumber, "//#float-only inside another");
        dropping = true;
      } else if (directive.equals("//#end")) {
        check(dropping, from, lineNumber, "//#end without //#float-only");
        dropping = false;
      } else if (!dropping) {
        out.add(toDouble(line));
      }
    }
    check(!dropping, from, lineNumber, "//#float-only without //#end");
    return out;
  }

  /** One line of FloatKernels as the same line of DoubleKernels. */
  static String toDouble(String line) {
    return line
        .replace("(float) ", "")
        .replaceAll("\\b(\\d+\\.\\d+)f\\b", "$1")
        .replaceAll("Float(?!ing)", "Double")
        .replaceAll("\\bfloat\\b", "double");
  }

  private static void check(boolean ok, Path file, int line, String message) {
    if (!ok) {
      throw new IllegalStateException(file + ":" + line + ": " + message);
    }
  }
}
