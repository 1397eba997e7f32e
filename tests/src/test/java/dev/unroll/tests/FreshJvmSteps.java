package dev.unroll.tests;

import com.sun.management.ThreadMXBean;
import dev.unroll.runtime.Model;
import dev.unroll.runtime.Rng;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;

/**
 * A user's first steps in a fresh JVM, for {@link ColumnarTwinTest}: builds the generated network
 * {@code args[0]} (a constructor taking a seed), trains it on random data, and prints how many of
 * its steps allocated on this thread before the class switched to its vector step (after the
 * first 3 steps: class loading), and the bytes of the 50 steps after the switch. Gives up after
 * 5 million steps without a switch (the warm-up thread's own limit is 20 s of its CPU).
 */
final class FreshJvmSteps {
  private static final int MAX_STEPS = 5_000_000;

  private FreshJvmSteps() {}

  public static void main(String[] args) throws ReflectiveOperationException {
    Class<?> type = Class.forName(args[0]);
    Model net = (Model) type.getConstructor(long.class).newInstance(7L);
    Field compiled = type.getDeclaredField("columnarCompiled");
    compiled.setAccessible(true);
    int n = net.maxBatch();
    double[][] x = GradientCheckTest.inputs(new Rng(5), n, net.inputs());
    int[] y = new int[n];
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    step(net, x, y, 3);
    int before = 0;
    int allocating = 0;
    long beforeBytes = 0;
    // the switch is read between steps, as a field of the class: no allocation
    while (!compiled.getBoolean(null) && before < MAX_STEPS) {
      long start = threads.getCurrentThreadAllocatedBytes();
      step(net, x, y, 1);
      long bytes = threads.getCurrentThreadAllocatedBytes() - start;
      beforeBytes += bytes;
      allocating += bytes > 0 ? 1 : 0;
      before++;
    }
    step(net, x, y, 3);
    long afterStart = threads.getCurrentThreadAllocatedBytes();
    step(net, x, y, 50);
    long afterBytes = threads.getCurrentThreadAllocatedBytes() - afterStart;
    System.out.println("switched " + compiled.getBoolean(null) + " after " + before
        + " steps, " + allocating + " of which allocated, " + beforeBytes + " bytes in all;"
        + " then 50 steps allocated " + afterBytes + " bytes");
  }

  private static void step(Model net, double[][] x, int[] y, int times) {
    for (int t = 0; t < times; t++) {
      net.forward(x, x.length);
      net.loss(y, x.length);
      net.backward();
      net.sgdStep(0.01);
    }
  }
}
