package dk.stafet.web.view;

import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart drawn as inline SVG by the template (no JavaScript): the geometry is
 * computed here, the template only writes numbers and escaped labels. An optional target is drawn
 * as a vertical line.
 */
@TemplateData
public record BarChart(
    String title,
    int width,
    int height,
    int labelWidth,
    List<Bar> bars,
    Double targetX,
    String targetLabel) {

  private static final int WIDTH = 640;
  private static final int LABEL_WIDTH = 170;
  private static final int VALUE_WIDTH = 150;
  private static final int ROW = 30;
  private static final int BAR = 20;

  /** One bar: {@code css} is one of a fixed set of class names (ok, warn, bad, neutral). */
  @TemplateData
  public record Bar(String label, String valueText, int y, int textY, double length, String css) {}

  /** An input row: label, value (≥ 0), display text and css class. */
  public record Row(String label, double value, String valueText, String css) {}

  /**
   * @param max the value that fills the whole bar area (e.g. 1.0 for shares); when null, the
   *     largest value
   * @param target a value to mark with a line (e.g. 0.9), or null
   */
  public static BarChart of(
      String title, List<Row> rows, Double max, Double target, String targetLabel) {
    double top = max != null ? max : rows.stream().mapToDouble(Row::value).max().orElse(0);
    if (top <= 0) {
      top = 1;
    }
    int area = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      double length = Math.max(0, Math.min(1, row.value() / top)) * area;
      int y = i * ROW + 6;
      bars.add(
          new Bar(
              row.label(),
              row.valueText(),
              y,
              y + BAR - 5,
              Math.round(length * 10) / 10.0,
              safeCss(row.css())));
    }
    Double targetX = target == null ? null : LABEL_WIDTH + Math.min(1, target / top) * area;
    return new BarChart(
        title,
        WIDTH,
        Math.max(ROW, rows.size() * ROW + 12),
        LABEL_WIDTH,
        bars,
        targetX,
        targetLabel);
  }

  public int barHeight() {
    return BAR;
  }

  public int valueX() {
    return WIDTH - VALUE_WIDTH + 6;
  }

  public boolean empty() {
    return bars.isEmpty();
  }

  private static String safeCss(String css) {
    return switch (css == null ? "" : css) {
      case "ok", "warn", "bad" -> css;
      default -> "neutral";
    };
  }
}
