package dev.unroll.data.prep;

import dev.unroll.data.DataFileException;
import dev.unroll.data.Dataset;
import dev.unroll.data.io.Dtype;
import dev.unroll.data.io.NamedArray;
import dev.unroll.data.io.Safetensors;
import dev.unroll.data.io.TensorFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fitted preprocessing steps applied in order. Save it next to the model with {@link #save}, load
 * it at inference with {@link #load}: the loaded pipeline holds the same doubles and computes
 * bit-identical outputs.
 *
 * <p>File layout (safetensors): metadata {@code format=unroll-preprocessing}, {@code version=1},
 * {@code features}, {@code steps}, and per step {@code i} its {@code step.i.kind} and settings
 * {@code step.i.<name>}; tensors {@code step.i.<statistic>}, all F64.
 */
public final class FittedPipeline implements FittedStep {
  /** Value of the {@code format} metadata entry. */
  public static final String FORMAT = "unroll-preprocessing";

  private final List<FittedStep> steps;
  private final int features;

  FittedPipeline(List<FittedStep> steps, int features) {
    int width = features;
    for (FittedStep s : steps) {
      if (s.inputSize() != width) {
        throw new IllegalArgumentException("step " + s.kind() + " takes " + s.inputSize()
            + " features but receives " + width);
      }
      width = s.outputSize();
    }
    this.steps = List.copyOf(steps);
    this.features = features;
  }

  /** The fitted steps in order. */
  public List<FittedStep> steps() {
    return steps;
  }

  @Override
  public String kind() {
    return "pipeline";
  }

  @Override
  public int inputSize() {
    return features;
  }

  @Override
  public int outputSize() {
    return steps.isEmpty() ? features : steps.get(steps.size() - 1).outputSize();
  }

  /** Transforms one row through every step (allocates the intermediate rows). */
  @Override
  public void apply(float[] in, float[] out) {
    Checks.row(this, in, out);
    float[] current = in;
    for (int i = 0; i < steps.size(); i++) {
      FittedStep s = steps.get(i);
      float[] next = i + 1 == steps.size() ? out : new float[s.outputSize()];
      s.apply(current, next);
      current = next;
    }
    if (steps.isEmpty()) {
      System.arraycopy(in, 0, out, 0, features);
    }
  }

  @Override
  public float[][] apply(float[][] x) {
    float[][] current = x;
    for (FittedStep s : steps) {
      current = s.apply(current);
    }
    return current == x ? copy(x) : current;
  }

  @Override
  public Dataset apply(Dataset data) {
    return data.withFeatures(apply(data.x()));
  }

  private static float[][] copy(float[][] x) {
    float[][] out = new float[x.length][];
    for (int i = 0; i < x.length; i++) {
      out[i] = x[i].clone();
    }
    return out;
  }

  /** Every step's statistics, named {@code step.i.<statistic>}. */
  @Override
  public List<NamedArray> statistics() {
    List<NamedArray> all = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      for (NamedArray a : steps.get(i).statistics()) {
        all.add(rename(a, "step." + i + "." + a.name()));
      }
    }
    return all;
  }

  /** The file's metadata: format, version, features, steps and every step's kind and settings. */
  @Override
  public Map<String, String> settings() {
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("format", FORMAT);
    meta.put("version", "1");
    meta.put("features", Integer.toString(features));
    meta.put("steps", Integer.toString(steps.size()));
    for (int i = 0; i < steps.size(); i++) {
      FittedStep s = steps.get(i);
      meta.put("step." + i + ".kind", s.kind());
      for (Map.Entry<String, String> e : s.settings().entrySet()) {
        meta.put("step." + i + "." + e.getKey(), e.getValue());
      }
    }
    return meta;
  }

  /**
   * Writes the statistics and settings to a safetensors file, replacing it atomically.
   *
   * @throws IllegalStateException when a step is not one of this package's kinds
   */
  public void save(Path path) throws IOException {
    Safetensors.write(path, toTensorFile());
  }

  /**
   * The statistics and settings as a file's contents, for storing inside another file such as a
   * checkpoint; {@link #fromTensorFile} reverses it.
   *
   * @throws IllegalStateException when a step is not one of this package's kinds
   */
  public TensorFile toTensorFile() {
    for (FittedStep s : steps) {
      if (!List.of(MeanCentering.KIND, Standardization.KIND, Pca.KIND).contains(s.kind())
          || s instanceof FittedPipeline) {
        throw new IllegalStateException("cannot save a step of kind " + s.kind()
            + ": only center, standardize and pca can be restored");
      }
    }
    return TensorFile.of(settings(), statistics());
  }

  /**
   * Reads a pipeline saved by {@link #save}.
   *
   * @throws DataFileException when the file is not a valid safetensors file, is not a
   *     preprocessing file, or a step's kind, settings or statistics are wrong
   */
  public static FittedPipeline load(Path path) throws IOException {
    return fromTensorFile(Safetensors.read(path), path);
  }

  /**
   * Restores a pipeline from the contents {@link #toTensorFile} made.
   *
   * @param source the file the contents came from, named in error messages
   * @throws DataFileException when the contents are not a preprocessing pipeline, or a step's
   *     kind, settings or statistics are wrong
   */
  public static FittedPipeline fromTensorFile(TensorFile file, Path source)
      throws DataFileException {
    Map<String, String> meta = file.metadata();
    if (!FORMAT.equals(meta.get("format"))) {
      throw new DataFileException(source, "not a preprocessing file: metadata format is "
          + meta.get("format") + ", expected " + FORMAT);
    }
    List<FittedStep> steps = new ArrayList<>();
    int count = intMeta(source, meta, "steps");
    for (int i = 0; i < count; i++) {
      String prefix = "step." + i + ".";
      Map<String, String> settings = new HashMap<>();
      meta.forEach((k, v) -> {
        if (k.startsWith(prefix)) {
          settings.put(k.substring(prefix.length()), v);
        }
      });
      Map<String, NamedArray> stats = new HashMap<>();
      for (NamedArray a : file.tensors()) {
        if (a.name().startsWith(prefix)) {
          stats.put(a.name().substring(prefix.length()), a);
        }
      }
      String kind = settings.get("kind");
      try {
        steps.add(restore(kind, settings, stats));
      } catch (RuntimeException e) {
        throw new DataFileException(source, "step " + i + " (" + kind + "): " + e.getMessage(), e);
      }
    }
    try {
      return new FittedPipeline(steps, intMeta(source, meta, "features"));
    } catch (IllegalArgumentException e) {
      throw new DataFileException(source, e.getMessage(), e);
    }
  }

  private static FittedStep restore(String kind, Map<String, String> settings,
      Map<String, NamedArray> stats) {
    if (kind == null) {
      throw new IllegalArgumentException("no kind");
    }
    switch (kind) {
      case MeanCentering.KIND:
        return MeanCentering.restore(settings, stats);
      case Standardization.KIND:
        return Standardization.restore(settings, stats);
      case Pca.KIND:
        return Pca.restore(settings, stats);
      default:
        throw new IllegalArgumentException("unknown kind; known: " + MeanCentering.KIND + ", "
            + Standardization.KIND + ", " + Pca.KIND);
    }
  }

  private static int intMeta(Path path, Map<String, String> meta, String key)
      throws DataFileException {
    try {
      return Integer.parseInt(meta.get(key));
    } catch (NumberFormatException e) {
      throw new DataFileException(path, "metadata " + key + " is " + meta.get(key)
          + ", not an integer", e);
    }
  }

  private static NamedArray rename(NamedArray a, String name) {
    return a.dtype() == Dtype.F32
        ? NamedArray.of(name, a.floats(), a.shape())
        : NamedArray.of(name, a.doubles(), a.shape());
  }

  @Override
  public String toString() {
    List<String> kinds = new ArrayList<>();
    steps.forEach(s -> kinds.add(s.kind() + " " + s.inputSize() + "->" + s.outputSize()));
    return "FittedPipeline" + kinds;
  }
}
