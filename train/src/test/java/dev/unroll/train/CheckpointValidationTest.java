package dev.unroll.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unroll.data.io.NamedArray;
import dev.unroll.data.io.Safetensors;
import dev.unroll.data.io.TensorFile;
import dev.unroll.runtime.Model;
import dev.unroll.runtime.Tensor;
import dev.unroll.spec.Precision;
import dev.unroll.train.checkpoint.Checkpoint;
import dev.unroll.train.checkpoint.CheckpointException;
import dev.unroll.train.optim.Optimizer;
import dev.unroll.train.optim.Optimizers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issues 15.11 and 15.14: a refused load leaves network and optimizer exactly as they were and
 * names the file and the key; a save cleans up what killed saves of the same file left.
 */
class CheckpointValidationTest {
  @TempDir Path dir;
  private final Problems data = Problems.blobs(64, 5, 3, 1.0, 4);

  private TestNet net(long seed) {
    TestNet net = new TestNet(TestNet.Config.of(5, 12, 3).precision(Precision.DOUBLE), seed);
    net.setL2(1e-3);
    return net;
  }

  private void step(Model net, Optimizer opt) {
    net.forward(data.x, 32);
    net.loss(data.y, 32);
    net.backward();
    opt.step(1e-2);
  }

  /** A saved checkpoint (net seed 1, adam after 3 steps, l2 0.02) rewritten by {@code edit}. */
  private Path saved(String name, UnaryOperator<Map<String, String>> editMeta,
      UnaryOperator<List<NamedArray>> editTensors) throws IOException {
    TestNet net = net(1);
    net.setL2(0.02);
    Optimizer opt = Optimizers.adam().create(net);
    for (int i = 0; i < 3; i++) {
      step(net, opt);
    }
    Path good = dir.resolve("good-" + name);
    Checkpoint.save(good, net, opt, null);
    TensorFile file = Safetensors.read(good);
    Path bad = dir.resolve(name);
    Safetensors.write(bad, TensorFile.of(editMeta.apply(new LinkedHashMap<>(file.metadata())),
        editTensors.apply(new ArrayList<>(file.tensors()))));
    return bad;
  }

  private Path withMeta(String name, String key, String value) throws IOException {
    return saved(name, m -> {
      if (value == null) {
        m.remove(key);
      } else {
        m.put(key, value);
      }
      return m;
    }, t -> t);
  }

  /** Everything a load could write: parameters, buffers, L2, optimizer state and steps. */
  private static List<double[]> snapshot(Model net, Optimizer opt) {
    List<double[]> all = new ArrayList<>();
    for (Tensor t : net.params()) {
      all.add(t.toArray());
    }
    for (Tensor t : net.buffers()) {
      all.add(t.toArray());
    }
    all.add(new double[] {net.l2(), opt.steps()});
    for (Tensor t : opt.state()) {
      all.add(t.toArray());
    }
    return all;
  }

  private void assertRefusedAndUnchanged(Path file, String key) throws IOException {
    TestNet net = net(9);
    Optimizer opt = Optimizers.adam().create(net);
    step(net, opt);
    List<double[]> before = snapshot(net, opt);
    CheckpointException e =
        assertThrows(CheckpointException.class, () -> Checkpoint.load(file, net, opt));
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains(key), e.getMessage());
    List<double[]> after = snapshot(net, opt);
    assertEquals(before.size(), after.size());
    for (int i = 0; i < before.size(); i++) {
      assertArrayEquals(before.get(i), after.get(i), "array " + i + " changed: " + e.getMessage());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "-5", "NaN", "Infinity", "-0.1", ""})
  void aBadL2IsRefusedBeforeAnythingIsWritten(String value) throws IOException {
    assertRefusedAndUnchanged(withMeta("l2.safetensors", "unroll.l2", value), "unroll.l2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"x", "-3", "1.5", ""})
  void aBadStepCountIsRefusedBeforeAnythingIsWritten(String value) throws IOException {
    assertRefusedAndUnchanged(withMeta("steps.safetensors", "unroll.optimizer.steps", value),
        "unroll.optimizer.steps");
  }

  @Test
  void aMissingStepCountIsRefused() throws IOException {
    assertRefusedAndUnchanged(withMeta("nosteps.safetensors", "unroll.optimizer.steps", null),
        "unroll.optimizer.steps");
  }

  @Test
  void anotherFingerprintIsRefused() throws IOException {
    assertRefusedAndUnchanged(withMeta("fp.safetensors", "unroll.fingerprint", "0".repeat(64)),
        "another architecture");
  }

  @Test
  void aMisshapenOrMissingTensorIsRefused() throws IOException {
    String last = net(1).params().get(net(1).params().size() - 1).name();
    Path shape = saved("shape.safetensors", m -> m, t -> {
      t.replaceAll(a -> a.name().equals("param/" + last)
          ? NamedArray.of(a.name(), new double[a.doubles().length + 1],
              new int[] {1, a.doubles().length + 1})
          : a);
      return t;
    });
    assertRefusedAndUnchanged(shape, "param/" + last);
    Path missing = saved("missing.safetensors", m -> m, t -> {
      t.removeIf(a -> a.name().startsWith("optim/"));
      return t;
    });
    assertRefusedAndUnchanged(missing, "optim/");
  }

  @Test
  void aValidFileStillLoadsEverything() throws IOException {
    Path file = withMeta("ok.safetensors", "unroll.l2", "0.25");
    TestNet net = net(9);
    Optimizer opt = Optimizers.adam().create(net);
    Checkpoint.load(file, net, opt);
    assertEquals(0.25, net.l2());
    assertEquals(3, opt.steps());
  }

  /** Issue 15.14: killed saves leave {@code .<name>.<nanos>.tmp}; the next save deletes them. */
  @Test
  void aSaveDeletesTheTemporaryFilesOfKilledSavesOfTheSameFileOnly() throws IOException {
    Path file = dir.resolve("ck.safetensors");
    List<String> stale = List.of(".ck.safetensors.123456789.tmp",
        ".ck.safetensors.-987654321.tmp", ".ck.safetensors.0.tmp");
    List<String> others = List.of(".other.safetensors.123.tmp", ".ck.safetensors.abc.tmp",
        "ck.safetensors.123.tmp", ".ck.safetensors.123.tmp.keep", ".ck.safetensors123.tmp",
        ".ck.safetensors..tmp", ".xck.safetensors.123.tmp", "ck.safetensors.bak");
    for (String name : stale) {
      Files.write(dir.resolve(name), new byte[] {1, 2, 3});
    }
    for (String name : others) {
      Files.write(dir.resolve(name), new byte[] {4});
    }
    TestNet net = net(1);
    Checkpoint.save(file, net);
    try (Stream<Path> files = Files.list(dir)) {
      List<String> left = files.map(p -> p.getFileName().toString()).sorted().toList();
      List<String> expected = new ArrayList<>(others);
      expected.add("ck.safetensors");
      assertEquals(expected.stream().sorted().toList(), left);
    }
    TestNet restored = net(7);
    Checkpoint.load(file, restored);
    assertArrayEquals(net.params().get(0).toArray(), restored.params().get(0).toArray());
  }
}
