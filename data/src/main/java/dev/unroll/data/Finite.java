package dev.unroll.data;

/**
 * The check that every feature is a finite number. A NaN or infinite feature makes the loss NaN
 * at its first batch, which looks like a learning rate far too high; checked before training, it
 * is named for what it is, by row and column. {@link dev.unroll.data.load.CsvLoader} already
 * refuses such values as it reads; features from anywhere else (computed, other loaders,
 * preprocessing of a constant column by hand) are checked with {@link #check} or {@link
 * Dataset#requireFinite()}.
 */
public final class Finite {
  private Finite() {}

  /**
   * Throws when a value of {@code x} is NaN or infinite.
   *
   * @param what what the rows are, for the message ("training features")
   * @throws IllegalArgumentException naming the first such row and column (0-based) and the value
   */
  public static void check(float[][] x, String what) {
    for (int i = 0; i < x.length; i++) {
      float[] row = x[i];
      for (int j = 0; j < row.length; j++) {
        // one test for both: NaN and the infinities are exactly the values whose x - x is NaN
        if (Float.isNaN(row[j] - row[j])) {
          throw new IllegalArgumentException(what + ": row " + i + ", column " + j + " is "
              + row[j] + "; every feature must be a finite number (fill or drop missing values"
              + " before training)");
        }
      }
    }
  }
}
