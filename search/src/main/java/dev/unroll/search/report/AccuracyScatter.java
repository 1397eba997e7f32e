package dev.unroll.search.report;

import dev.unroll.search.Param;
import dev.unroll.search.SearchResult;
import dev.unroll.search.TrialResult;
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
 * The lecture's picture: every trial as a point at (x parameter, y parameter), log axes for
 * log-uniform parameters, coloured by validation accuracy in bands below the best, so the good
 * region shows as a cluster of the darkest points. Diverged and failed trials are grey crosses;
 * the best trial is a black diamond.
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
   * The scatter of {@code result}'s trials over parameters {@code x} and {@code y}.
   *
   * @throws IllegalArgumentException when the space has no such parameter
   */
  public static XYChart chart(SearchResult result, String x, String y) {
    Param px = param(result, x);
    Param py = param(result, y);
    XYChart chart = new XYChartBuilder().width(760).height(520)
        .title("Validation accuracy over (" + x + ", " + y + ")").xAxisTitle(x).yAxisTitle(y)
        .build();
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
    chart.getStyler().setXAxisLogarithmic(px.logScale());
    chart.getStyler().setYAxisLogarithmic(py.logScale());
    chart.getStyler().setLegendPosition(LegendPosition.OutsideE);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotGridLinesColor(new Color(225, 225, 225));
    chart.getStyler().setMarkerSize(8);
    chart.getStyler().setAntiAlias(true);
    chart.getStyler().setXAxisDecimalPattern(px.logScale() ? "0.#E0" : "0.###");
    chart.getStyler().setYAxisDecimalPattern(py.logScale() ? "0.#E0" : "0.###");

    TrialResult best = result.best().orElse(null);
    double top = best == null ? 1 : best.valAccuracy();
    int bands = BELOW_BEST.length + 1;
    List<List<double[]>> points = new ArrayList<>();
    for (int b = 0; b <= bands; b++) {
      points.add(new ArrayList<>());
    }
    for (TrialResult r : result.trials()) {
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
