package dev.unroll.examples.quickstart;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A clean Maven local repository holding this build's artifacts as {@code mvn install} puts them
 * there (each module's jar and pom at {@code dev/unroll/<artifact>/<version>/}), and a settings
 * file that takes everything else from the running build's local repository first.
 */
final class StagedRepository {
  /** The modules a user's build can depend on, by folder. */
  static final List<String> MODULES =
      List.of("runtime", "processor", "vector", "data", "train", "search");

  final Path repository;
  final Path settings;

  private StagedRepository(Path repository, Path settings) {
    this.repository = repository;
    this.settings = settings;
  }

  /**
   * Stages the parent pom and every module of {@code root} into {@code dir/repository}. The jars
   * are made from {@code target/classes}, so the stage works after {@code mvn test} as after
   * {@code mvn package}, always with the classes just compiled.
   *
   * @param buildRepository where the running build keeps third-party artifacts and plugins
   */
  static StagedRepository create(Path root, Path dir, String version, Path buildRepository)
      throws IOException {
    Path repo = dir.resolve("repository");
    stage(repo, "unroll-parent", version, root.resolve("pom.xml"), null);
    for (String module : MODULES) {
      Path folder = root.resolve(module);
      stage(repo, "unroll-" + module, version, folder.resolve("pom.xml"),
          folder.resolve("target/classes"));
    }
    // The build's own repository as a file:// remote, declared before Maven Central, so every
    // plugin and library the reactor already used comes from disk and the nested build needs no
    // network; anything missing (a partial build) still comes from Central. Releases only (no
    // stale snapshot of ours: Central has snapshots off too), no checksums (a local repository
    // keeps none).
    String url = buildRepository.toUri().toString();
    String remote = "<id>build</id><url>" + url + "</url>"
        + "<releases><checksumPolicy>ignore</checksumPolicy></releases>"
        + "<snapshots><enabled>false</enabled></snapshots>";
    String xml = "<settings>\n"
        + "  <localRepository>" + repo.toAbsolutePath() + "</localRepository>\n"
        + "  <profiles><profile><id>build</id>\n"
        + "    <repositories><repository>" + remote + "</repository></repositories>\n"
        + "    <pluginRepositories><pluginRepository>" + remote
        + "</pluginRepository></pluginRepositories>\n"
        + "  </profile></profiles>\n"
        + "  <activeProfiles><activeProfile>build</activeProfile></activeProfiles>\n"
        + "</settings>\n";
    Path settings = Files.writeString(dir.resolve("settings.xml"), xml);
    return new StagedRepository(repo, settings);
  }

  /** The arguments that make {@code mvn} use this repository. */
  List<String> mavenArguments() {
    return List.of("-s", settings.toString(), "-ntp");
  }

  private static void stage(Path repo, String artifact, String version, Path pom, Path classes)
      throws IOException {
    Path dir = repo.resolve("dev/unroll/" + artifact + "/" + version);
    Files.createDirectories(dir);
    Files.copy(pom, dir.resolve(artifact + "-" + version + ".pom"));
    if (classes != null) {
      if (!Files.isDirectory(classes)) {
        throw new IllegalStateException(classes + " is missing: build the module first");
      }
      jar(classes, dir.resolve(artifact + "-" + version + ".jar"));
    }
  }

  private static void jar(Path classes, Path jar) throws IOException {
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file);
        Stream<Path> files = Files.walk(classes)) {
      for (Path p : (Iterable<Path>) files.sorted()::iterator) {
        if (Files.isRegularFile(p)) {
          out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
          Files.copy(p, out);
          out.closeEntry();
        }
      }
    }
  }
}
