package dev.unroll.search.report;

import dev.unroll.search.Param;
import dev.unroll.search.SearchResult;
import dev.unroll.search.SearchSpace;
import dev.unroll.search.Stage;
import dev.unroll.search.TrialResult;
import dev.unroll.train.report.Charts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.List;

/**
 * One self-contained HTML page about a search: the edge warnings, the lecture's scatter of
 * validation accuracy over (learning rate, regularization) on log axes ({@link AccuracyScatter}),
 * the ranges each stage searched, and the trials best first. The picture is an embedded PNG, drawn
 * with XChart and encoded by the train module's {@link Charts#png}.
 *
 * <pre>{@code
 * SearchReport.of(result).axes("lr", "l2").write(Path.of("search.html"));
 * }</pre>
 */
public final class SearchReport {
  private final SearchResult result;
  private String x = "lr";
  private String y = "l2";
  private String title = "Hyperparameter search";
  private int rows = 30;

  private SearchReport(SearchResult result) {
    this.result = result;
  }

  /** A report of {@code result}, plotting {@code lr} against {@code l2}. */
  public static SearchReport of(SearchResult result) {
    return new SearchReport(result);
  }

  /** The parameters on the scatter's axes (default {@code lr} and {@code l2}). */
  public SearchReport axes(String x, String y) {
    this.x = x;
    this.y = y;
    return this;
  }

  /** The page title. */
  public SearchReport title(String title) {
    this.title = title;
    return this;
  }

  /** How many trials the table lists (default 30). */
  public SearchReport rows(int rows) {
    this.rows = rows;
    return this;
  }

  /** PNG bytes of stage {@code stage}'s scatter (1-based). */
  public byte[] scatterPng(int stage) {
    return Charts.png(AccuracyScatter.chart(result, stage, x, y));
  }

  /** Writes the page to a temporary file beside {@code path}, then renames it over the target. */
  public void write(Path path) throws IOException {
    Path target = path.toAbsolutePath();
    Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
    try {
      Files.writeString(temp, html(), StandardCharsets.UTF_8);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** The page. */
  public String html() {
    StringBuilder h = new StringBuilder(1 << 16);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(esc(title)).append("</title>\n<style>")
        .append("body{font-family:sans-serif;max-width:1150px;margin:2em auto;color:#222}")
        .append("table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;")
        .append("padding:3px 8px;text-align:right}th{background:#f2f2f2}td.l{text-align:left}")
        .append(".note{background:#fff6d6;padding:4px 8px}</style></head><body>\n");
    h.append("<h1>").append(esc(title)).append("</h1>\n");
    List<TrialResult> trials = result.trials();
    long diverged = trials.stream().filter(t -> !t.candidate()).count();
    h.append("<p>").append(trials.size()).append(" trials (").append(result.ran())
        .append(" run now, ").append(result.skipped()).append(" read from the results file), ")
        .append(diverged).append(" diverged or failed.");
    result.best().ifPresent(b -> h.append(String.format(" Best: %.1f%% validation accuracy with"
        + " <code>%s</code> (stage %s, trial %d).", 100 * b.valAccuracy(), esc(b.config()
        .toString()), esc(b.stageName()), b.index())));
    h.append("</p>\n");
    for (String w : result.edgeWarnings()) {
      h.append("<p class=\"note\">").append(esc(w)).append("</p>\n");
    }
    if (result.space().param(x) != null && result.space().param(y) != null) {
      h.append("<h2>Validation accuracy over (").append(esc(x)).append(", ").append(esc(y))
          .append(")</h2>\n<p>Each point is a trial; the darker, the closer to its stage's best.")
          .append(" A good region shows as a cluster; one pressed against an edge of the plot")
          .append(" says to widen that range. Later stages search narrower ranges around the")
          .append(" best so far.</p>\n");
      for (int s = 1; s <= result.stages().size(); s++) {
        h.append("<img alt=\"validation accuracy scatter, stage ").append(s)
            .append("\" src=\"data:image/png;base64,")
            .append(Base64.getEncoder().encodeToString(scatterPng(s))).append("\">\n");
      }
    }
    stages(h);
    table(h, "Trials, best first", result.ranked().stream().filter(TrialResult::candidate)
        .toList());
    table(h, "Stopped early or failed", result.trials().stream().filter(t -> !t.candidate())
        .toList());
    h.append("</body></html>\n");
    return h.toString();
  }

  private void stages(StringBuilder h) {
    h.append("<h2>Stages</h2>\n<table><tr><th>stage</th><th>trials</th><th>epochs</th>");
    for (Param p : result.space().params()) {
      h.append("<th>").append(esc(p.name())).append("</th>");
    }
    h.append("</tr>\n");
    for (int s = 0; s < result.stages().size(); s++) {
      Stage st = result.stages().get(s);
      SearchSpace sp = result.stageSpaces().get(s);
      int stage = s + 1;
      int count = (int) result.trials().stream().filter(t -> t.stage() == stage).count();
      h.append("<tr><td class=\"l\">").append(esc(st.name())).append("</td><td>").append(count)
          .append("</td><td>").append(st.epochs()).append("</td>");
      for (Param p : sp.params()) {
        h.append("<td class=\"l\">").append(esc(p.range())).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</table>\n");
  }

  private void table(StringBuilder h, String heading, List<TrialResult> ranked) {
    if (ranked.isEmpty()) {
      return;
    }
    h.append("<h2>").append(esc(heading)).append("</h2>\n<table><tr><th>rank</th>")
        .append("<th>stage</th><th>trial</th>");
    List<Param> params = result.space().params();
    for (Param p : params) {
      h.append("<th>").append(esc(p.name())).append("</th>");
    }
    h.append("<th>epochs</th><th>val acc</th><th>status</th><th class=\"l\">note</th></tr>\n");
    for (int i = 0; i < Math.min(rows, ranked.size()); i++) {
      TrialResult r = ranked.get(i);
      h.append("<tr><td>").append(i + 1).append("</td><td class=\"l\">")
          .append(esc(r.stageName())).append("</td><td>").append(r.index()).append("</td>");
      for (Param p : params) {
        h.append("<td>").append(r.config().has(p.name())
            ? esc(p.format(r.config().get(p.name()))) : "-").append("</td>");
      }
      h.append("<td>").append(r.epochsRun()).append("</td><td>")
          .append(Double.isNaN(r.valAccuracy()) ? "-"
              : String.format("%.1f%%", 100 * r.valAccuracy()))
          .append("</td><td class=\"l\">").append(r.status().name().toLowerCase())
          .append("</td><td class=\"l\">")
          .append(r.candidate() ? "" : esc(r.message())).append("</td></tr>\n");
    }
    h.append("</table>\n");
    if (ranked.size() > rows) {
      h.append("<p>... and ").append(ranked.size() - rows).append(" more.</p>\n");
    }
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
