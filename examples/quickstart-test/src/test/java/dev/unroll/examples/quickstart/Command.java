package dev.unroll.examples.quickstart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs a command in a folder, its output kept in a file and returned. */
final class Command {
  private Command() {}

  /**
   * Runs {@code command} in {@code dir} with {@code JAVA_HOME} set to this JVM's, waits for it.
   *
   * @throws AssertionError with the end of the output when it exits with an error
   */
  static String run(Path dir, List<String> command) throws IOException, InterruptedException {
    Path log = Files.createTempFile(dir, "command", ".log");
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    int code = pb.start().waitFor();
    String output = Files.readString(log, StandardCharsets.UTF_8);
    Files.delete(log);
    if (code != 0) {
      throw new AssertionError(String.join(" ", command) + " in " + dir + " exited with " + code
          + ":\n" + tail(output, 80));
    }
    return output;
  }

  /** {@code mvn}, from the Maven running this build when known. */
  static List<String> maven(List<String> arguments) {
    String home = System.getProperty("unroll.maven.home", "");
    String mvn = home.isEmpty() ? "mvn" : Path.of(home, "bin", "mvn").toString();
    List<String> command = new ArrayList<>();
    command.add(mvn);
    command.addAll(arguments);
    return command;
  }

  /** {@code java} of this JVM. */
  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String tail(String text, int lines) {
    String[] all = text.split("\n");
    StringBuilder s = new StringBuilder();
    for (int i = Math.max(0, all.length - lines); i < all.length; i++) {
      s.append(all[i]).append('\n');
    }
    return s.toString();
  }
}
