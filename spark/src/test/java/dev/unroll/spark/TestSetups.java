package dev.unroll.spark;

import dev.unroll.data.Dataset;
import dev.unroll.data.Split;
import dev.unroll.search.TrainerTrials;
import dev.unroll.search.TrialFunction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** Trial setups and a data source the tests name by class. */
final class TestSetups {
  private TestSetups() {}

  /** Mini-batches of 16 through the default trainer. */
  public static final class RingTrials implements TrialSetup {
    @Override
    public TrialFunction trials(Dataset train, Dataset validation) {
      return TrainerTrials.of(() -> TrainerTrials.defaultBase().batchSize(16), train, validation);
    }
  }

  /** Fails the task (outside the trial) while {@link #FAILURES} is positive, then as RingTrials. */
  public static final class FlakyTrials implements TrialSetup {
    static final AtomicInteger FAILURES = new AtomicInteger();

    @Override
    public TrialFunction trials(Dataset train, Dataset validation) {
      if (FAILURES.getAndDecrement() > 0) {
        throw new IllegalStateException("injected task failure");
      }
      return new RingTrials().trials(train, validation);
    }
  }

  /** Trial 1 of every stage throws inside the trial function. */
  public static final class ThrowingTrials implements TrialSetup {
    @Override
    public TrialFunction trials(Dataset train, Dataset validation) {
      TrialFunction ok = new RingTrials().trials(train, validation);
      return (trial, model) -> {
        if (trial.index() == 1) {
          throw new ArithmeticException("injected trial error");
        }
        return ok.train(trial, model);
      };
    }
  }

  /** Reads "points seed" from the file at the path and draws the rings; counts its loads. */
  public static final class RingFile implements DataSource {
    static final AtomicInteger LOADS = new AtomicInteger();

    @Override
    public Split load(String path) throws IOException {
      LOADS.incrementAndGet();
      String[] f = Files.readString(Path.of(path)).strip().split(" ");
      return Rings.split(Integer.parseInt(f[0]), Long.parseLong(f[1]));
    }
  }

  /** Not a network: no (long seed) constructor. */
  public static final class NoSeed {}
}
