package dev.unroll.train.checkpoint;

import dev.unroll.data.io.NamedArray;
import dev.unroll.data.io.Safetensors;
import dev.unroll.data.io.TensorFile;
import dev.unroll.data.prep.FittedStep;
import dev.unroll.runtime.Model;
import dev.unroll.runtime.Tensor;
import dev.unroll.spec.Precision;
import dev.unroll.train.optim.Optimizer;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saves and loads a network's state in one safetensors file: weights ({@code param/<name>}),
 * batch-norm running statistics ({@code buffer/<name>}), the optimizer's state
 * ({@code optim/<name>.<slot>}) and preprocessing statistics ({@code prep/<name>}), with the
 * network's {@link Model#fingerprint()} and {@link Model#architecture()} in the metadata.
 *
 * <p>Loading refuses a file of another architecture (different fingerprint) with both
 * architectures in the message, and a truncated or malformed file; it checks every tensor's
 * presence, dtype and shape before it writes anything into the network, so a refused load leaves
 * the network as it was. Saving goes through the data module's writer, which writes a temporary
 * file in the same directory and renames it over the target: an interrupted save leaves the last
 * good file intact, and the next save of the same file deletes the temporary file a killed save
 * left. A load validates every tensor and metadata value (L2 strength, step count) before its
 * first write: a refused load leaves network and optimizer exactly as they were.
 */
public final class Checkpoint {
  /** Metadata key of the format marker. */
  public static final String FORMAT_KEY = "unroll.format";
  /** Value of the format marker. */
  public static final String FORMAT = "unroll-checkpoint-1";
  /** Metadata key of the architecture fingerprint. */
  public static final String FINGERPRINT_KEY = "unroll.fingerprint";
  /** Metadata key of the architecture text. */
  public static final String ARCHITECTURE_KEY = "unroll.architecture";

  private static final String SPEC = "unroll.spec";
  private static final String PRECISION = "unroll.precision";
  private static final String L2 = "unroll.l2";
  private static final String OPTIMIZER = "unroll.optimizer";
  private static final String STEPS = "unroll.optimizer.steps";
  private static final String PREP = "prep.";

  private Checkpoint() {}

  /** Saves the network's parameters and buffers. */
  public static void save(Path path, Model model) throws IOException {
    save(path, model, null, null);
  }

  /**
   * Saves the network, the optimizer's state (when not null) and the preprocessing statistics and
   * settings (when not null), replacing {@code path} atomically.
   */
  public static void save(Path path, Model model, Optimizer optimizer, FittedStep preprocessing)
      throws IOException {
    TensorFile.Builder file = TensorFile.builder()
        .metadata(FORMAT_KEY, FORMAT)
        .metadata(FINGERPRINT_KEY, model.fingerprint())
        .metadata(ARCHITECTURE_KEY, model.architecture())
        .metadata(SPEC, model.specName())
        .metadata(PRECISION, model.precision().name())
        .metadata(L2, Double.toString(model.l2()));
    for (Tensor t : model.params()) {
      file.put(array("param/" + t.name(), t));
    }
    for (Tensor t : model.buffers()) {
      file.put(array("buffer/" + t.name(), t));
    }
    if (optimizer != null) {
      file.metadata(OPTIMIZER, optimizer.name());
      file.metadata(STEPS, Long.toString(optimizer.steps()));
      for (Tensor t : optimizer.state()) {
        file.put(array("optim/" + t.name(), t));
      }
    }
    if (preprocessing != null) {
      for (Map.Entry<String, String> e : preprocessing.settings().entrySet()) {
        file.metadata(PREP + e.getKey(), e.getValue());
      }
      for (NamedArray a : preprocessing.statistics()) {
        file.put(rename(a, "prep/" + a.name()));
      }
    }
    deleteStaleTemps(path);
    Safetensors.write(path, file.build());
  }

  /**
   * Deletes what killed saves of {@code path} left: the data module's writer names its temporary
   * file {@code .<file name>.<System.nanoTime()>.tmp} beside the target and renames it over the
   * target at the end, so a save killed before the rename leaves one behind. Only names of
   * exactly that form, for this target, are touched; a save running at the same time on the same
   * file would lose its temporary file (saves of one file are not meant to overlap: the last
   * rename would win anyway).
   */
  private static void deleteStaleTemps(Path path) throws IOException {
    Path target = path.toAbsolutePath();
    Path dir = target.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      return;
    }
    String prefix = "." + target.getFileName() + ".";
    try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir,
        p -> isTempOf(p.getFileName().toString(), prefix)
            && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))) {
      for (Path temp : temps) {
        Files.deleteIfExists(temp);
      }
    }
  }

  /** Whether {@code name} is {@code prefix} + a nanoTime (which may be negative) + ".tmp". */
  private static boolean isTempOf(String name, String prefix) {
    if (!name.startsWith(prefix) || !name.endsWith(".tmp")) {
      return false;
    }
    String stamp = name.substring(prefix.length(), name.length() - ".tmp".length());
    return stamp.matches("-?[0-9]{1,19}");
  }

  /** What a checkpoint held besides the network's own state. */
  public record Loaded(Map<String, String> metadata, TensorFile preprocessing) {
    /** Whether preprocessing statistics were saved. */
    public boolean hasPreprocessing() {
      return preprocessing != null;
    }
  }

  /** Loads parameters and buffers into {@code model}; see {@link #load(Path, Model, Optimizer)}. */
  public static Loaded load(Path path, Model model) throws IOException {
    return load(path, model, null);
  }

  /**
   * Loads the file into {@code model} and, when not null, {@code optimizer} (which must be of the
   * kind saved). The L2 strength saved is restored too. The preprocessing part comes back as a
   * {@link TensorFile} with the names and settings the data module wrote.
   *
   * @throws CheckpointException when the file is unreadable or truncated, of another
   *     architecture, or lacks or misshapes a tensor the network or optimizer needs
   */
  public static Loaded load(Path path, Model model, Optimizer optimizer) throws IOException {
    TensorFile file;
    try {
      file = Safetensors.read(path);
    } catch (dev.unroll.data.DataFileException e) {
      throw new CheckpointException(path, "not a readable checkpoint: " + e.problem(), e);
    }
    Map<String, String> meta = file.metadata();
    if (!FORMAT.equals(meta.get(FORMAT_KEY))) {
      throw new CheckpointException(path, "not an Unroll checkpoint: metadata " + FORMAT_KEY
          + " is " + meta.get(FORMAT_KEY) + ", expected " + FORMAT);
    }
    String fingerprint = meta.get(FINGERPRINT_KEY);
    if (!model.fingerprint().equals(fingerprint)) {
      throw new CheckpointException(path, "saved from another architecture, refusing to load it"
          + " into " + model.specName() + ".\n  file:    " + meta.get(ARCHITECTURE_KEY)
          + " (spec " + meta.get(SPEC) + ", fingerprint " + shortHash(fingerprint) + ")"
          + "\n  network: " + model.architecture() + " (fingerprint "
          + shortHash(model.fingerprint()) + ")\nLoad it into the network generated from the"
          + " spec it was saved from.");
    }
    List<Runnable> writes = new ArrayList<>();
    for (Tensor t : model.params()) {
      writes.add(planCopy(path, file, "param/" + t.name(), t));
    }
    for (Tensor t : model.buffers()) {
      writes.add(planCopy(path, file, "buffer/" + t.name(), t));
    }
    long steps = 0;
    if (optimizer != null) {
      String saved = meta.get(OPTIMIZER);
      if (saved == null) {
        throw new CheckpointException(path, "holds no optimizer state; load without an optimizer"
            + " or save one with it");
      }
      if (!saved.equals(optimizer.name())) {
        throw new CheckpointException(path, "optimizer state is from " + saved
            + ", the optimizer given is " + optimizer.name());
      }
      steps = parseSteps(path, meta.get(STEPS));
      for (Tensor t : optimizer.state()) {
        writes.add(planCopy(path, file, "optim/" + t.name(), t));
      }
    }
    double l2 = meta.containsKey(L2) ? parseL2(path, meta.get(L2)) : model.l2();
    TensorFile preprocessing = preprocessing(file);
    // Every tensor and metadata value checked: only now does anything change.
    for (Runnable w : writes) {
      w.run();
    }
    model.parametersChanged();
    if (optimizer != null) {
      optimizer.setSteps(steps);
    }
    model.setL2(l2);
    return new Loaded(meta, preprocessing);
  }

  private static TensorFile preprocessing(TensorFile file) {
    TensorFile.Builder prep = TensorFile.builder();
    boolean any = false;
    for (Map.Entry<String, String> e : file.metadata().entrySet()) {
      if (e.getKey().startsWith(PREP)) {
        prep.metadata(e.getKey().substring(PREP.length()), e.getValue());
        any = true;
      }
    }
    for (NamedArray a : file.tensors()) {
      if (a.name().startsWith("prep/")) {
        prep.put(rename(a, a.name().substring("prep/".length())));
        any = true;
      }
    }
    return any ? prep.build() : null;
  }

  private static Runnable planCopy(Path path, TensorFile file, String name, Tensor t)
      throws CheckpointException {
    if (!file.contains(name)) {
      throw new CheckpointException(path, "has no tensor " + name + " (" + t.rows() + " x "
          + t.cols() + "); the file holds " + file.names());
    }
    NamedArray a = file.get(name);
    int[] shape = a.shape();
    if (shape.length != 2 || shape[0] != t.rows() || shape[1] != t.cols()) {
      throw new CheckpointException(path, "tensor " + name + " has shape "
          + java.util.Arrays.toString(shape) + ", the network needs [" + t.rows() + ", "
          + t.cols() + "]");
    }
    boolean wantFloat = t.precision() == Precision.FLOAT;
    if (wantFloat != (a.dtype() == dev.unroll.data.io.Dtype.F32)) {
      throw new CheckpointException(path, "tensor " + name + " is " + a.dtype() + ", the network"
          + " is " + t.precision());
    }
    if (wantFloat) {
      float[] src = a.floats();
      return () -> {
        float[][] dst = t.floats();
        for (int r = 0; r < dst.length; r++) {
          System.arraycopy(src, r * dst[r].length, dst[r], 0, dst[r].length);
        }
      };
    }
    double[] src = a.doubles();
    return () -> {
      double[][] dst = t.doubles();
      for (int r = 0; r < dst.length; r++) {
        System.arraycopy(src, r * dst[r].length, dst[r], 0, dst[r].length);
      }
    };
  }

  private static long parseSteps(Path path, String text) throws CheckpointException {
    long steps;
    try {
      steps = Long.parseLong(text);
    } catch (NumberFormatException | NullPointerException e) {
      throw new CheckpointException(path, "metadata " + STEPS + " is " + quote(text)
          + ", not a step count");
    }
    if (steps < 0) {
      throw new CheckpointException(path, "metadata " + STEPS + " is " + quote(text)
          + ", a step count must be >= 0");
    }
    return steps;
  }

  /** The saved L2 strength; the generated setL2 takes finite values >= 0 only. */
  private static double parseL2(Path path, String text) throws CheckpointException {
    double l2;
    try {
      l2 = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new CheckpointException(path, "metadata " + L2 + " is " + quote(text)
          + ", not a number");
    }
    if (!(l2 >= 0 && l2 < Double.POSITIVE_INFINITY)) {
      throw new CheckpointException(path, "metadata " + L2 + " is " + quote(text)
          + ", an L2 strength must be finite and >= 0");
    }
    return l2;
  }

  private static String quote(String text) {
    return text == null ? "missing" : '"' + text + '"';
  }

  private static NamedArray array(String name, Tensor t) {
    return t.precision() == Precision.FLOAT
        ? NamedArray.ofRows(name, t.floats())
        : NamedArray.ofRows(name, t.doubles());
  }

  private static NamedArray rename(NamedArray a, String name) {
    return a.dtype() == dev.unroll.data.io.Dtype.F32
        ? NamedArray.of(name, a.floats(), a.shape())
        : NamedArray.of(name, a.doubles(), a.shape());
  }

  private static String shortHash(String h) {
    return h == null ? "none" : h.substring(0, Math.min(12, h.length()));
  }

  /** Metadata entries of the file, for inspection without a network. */
  public static Map<String, String> metadata(Path path) throws IOException {
    return new LinkedHashMap<>(Safetensors.read(path).metadata());
  }
}
