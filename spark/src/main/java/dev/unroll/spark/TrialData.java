package dev.unroll.spark;

import dev.unroll.data.Split;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.broadcast.Broadcast;

/**
 * Where a task finds its data: a broadcast of a small set, or a path each executor JVM loads once.
 * Either way the split is cached per JVM, so a JVM's tasks share one read-only copy (the trainer
 * never writes a {@code Dataset}'s rows).
 */
sealed interface TrialData extends Serializable {
  /** The training and validation splits, from this JVM's cache. */
  Split split();

  /** A small set sent once to each executor. */
  record Broadcasted(Broadcast<SharedArrays[]> arrays) implements TrialData {
    @Override
    public Split split() {
      return Cache.SPLITS.computeIfAbsent("broadcast " + arrays.id(), k -> {
        SharedArrays[] a = arrays.value();
        return new Split(a[0].dataset(), a[1].dataset(), null);
      });
    }
  }

  /** A large set on storage every executor reads, loaded by a {@link DataSource} class. */
  record Loaded(String path, String sourceClass) implements TrialData {
    @Override
    public Split split() {
      return Cache.SPLITS.computeIfAbsent(sourceClass + " " + path, k -> {
        try {
          return Classes.instance(sourceClass, DataSource.class).load(path);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot load the trials' data from " + path, e);
        }
      });
    }
  }

  /** The per-JVM cache. */
  final class Cache {
    static final Map<String, Split> SPLITS = new ConcurrentHashMap<>();

    private Cache() {}
  }
}
