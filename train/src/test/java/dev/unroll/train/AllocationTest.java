package dev.unroll.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unroll.runtime.Model;
import dev.unroll.spec.Precision;
import dev.unroll.train.monitor.TrainingMonitor;
import dev.unroll.train.optim.Optimizer;
import dev.unroll.train.optim.OptimizerFactory;
import dev.unroll.train.optim.Optimizers;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Optimizer steps and monitor observations allocate nothing once built: counted with the JVM's
 * per-thread allocation counter (bytes, not time).
 */
class AllocationTest {
  @Test
  void stepsAndObservationsDoNotAllocate() {
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    Problems p = Problems.blobs(32, 4, 3, 1.0, 1);
    for (Precision precision : Precision.values()) {
      Model net = new TestNet(TestNet.Config.of(4, 8, 3).precision(precision), 1);
      net.forward(p.x, 32);
      net.loss(p.y, 32);
      net.backward();
      TrainingMonitor monitor = new TrainingMonitor(net);
      for (OptimizerFactory f : List.of(Optimizers.sgd(), Optimizers.momentum(0.9),
          Optimizers.nesterov(0.9), Optimizers.rmsProp(), Optimizers.adam())) {
        Optimizer opt = f.create(net);
        for (int i = 0; i < 3_000; i++) {
          opt.step(1e-6);
          monitor.observe();
          monitor.afterStep();
        }
        long before = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
        for (int i = 0; i < 2_000; i++) {
          opt.step(1e-6);
          monitor.observe();
          monitor.afterStep();
        }
        long bytes = mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        // Far below one byte per step: a per-step allocation would show as >= 32 KB.
        assertTrue(bytes < 8_000, opt.name() + " " + precision + " allocated " + bytes + " bytes");
      }
    }
  }
}
