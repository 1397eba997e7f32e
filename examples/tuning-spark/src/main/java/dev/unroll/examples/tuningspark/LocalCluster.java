package dev.unroll.examples.tuningspark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkConf;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * A Spark standalone cluster on 127.0.0.1: a master and workers, each its own JVM, started from
 * spark-core's {@code deploy.master.Master} and {@code deploy.worker.Worker} classes on this JVM's
 * class path, so no Spark download is needed. For tests and measurements on one machine; a real
 * cluster is started with Spark's {@code sbin/start-master.sh} and {@code start-worker.sh}.
 *
 * <p>The executors the workers launch get this JVM's class path ({@code
 * spark.executor.extraClassPath} in {@link #conf}), standing in for the application jar that
 * {@code spark-submit} would ship.
 */
public final class LocalCluster implements AutoCloseable {
  private static final String HOST = "127.0.0.1";

  private final Path dir;
  private final String classPath;
  private final int port;
  private final Process master;
  private final List<Process> workers = new ArrayList<>();

  private LocalCluster(Path dir, String classPath, int port, Process master) {
    this.dir = dir;
    this.classPath = classPath;
    this.port = port;
    this.master = master;
  }

  /**
   * Starts a master and {@code workers} workers of {@code cores} cores and 1 GB each, logging to
   * files in {@code dir}, and returns once every worker has registered.
   */
  public static LocalCluster start(Path dir, int workers, int cores) throws IOException {
    Files.createDirectories(dir.resolve("spark-home/jars"));
    String classPath = System.getProperty("java.class.path");
    int port = freePort();
    Process master = launch(dir, classPath, "master", List.of(
        "org.apache.spark.deploy.master.Master", "--host", HOST, "--port",
        Integer.toString(port), "--webui-port", "0"));
    LocalCluster c = new LocalCluster(dir, classPath, port, master);
    try {
      c.await("master", master, "I have been elected leader");
      for (int i = 0; i < workers; i++) {
        c.startWorker(cores);
      }
    } catch (IOException | RuntimeException e) {
      c.close();
      throw e;
    }
    return c;
  }

  /** {@code spark://127.0.0.1:<port>}. */
  public String masterUrl() {
    return "spark://" + HOST + ":" + port;
  }

  /** Starts one more worker and returns its number once it has registered. */
  public int startWorker(int cores) throws IOException {
    int n = workers.size();
    Path work = dir.resolve("worker-" + n);
    Files.createDirectories(work);
    Process p = launch(dir, classPath, "worker-" + n, List.of(
        "org.apache.spark.deploy.worker.Worker", "--host", HOST, "--port", "0", "--webui-port",
        "0", "--cores", Integer.toString(cores), "--memory", "1g", "--work-dir", work.toString(),
        masterUrl()));
    workers.add(p);
    await("worker-" + n, p, "Successfully registered with master");
    return n;
  }

  /**
   * Kills worker {@code n}'s JVM at once (no shutdown hooks), as a machine that dies would; its
   * executor sees the worker gone and exits, and the driver reschedules the executor's tasks.
   */
  public void killWorker(int n) throws InterruptedException {
    Process p = workers.get(n);
    p.destroyForcibly();
    p.waitFor();
  }

  /**
   * A driver's settings for this cluster: 1 core and 512 MB per executor, this JVM's class path
   * and Spark's Java 17 options for the executors, no web UI.
   */
  public SparkConf conf(String appName) {
    SparkConf conf = new SparkConf().setMaster(masterUrl()).setAppName(appName);
    driverSettings().forEach(conf::set);
    return conf;
  }

  /**
   * The settings of {@link #conf} besides master and name, for a driver in another JVM as {@code
   * -Dkey=value} options (SparkConf reads {@code spark.*} system properties).
   */
  public Map<String, String> driverSettings() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("spark.driver.host", HOST);
    m.put("spark.driver.bindAddress", HOST);
    m.put("spark.executor.cores", "1");
    m.put("spark.executor.memory", "512m");
    m.put("spark.executor.extraClassPath", classPath);
    m.put("spark.executor.extraJavaOptions", String.join(" ", jvmOptions()));
    m.put("spark.ui.enabled", "false");
    return m;
  }

  /** This JVM's class path, which the executors get too. */
  public String classPath() {
    return classPath;
  }

  /** Spark's Java 17 options (JavaModuleOptions), which every JVM running Spark needs. */
  public static List<String> jvmOptions() {
    return List.of(JavaModuleOptions.defaultModuleOptionArray());
  }

  /** Stops the workers, then the master. */
  @Override
  public void close() {
    for (Process p : workers) {
      p.destroy();
    }
    master.destroy();
    for (Process p : workers) {
      waitOrKill(p);
    }
    waitOrKill(master);
  }

  private static void waitOrKill(Process p) {
    try {
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static Process launch(Path dir, String classPath, String name, List<String> main)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx256m");
    // Spark's own INFO logging, whatever log4j2 file the class path holds: start-up is awaited
    // by its log lines.
    cmd.add("-Dlog4j2.configurationFile=org/apache/spark/log4j2-defaults.properties");
    cmd.addAll(jvmOptions());
    cmd.add("-cp");
    cmd.add(classPath);
    cmd.addAll(main);
    ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".log").toFile());
    // A worker builds each executor's command from SPARK_HOME/jars (empty here: the class path
    // comes from spark.executor.extraClassPath) and the Scala version of the build.
    b.environment().put("SPARK_HOME", dir.resolve("spark-home").toString());
    b.environment().put("SPARK_SCALA_VERSION", "2.13");
    b.environment().put("SPARK_LOCAL_IP", HOST);
    return b.start();
  }

  private void await(String name, Process p, String line) throws IOException {
    Path log = dir.resolve(name + ".log");
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readString(log, StandardCharsets.ISO_8859_1).contains(line)) {
        return;
      }
      if (!p.isAlive()) {
        throw new IllegalStateException(name + " exited with " + p.exitValue() + ": "
            + Files.readString(log, StandardCharsets.ISO_8859_1));
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted waiting for " + name, e);
      }
    }
    throw new IllegalStateException(name + " did not log \"" + line + "\" within 2 minutes; see "
        + log);
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
