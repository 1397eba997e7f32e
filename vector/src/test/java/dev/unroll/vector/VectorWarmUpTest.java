package dev.unroll.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The warm-up's decision: kernels switch to their vector paths once rounds allocate nothing, and
 * a JVM whose rounds keep allocating (the Vector API boxed) gets one message on stderr naming the
 * fix, and the kernels stay on their fallback.
 */
class VectorWarmUpTest {
  /** Kept reachable, so that no allocation in a round can be optimized away. */
  static volatile Object sink;

  @Test
  void roundsThatAllocateNothingSwitchTheKernels() {
    AtomicInteger rounds = new AtomicInteger();
    AtomicInteger ready = new AtomicInteger();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    VectorWarmUp.run("Test", () -> {
      if (rounds.incrementAndGet() <= 3) {
        sink = new byte[1000];
      }
    }, ready::incrementAndGet, 60_000_000_000L, new PrintStream(err, true));
    assertEquals(1, ready.get());
    assertEquals(5, rounds.get(), "3 allocating rounds, then 2 clean ones");
    assertEquals("", err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void roundsThatKeepAllocatingSaySoOnceAndStayScalar() {
    AtomicInteger ready = new AtomicInteger();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    VectorWarmUp.run("Test", () -> sink = new byte[1000], ready::incrementAndGet,
        50_000_000L, new PrintStream(err, true));
    assertEquals(0, ready.get());
    String message = err.toString(StandardCharsets.UTF_8);
    assertEquals(1, message.lines().count(), message);
    assertTrue(message.startsWith("Unroll: the Vector API kernels (Test) still allocate"), message);
    assertTrue(message.contains("Fix: run on a HotSpot JDK 17 or later"), message);
  }
}
