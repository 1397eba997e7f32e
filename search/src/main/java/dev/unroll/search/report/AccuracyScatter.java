package dev.unroll.search.report;

import dev.unroll.search.LogUniform;
import dev.unroll.search.Param;
import dev.unroll.search.SearchResult;
import dev.unroll.search.Stage;
import dev.unroll.search.TrialResult;
import dev.unroll.search.Uniform;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The lecture's picture: the trials of one stage as points at (x parameter, y parameter), log axes
 * for log-uniform parameters, coloured by validation accuracy in bands below the stage's best, so
 * the good region shows as a cluster of the darkest points. Diverged and failed trials are grey
 * crosses; the stage's best trial is a black diamond. One stage at a time, because a one-epoch
 * trial's accuracy is not comparable with a long one's; the axes span the declared ranges in
 * every stage, so the narrowing shows.
 */
public final class AccuracyScatter {
  /** Band limits as accuracy points below the best; the last band takes the rest. */
  private static final double[] BELOW_BEST = {0.01, 0.03, 0.10, 0.25};

  private static final Color[] COLORS = {
    new Color(0, 90, 50), new Color(50, 160, 80), new Color(170, 210, 90),
    new Color(250, 170, 60), new Color(215, 50, 40)
  };

  private AccuracyScatter() {}

  /**
   * The scatter of stage {@code stage}'s trials (1-based) over parameters {@code x} and {@code y}.
   *
   * @throws IllegalArgumentException when the space has no such parameter
   */
  public static XYChart chart(SearchResult result, int stage, String x, String y) {
    Param px = param(result, x);
    Param py = param(result, y);
    Stage st = result.stages().get(stage - 1);
    XYChart chart = new XYChartBuilder().width(760).height(480)
        .title(String.format("Stage %d, %s: %d epoch%s per trial", stage, st.name(), st.epochs(),
            st.epochs() == 1 ? "" : "s"))
        .xAxisTitle(x).yAxisTitle(y).build();
    axis(chart, px, true);
    axis(chart, py, false);
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
    chart.getStyler().setXAxisLogarithmic(px.logScale());
    chart.getStyler().setYAxisLogarithmic(py.logScale());
    chart.getStyler().setLegendPosition(LegendPosition.OutsideE);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotBackgroundColor(Color.WHITE);
    // A log axis draws a grid line at every minor tick: too busy behind a scatter.
    chart.getStyler().setPlotGridLinesVisible(false);
    chart.getStyler().setMarkerSize(8);
    chart.getStyler().setAntiAlias(true);
    chart.getStyler().setXAxisDecimalPattern(px.logScale() ? "0.#E0" : "0.###");
    chart.getStyler().setYAxisDecimalPattern(py.logScale() ? "0.#E0" : "0.###");

    List<TrialResult> trials = result.trials().stream().filter(t -> t.stage() == stage).toList();
    TrialResult best = SearchResult.best(trials).orElse(null);
    double top = best == null ? 1 : best.valAccuracy();
    int bands = BELOW_BEST.length + 1;
    List<List<double[]>> points = new ArrayList<>();
    for (int b = 0; b <= bands; b++) {
      points.add(new ArrayList<>());
    }
    for (TrialResult r : trials) {
      if (!r.config().has(x) || !r.config().has(y)) {
        continue;
      }
      double[] p = {r.config().get(x), r.config().get(y)};
      points.get(r.candidate() ? band(top - r.valAccuracy()) : bands).add(p);
    }
    for (int b = 0; b < bands; b++) {
      String name = b < BELOW_BEST.length
          ? String.format("acc >= %.1f%%", 100 * (top - BELOW_BEST[b]))
          : String.format("acc < %.1f%%", 100 * (top - BELOW_BEST[BELOW_BEST.length - 1]));
      add(chart, name, points.get(b), COLORS[b], false);
    }
    add(chart, "diverged / failed", points.get(bands), new Color(150, 150, 150), true);
    if (best != null) {
      XYSeries s = chart.addSeries(String.format("best %.1f%%", 100 * top),
          new double[] {best.config().get(x)}, new double[] {best.config().get(y)});
      s.setMarker(SeriesMarkers.DIAMOND);
      s.setMarkerColor(Color.BLACK);
    }
    return chart;
  }

  /** Spans the declared range, a little wider so points on a bound stay visible. */
  private static void axis(XYChart chart, Param p, boolean isX) {
    double lo;
    double hi;
    if (p instanceof LogUniform l) {
      lo = l.lo() / 1.25;
      hi = l.hi() * 1.25;
    } else if (p instanceof Uniform u) {
      lo = u.lo() - 0.02 * (u.hi() - u.lo());
      hi = u.hi() + 0.02 * (u.hi() - u.lo());
    } else {
      return;
    }
    if (isX) {
      chart.getStyler().setXAxisMin(lo).setXAxisMax(hi);
    } else {
      chart.getStyler().setYAxisMin(lo).setYAxisMax(hi);
    }
  }

  private static int band(double below) {
    for (int b = 0; b < BELOW_BEST.length; b++) {
      if (below <= BELOW_BEST[b] + 1e-12) {
        return b;
      }
    }
    return BELOW_BEST.length;
  }

  private static void add(XYChart chart, String name, List<double[]> points, Color color,
      boolean cross) {
    if (points.isEmpty()) {
      return;
    }
    double[] xs = new double[points.size()];
    double[] ys = new double[points.size()];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = points.get(i)[0];
      ys[i] = points.get(i)[1];
    }
    XYSeries s = chart.addSeries(name + " (" + xs.length + ")", xs, ys);
    s.setMarker(cross ? SeriesMarkers.CROSS : SeriesMarkers.CIRCLE);
    s.setMarkerColor(color);
  }

  private static Param param(SearchResult result, String name) {
    Param p = result.space().param(name);
    if (p == null) {
      throw new IllegalArgumentException("the search space has no parameter " + name);
    }
    return p;
  }
}
