package dev.unroll.data;

import dev.unroll.runtime.Rng;

/**
 * Mini-batches of a dataset copied into buffers allocated once, so a training loop allocates
 * nothing per batch:
 *
 * <pre>{@code
 * BatchCursor batches = BatchCursor.shuffling(train, 64, seed);
 * for (int epoch = 0; epoch < epochs; epoch++) {
 *   batches.startEpoch();
 *   while (batches.next()) {
 *     model.forward(batches.x(), batches.size());
 *     model.loss(batches.y(), batches.size());
 *     model.backward();
 *     model.sgdStep(lr);
 *   }
 * }
 * }</pre>
 *
 * <p>{@link #x()} and {@link #y()} return the same arrays for the cursor's whole life; each
 * {@link #next()} overwrites their first {@link #size()} rows. The last batch of an epoch is
 * smaller when the batch size does not divide the dataset, unless {@link #dropLast} was asked
 * for. A shuffling cursor draws a new order at each {@link #startEpoch()} from its own seeded
 * {@link Rng}, so a run is reproducible from the seed. Not thread-safe.
 */
public final class BatchCursor {
  private final Dataset data;
  private final int batchSize;
  private final Rng rng;
  private final int[] order;
  private final float[][] x;
  private final int[] y;
  private boolean dropLast;
  private int position;
  private int size;

  private BatchCursor(Dataset data, int batchSize, Rng rng) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
    }
    if (data.size() == 0) {
      throw new IllegalArgumentException("cannot make batches of an empty dataset");
    }
    this.data = data;
    this.batchSize = batchSize;
    this.rng = rng;
    this.order = new int[data.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    this.x = new float[batchSize][data.features()];
    this.y = new int[batchSize];
    this.position = order.length;
  }

  /** Batches in the dataset's order, the same every epoch. */
  public static BatchCursor inOrder(Dataset data, int batchSize) {
    return new BatchCursor(data, batchSize, null);
  }

  /** Batches in a new seeded order every epoch. */
  public static BatchCursor shuffling(Dataset data, int batchSize, long seed) {
    return new BatchCursor(data, batchSize, new Rng(seed));
  }

  /** Skips the last, smaller batch of each epoch (returns this cursor). */
  public BatchCursor dropLast(boolean drop) {
    this.dropLast = drop;
    return this;
  }

  /** Starts an epoch: the next {@link #next()} gives its first batch. Shuffles when asked to. */
  public void startEpoch() {
    if (rng != null) {
      // Shuffling the order we already have is still a uniform permutation; no allocation.
      Dataset.shuffle(order, order.length, rng);
    }
    position = 0;
    size = 0;
  }

  /**
   * Fills the buffers with the next batch.
   *
   * @return false when the epoch has no more batches (the buffers are then unchanged)
   */
  public boolean next() {
    int remaining = order.length - position;
    if (remaining <= 0 || (dropLast && remaining < batchSize)) {
      size = 0;
      return false;
    }
    int n = Math.min(batchSize, remaining);
    int features = data.features();
    for (int i = 0; i < n; i++) {
      int sample = order[position + i];
      System.arraycopy(data.row(sample), 0, x[i], 0, features);
      y[i] = data.label(sample);
    }
    position += n;
    size = n;
    return true;
  }

  /** The feature buffer; its first {@link #size()} rows are the current batch. */
  public float[][] x() {
    return x;
  }

  /** The label buffer; its first {@link #size()} entries are the current batch. */
  public int[] y() {
    return y;
  }

  /** Rows in the current batch, 0 before the first {@link #next()} of an epoch. */
  public int size() {
    return size;
  }

  /** The largest batch, the buffers' row count. */
  public int batchSize() {
    return batchSize;
  }

  /** Number of batches per epoch. */
  public int batchesPerEpoch() {
    int n = order.length;
    return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
  }
}
