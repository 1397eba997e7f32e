package dev.unroll.train.report;

import dev.unroll.train.monitor.EpochStats;
import dev.unroll.train.monitor.Histogram;
import dev.unroll.train.monitor.LayerStats;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's plots, drawn with XChart and encoded as PNG without a display: the loss curve,
 * training vs validation accuracy, the update ratio per layer on a log scale, and a histogram of
 * one layer's outputs.
 */
public final class Charts {
  /** Width of a histogram in pixels: three fit the report's width side by side. */
  static final int HISTOGRAM_WIDTH = 340;
  /** Most tick intervals on a histogram's value axis. */
  static final int HISTOGRAM_TICKS = 5;

  private Charts() {}

  /** Loss of every batch, with each epoch's mean at the epoch's last batch. */
  public static XYChart loss(double[] batchLosses, List<EpochStats> epochs) {
    XYChart chart = base("Loss", "batch", "loss", 720, 360);
    chart.getStyler().setXAxisDecimalPattern("#,##0");
    double[] xs = new double[batchLosses.length];
    double[] ys = new double[batchLosses.length];
    int kept = 0;
    for (int i = 0; i < batchLosses.length; i++) {
      // A NaN or infinite loss (the guard's stop) would break the axis; it is in the outcome.
      if (Double.isFinite(batchLosses[i])) {
        xs[kept] = i + 1;
        ys[kept++] = batchLosses[i];
      }
    }
    if (kept > 0) {
      XYSeries s = chart.addSeries("batch loss", java.util.Arrays.copyOf(xs, kept),
          java.util.Arrays.copyOf(ys, kept));
      s.setMarker(SeriesMarkers.NONE);
      s.setLineColor(new Color(120, 150, 200));
      s.setLineWidth(1f);
    }
    if (!epochs.isEmpty() && batchLosses.length > 0) {
      int perEpoch = Math.max(1, batchLosses.length / epochs.size());
      double[] ex = new double[epochs.size()];
      double[] ey = new double[epochs.size()];
      for (int e = 0; e < epochs.size(); e++) {
        ex[e] = Math.min(batchLosses.length, (e + 1) * perEpoch);
        ey[e] = epochs.get(e).trainLoss();
      }
      XYSeries s = chart.addSeries("epoch mean", ex, ey);
      s.setMarker(marker(ex.length, SeriesMarkers.CIRCLE));
      s.setLineColor(new Color(200, 60, 40));
      s.setMarkerColor(new Color(200, 60, 40));
    }
    return chart;
  }

  /** Training and validation accuracy per epoch, in percent. */
  public static XYChart accuracy(List<EpochStats> epochs) {
    XYChart chart = base("Accuracy", "epoch", "accuracy (%)", 720, 360);
    chart.getStyler().setLegendPosition(LegendPosition.InsideSE);
    chart.getStyler().setXAxisDecimalPattern("#,##0");
    double[] x = new double[epochs.size()];
    double[] train = new double[epochs.size()];
    double[] val = new double[epochs.size()];
    boolean hasVal = false;
    for (int e = 0; e < epochs.size(); e++) {
      x[e] = epochs.get(e).epoch();
      train[e] = 100 * epochs.get(e).trainAccuracy();
      val[e] = 100 * epochs.get(e).valAccuracy();
      hasVal |= !Double.isNaN(val[e]);
    }
    if (x.length > 0) {
      chart.addSeries("training", x, train).setMarker(marker(x.length, SeriesMarkers.CIRCLE));
      if (hasVal) {
        chart.addSeries("validation", x, val)
            .setMarker(marker(x.length, SeriesMarkers.DIAMOND));
      }
    }
    return chart;
  }

  /**
   * ||delta W|| / ||W|| per layer and epoch on a log axis, with the lecture's target 1e-3 and the
   * band DL4J calls good (log10 between -4 and -2) as dashed lines.
   */
  public static XYChart updateRatio(List<EpochStats> epochs, int layers) {
    XYChart chart = base("Update / weight ratio per layer", "epoch", "||dW|| / ||W||", 720, 360);
    chart.getStyler().setYAxisLogarithmic(true);
    chart.getStyler().setLegendPosition(LegendPosition.OutsideE);
    chart.getStyler().setXAxisDecimalPattern("#,##0");
    if (epochs.isEmpty()) {
      return chart;
    }
    double[] x = new double[epochs.size()];
    for (int e = 0; e < epochs.size(); e++) {
      x[e] = epochs.get(e).epoch();
    }
    for (int l = 0; l < layers; l++) {
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (EpochStats e : epochs) {
        double r = e.layers().get(l).updateRatio();
        if (r > 0 && Double.isFinite(r)) {
          xs.add((double) e.epoch());
          ys.add(r);
        }
      }
      if (!xs.isEmpty()) {
        chart.addSeries("layer " + (l + 1), xs, ys)
            .setMarker(marker(xs.size(), SeriesMarkers.CIRCLE));
      }
    }
    double lo = x[0];
    double hi = x[x.length - 1] == lo ? lo + 1 : x[x.length - 1];
    guide(chart, "target 1e-3", lo, hi, 1e-3, new Color(40, 160, 60));
    guide(chart, "1e-2", lo, hi, 1e-2, new Color(190, 190, 190));
    guide(chart, "1e-4", lo, hi, 1e-4, new Color(190, 190, 190));
    return chart;
  }

  private static void guide(XYChart chart, String name, double lo, double hi, double y,
      Color color) {
    XYSeries s = chart.addSeries(name, new double[] {lo, hi}, new double[] {y, y});
    s.setMarker(SeriesMarkers.NONE);
    s.setLineColor(color);
    s.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
        new float[] {6f, 4f}, 0f));
  }

  /**
   * The outputs of one layer as a histogram, titled with the layer and its activation, the mean
   * and std under the value axis (a 300-pixel title holding all of it was clipped).
   */
  public static XYChart histogram(LayerStats stats) {
    String title = String.format("layer %d %s outputs", stats.layer(),
        stats.activation() == null ? "" : stats.activation().name().toLowerCase());
    XYChart chart = histogram(title, stats.histogram());
    chart.setXAxisTitle(String.format("value (mean %.3g, std %.3g)", stats.actMean(),
        stats.actStd()));
    return chart;
  }

  /** A histogram drawn as a filled step curve, the y axis in percent of the values. */
  public static XYChart histogram(String title, Histogram h) {
    XYChart chart = base(title, "value", "% of outputs", HISTOGRAM_WIDTH, 230);
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
    if (h == null) {
      return chart;
    }
    // Ticks at round values: the axis runs between multiples of a round step (1, 2 or 5 times
    // a power of ten) around the bins, in at most HISTOGRAM_TICKS intervals, with the step's
    // decimals, so labels stay short and apart (bin edges as ticks gave "0.6521.3041.956").
    double step = NiceTicks.step(h.lo(), h.hi(), HISTOGRAM_TICKS);
    chart.getStyler().setXAxisMin(Math.floor(h.lo() / step) * step);
    chart.getStyler().setXAxisMax(Math.ceil(h.hi() / step) * step);
    chart.getStyler().setXAxisMaxLabelCount(HISTOGRAM_TICKS + 1);
    int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
    chart.getStyler().setXAxisDecimalPattern(decimals == 0 ? "0" : "0." + "0".repeat(decimals));
    long[] counts = h.counts();
    double total = Math.max(1, h.total());
    double[] x = new double[counts.length + 1];
    double[] y = new double[counts.length + 1];
    double width = (h.hi() - h.lo()) / counts.length;
    for (int i = 0; i <= counts.length; i++) {
      x[i] = h.lo() + i * width;
      y[i] = 100 * counts[Math.min(i, counts.length - 1)] / total;
    }
    XYSeries s = chart.addSeries("outputs", x, y);
    s.setXYSeriesRenderStyle(XYSeriesRenderStyle.StepArea);
    s.setMarker(SeriesMarkers.NONE);
    s.setFillColor(new Color(70, 110, 180, 170));
    s.setLineColor(new Color(40, 70, 140));
    return chart;
  }

  /** PNG bytes of a chart. */
  public static byte[] png(Chart<?, ?> chart) {
    try {
      return BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("could not encode the chart " + chart.getTitle(), e);
    }
  }

  /** Markers help read a few points; over hundreds they merge into a thick smear. */
  private static org.knowm.xchart.style.markers.Marker marker(int points,
      org.knowm.xchart.style.markers.Marker marker) {
    return points > 60 ? SeriesMarkers.NONE : marker;
  }

  private static XYChart base(String title, String x, String y, int width, int height) {
    XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(x)
        .yAxisTitle(y).build();
    chart.getStyler().setLegendPosition(LegendPosition.InsideNE);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotGridLinesColor(new Color(225, 225, 225));
    chart.getStyler().setAntiAlias(true);
    // at least 90 pixels between x ticks, so 5-digit epoch numbers never run together
    chart.getStyler().setXAxisTickMarkSpacingHint(90);
    return chart;
  }
}
