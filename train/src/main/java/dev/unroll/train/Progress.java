package dev.unroll.train;

/**
 * Where the trainer reports its progress. {@link #NONE} is silent (tests, searches);
 * {@link ConsoleProgress} draws a progress bar.
 */
public interface Progress extends AutoCloseable {
  /** Reports nothing. */
  Progress NONE = new Progress() {
    @Override
    public void start(int epochs, int batchesPerEpoch) {}

    @Override
    public void batch(int epoch, int batch, double loss) {}

    @Override
    public void epoch(int epoch, double trainAccuracy, double valAccuracy) {}

    @Override
    public void message(String text) {}

    @Override
    public void close() {}
  };

  /** Training begins. */
  void start(int epochs, int batchesPerEpoch);

  /** A batch (0-based, within the 0-based epoch) finished with this loss. */
  void batch(int epoch, int batch, double loss);

  /** An epoch finished; {@code valAccuracy} is NaN without a validation split. */
  void epoch(int epoch, double trainAccuracy, double valAccuracy);

  /** A line for the user: early stop, divergence. */
  void message(String text);

  /** Training ended. */
  @Override
  void close();
}
