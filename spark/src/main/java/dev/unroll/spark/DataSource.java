package dev.unroll.spark;

import dev.unroll.data.Split;
import java.io.IOException;

/**
 * Loads a data set too large to broadcast from storage every executor can read (a shared folder,
 * say). Named by class, with a public no-argument constructor; each executor JVM calls {@link
 * #load} once per path and its tasks share the result read-only.
 */
public interface DataSource {
  /** The training and validation splits stored at {@code path}. */
  Split load(String path) throws IOException;
}
