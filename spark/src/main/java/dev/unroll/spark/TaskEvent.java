package dev.unroll.spark;

/** What the driver hears about a search task, in the order the queue gets it. */
sealed interface TaskEvent {
  /** The partition, which is the trial's position in the stage's list. */
  int index();

  /** A task began (again, when Spark retries it). */
  record Started(int index) implements TaskEvent {}

  /** A task ended with these result lines. */
  record Finished(int index, String lines) implements TaskEvent {}
}
