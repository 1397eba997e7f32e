package dev.unroll.benchmarks;

/**
 * One step of a workload's generated network as {@link UnrollBench} or {@link UnrollInfer} runs
 * it (a training step, or one sample's inference), set up for the programs that time or count
 * steps outside JMH: {@link AllocationCheck} and {@link FirstSeconds}.
 */
final class UnrollStep {
  private UnrollStep() {}

  /** The set-up benchmark's step on one thread; {@code backend} is plain or vector. */
  static Runnable of(AnyWorkload w, String backend) {
    if (w.training()) {
      UnrollBench u = new UnrollBench();
      u.workload = w.name();
      u.backend = backend;
      u.threads = 1;
      u.setup();
      return u::train;
    }
    UnrollInfer u = new UnrollInfer();
    u.workload = w.name();
    u.backend = backend;
    u.setup();
    return u::infer;
  }
}
