package dev.unroll.spark;

import java.util.Properties;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskStart;

/**
 * Hears the task starts of one search job (marked by {@link SparkSearch#RUN_PROPERTY}) for the
 * progress display. Spark calls it on its listener thread; it only queues.
 */
final class TaskStarts extends SparkListener {
  private final String token;
  private final BlockingQueue<TaskEvent> queue;
  private final Set<Integer> stages = ConcurrentHashMap.newKeySet();

  TaskStarts(String token, BlockingQueue<TaskEvent> queue) {
    this.token = token;
    this.queue = queue;
  }

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted e) {
    Properties p = e.properties();
    if (p != null && token.equals(p.getProperty(SparkSearch.RUN_PROPERTY))) {
      stages.add(e.stageInfo().stageId());
    }
  }

  @Override
  public void onTaskStart(SparkListenerTaskStart e) {
    if (stages.contains(e.stageId())) {
      int partition = e.taskInfo().partitionId();
      queue.add(new TaskEvent.Started(partition >= 0 ? partition : e.taskInfo().index()));
    }
  }
}
