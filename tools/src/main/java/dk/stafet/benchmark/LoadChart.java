package dk.stafet.benchmark;

import java.util.List;
import java.util.Locale;

/**
 * The end-to-end benchmark's chart as SVG: completed messages per second (left axis) and the
 * overall p99 latency (right axis) against the offered rate, one point per rate.
 */
final class LoadChart {

  record Point(double offered, double throughput, double p99Millis) {}

  private static final int WIDTH = 640;
  private static final int HEIGHT = 360;
  private static final int LEFT = 70;
  private static final int RIGHT = 70;
  private static final int TOP = 40;
  private static final int BOTTOM = 50;

  private LoadChart() {}

  static String svg(String title, List<Point> points) {
    double maxX = points.stream().mapToDouble(Point::offered).max().orElse(1);
    double maxRate =
        Math.max(maxX, points.stream().mapToDouble(Point::throughput).max().orElse(1)) * 1.1;
    double maxP99 = points.stream().mapToDouble(Point::p99Millis).max().orElse(1) * 1.1;
    int plotW = WIDTH - LEFT - RIGHT;
    int plotH = HEIGHT - TOP - BOTTOM;
    StringBuilder s = new StringBuilder();
    s.append(
        f(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n",
            WIDTH, HEIGHT));
    s.append(f("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
    s.append(f("<text x=\"%d\" y=\"20\" font-size=\"14\">%s</text>%n", LEFT, escape(title)));
    s.append(
        f(
            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>%n",
            LEFT, TOP, plotW, plotH));
    for (int i = 0; i <= 4; i++) {
      double y = TOP + plotH - plotH * i / 4.0;
      s.append(
          f(
              "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#1f5fa8\">%.0f</text>%n",
              LEFT - 6, y + 4, maxRate * i / 4));
      s.append(
          f(
              "<text x=\"%d\" y=\"%.1f\" fill=\"#b3401a\">%.0f</text>%n",
              WIDTH - RIGHT + 6, y + 4, maxP99 * i / 4));
    }
    s.append(f("<text x=\"%d\" y=\"%d\" fill=\"#1f5fa8\">completed msg/s</text>%n", 4, TOP - 8));
    s.append(
        f(
            "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#b3401a\">p99 ms</text>%n",
            WIDTH - 4, TOP - 8));
    s.append(
        f(
            "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">offered msg/s</text>%n",
            LEFT + plotW / 2, HEIGHT - 10));
    StringBuilder rate = new StringBuilder();
    StringBuilder p99 = new StringBuilder();
    for (Point p : points) {
      double x = LEFT + plotW * p.offered() / (maxX * 1.05);
      double yr = TOP + plotH - plotH * p.throughput() / maxRate;
      double yp = TOP + plotH - plotH * p.p99Millis() / maxP99;
      rate.append(f("%.1f,%.1f ", x, yr));
      p99.append(f("%.1f,%.1f ", x, yp));
      s.append(f("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#1f5fa8\"/>%n", x, yr));
      s.append(f("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#b3401a\"/>%n", x, yp));
      s.append(
          f(
              "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
              x, TOP + plotH + 16, trim(p.offered())));
    }
    // the ideal: everything offered is completed
    s.append(
        f(
            "<line x1=\"%d\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#1f5fa8\" stroke-dasharray=\"4 4\" opacity=\"0.5\"/>%n",
            LEFT,
            TOP + plotH,
            LEFT + plotW * maxX / (maxX * 1.05),
            TOP + plotH - plotH * maxX / maxRate));
    s.append(
        f("<polyline points=\"%s\" fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"2\"/>%n", rate));
    s.append(
        f("<polyline points=\"%s\" fill=\"none\" stroke=\"#b3401a\" stroke-width=\"2\"/>%n", p99));
    s.append("</svg>\n");
    return s.toString();
  }

  private static String trim(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : f("%.1f", value);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
