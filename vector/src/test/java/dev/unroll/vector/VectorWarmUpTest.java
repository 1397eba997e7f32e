package dev.unroll.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The warm-up's decision: only kernels that have been called are warmed up, each switches to its
 * vector paths once its runs allocate nothing, and
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
    Runnable allocatesThreeTimes = () -> {
      if (rounds.incrementAndGet() <= 3) {
        sink = new byte[1000];
      }
    };
    // kernel 1 is first called once the others are ready: it must not be warmed up before
    Runnable calledLate = () -> assertEquals(1 | 4, ready.get(), "warmed up before it was called");
    Runnable clean = () -> { };
    VectorWarmUp.run("Test", new Runnable[] {allocatesThreeTimes, calledLate, clean},
        () -> ready.get() == (1 | 4) ? 1 | 2 | 4 : 1 | 4, ready::addAndGet, 60_000_000_000L, 1,
        new PrintStream(err, true));
    assertEquals(1 | 2 | 4, ready.get(), "each kernel ready once");
    assertEquals(5, rounds.get(), "3 allocating runs, then 2 clean ones");
    assertEquals("", err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void roundsThatKeepAllocatingSaySoOnceAndStayScalar() {
    AtomicInteger ready = new AtomicInteger();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Runnable allocates = () -> sink = new byte[1000];
    VectorWarmUp.run("Test", new Runnable[] {allocates}, () -> 1, ready::addAndGet,
        50_000_000L, 1, new PrintStream(err, true));
    assertEquals(0, ready.get());
    String message = err.toString(StandardCharsets.UTF_8);
    assertEquals(1, message.lines().count(), message);
    assertTrue(message.startsWith("Unroll: the Vector API kernels (Test) still allocate"), message);
    assertTrue(message.contains("Fix: run on a HotSpot JDK 17 or later"), message);
  }
}
