package dev.unroll.spark;

import dev.unroll.data.Split;
import dev.unroll.runtime.Model;
import dev.unroll.search.Trial;
import dev.unroll.search.TrialFunction;
import dev.unroll.search.TrialRunner;
import dev.unroll.search.io.TrialJson;
import java.io.Serializable;
import java.util.function.LongFunction;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction1;

/**
 * What a task runs on an executor: its partition's trials (JSON lines) in, their result lines out,
 * one per line. It carries only names and a data handle; the network and the trial function are
 * built here, from the trial's seed, so a retried or speculative copy gives the same line.
 */
final class TrialTask extends AbstractFunction1<Iterator<String>, String>
    implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String network;
  private final String setup;
  private final TrialData data;

  TrialTask(String network, String setup, TrialData data) {
    this.network = network;
    this.setup = setup;
    this.data = data;
  }

  @Override
  public String apply(Iterator<String> lines) {
    Split split = data.split();
    LongFunction<Model> factory = Classes.networkFactory(network);
    TrialFunction fn = Classes.instance(setup, TrialSetup.class)
        .trials(split.train(), split.validation());
    StringBuilder out = new StringBuilder();
    while (lines.hasNext()) {
      Trial t = TrialJson.readTrial(lines.next());
      // TrialRunner never throws for the trial's own errors: a bad config is a FAILED line, not
      // a failed task that Spark would retry three more times.
      out.append(TrialJson.write(TrialRunner.run(t, factory, fn))).append('\n');
    }
    return out.toString();
  }
}
