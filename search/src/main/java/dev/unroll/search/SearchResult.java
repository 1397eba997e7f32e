package dev.unroll.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every trial of a search, with the ranking, the edge warnings and the table. Trials are in
 * stage and index order, whatever order the threads finished them in.
 */
public final class SearchResult {
  private final SearchSpace space;
  private final List<Stage> stages;
  private final List<SearchSpace> stageSpaces;
  private final List<TrialResult> trials;
  private final int ran;
  private final double edgeFraction;

  SearchResult(SearchSpace space, List<Stage> stages, List<SearchSpace> stageSpaces,
      List<TrialResult> trials, int ran, double edgeFraction) {
    this.space = space;
    this.stages = List.copyOf(stages);
    this.stageSpaces = List.copyOf(stageSpaces);
    this.trials = List.copyOf(trials);
    this.ran = ran;
    this.edgeFraction = edgeFraction;
  }

  /** The space as declared (stage 1's ranges). */
  public SearchSpace space() {
    return space;
  }

  /** The stages. */
  public List<Stage> stages() {
    return stages;
  }

  /** The (narrowed) space each stage searched, in stage order. */
  public List<SearchSpace> stageSpaces() {
    return stageSpaces;
  }

  /** Every trial, in stage and index order. */
  public List<TrialResult> trials() {
    return trials;
  }

  /** How many trials this run trained; the others were read from the results file. */
  public int ran() {
    return ran;
  }

  /** How many trials were read from the results file instead of run. */
  public int skipped() {
    return trials.size() - ran;
  }

  /** Every trial, best first ({@link TrialResult#BEST_FIRST}). */
  public List<TrialResult> ranked() {
    List<TrialResult> out = new ArrayList<>(trials);
    out.sort(TrialResult.BEST_FIRST);
    return out;
  }

  /** The best trial that neither diverged nor failed, if any. */
  public Optional<TrialResult> best() {
    return best(trials);
  }

  /** The best of {@code trials} that neither diverged nor failed, if any. */
  public static Optional<TrialResult> best(List<TrialResult> trials) {
    return trials.stream().filter(TrialResult::candidate).min(TrialResult.BEST_FIRST);
  }

  /** Warnings for the best config's values at an edge of the declared ranges. */
  public List<String> edgeWarnings() {
    return best().map(b -> EdgeWarnings.check(space, b.config(), edgeFraction))
        .orElse(List.of());
  }

  /** The {@code rows} best trials as a text table, best first, then the edge warnings. */
  public String table(int rows) {
    List<Param> params = space.params();
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("%-4s %-10s %5s", "rank", "stage", "trial"));
    for (Param p : params) {
      sb.append(String.format(" %10s", p.name()));
    }
    sb.append(String.format(" %6s %8s  %s%n", "epochs", "val acc", "status"));
    List<TrialResult> ranked = ranked();
    for (int i = 0; i < Math.min(rows, ranked.size()); i++) {
      TrialResult r = ranked.get(i);
      sb.append(String.format("%-4d %-10s %5d", i + 1, r.stageName(), r.index()));
      for (Param p : params) {
        sb.append(String.format(" %10s",
            r.config().has(p.name()) ? p.format(r.config().get(p.name())) : "-"));
      }
      sb.append(String.format(" %6d %8s  %s%n", r.epochsRun(), percent(r.valAccuracy()),
          r.status().name().toLowerCase().replace('_', ' ')));
    }
    if (ranked.size() > rows) {
      sb.append("... ").append(ranked.size() - rows).append(" more\n");
    }
    for (String w : edgeWarnings()) {
      sb.append("warning: ").append(w).append('\n');
    }
    return sb.toString();
  }

  private static String percent(double a) {
    return Double.isNaN(a) ? "-" : String.format("%.1f%%", 100 * a);
  }
}
