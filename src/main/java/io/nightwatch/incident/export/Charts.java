package io.nightwatch.incident.export;

import io.nightwatch.store.IncidentStore;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * PNG charts for the HTML export, drawn with java.awt on an off-screen image (no window, no JavaFX): the health
 * timeline (a band per service, coloured and lettered by state) and one sparkline per sampled series.
 */
final class Charts {

    static final Color UP = new Color(0x2d, 0xa4, 0x4e);
    static final Color DEGRADED = new Color(0xbf, 0x87, 0x00);
    static final Color DOWN = new Color(0xcf, 0x22, 0x2e);
    static final Color UNKNOWN = new Color(0x8c, 0x95, 0x9f);
    private static final Color INK = new Color(0x1f, 0x23, 0x28);
    private static final Color GRID = new Color(0xd0, 0xd7, 0xde);
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    /** One state of a service over a span. */
    record Band(String service, String state, Instant from, Instant to) {}

    private Charts() {}

    static byte[] healthTimeline(List<String> services, List<Band> bands, Instant from, Instant to) {
        int labelWidth = 130, width = 900, rowHeight = 26, top = 10, axis = 24;
        int height = top + Math.max(1, services.size()) * rowHeight + axis;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = start(img);
        double span = Math.max(1, Duration.between(from, to).toMillis());
        int plot = width - labelWidth - 10;
        for (int i = 0; i < services.size(); i++) {
            int y = top + i * rowHeight;
            g.setColor(INK);
            g.drawString(services.get(i), 8, y + 17);
            for (Band b : bands) {
                if (!b.service().equals(services.get(i))) continue;
                int x0 = labelWidth + (int) (plot * Duration.between(from, b.from()).toMillis() / span);
                int x1 = labelWidth + (int) (plot * Duration.between(from, b.to()).toMillis() / span);
                g.setColor(colour(b.state()));
                g.fillRect(x0, y + 4, Math.max(2, x1 - x0), rowHeight - 8);
                if (x1 - x0 > 50) { // the word too: colour is never the only signal
                    g.setColor(Color.WHITE);
                    g.drawString(b.state(), x0 + 5, y + 17);
                }
            }
        }
        axis(g, from, to, labelWidth, plot, height - axis + 4);
        return png(img);
    }

    static byte[] sparkline(String title, List<IncidentStore.Sample> points, Instant from, Instant to) {
        int width = 440, height = 120, left = 10, right = 10, top = 24, bottom = 22;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = start(img);
        g.setColor(INK);
        g.drawString(title, left, 16);
        double max = points.stream().mapToDouble(IncidentStore.Sample::value).max().orElse(1);
        double min = Math.min(0, points.stream().mapToDouble(IncidentStore.Sample::value).min().orElse(0));
        double range = max - min == 0 ? 1 : max - min;
        double span = Math.max(1, Duration.between(from, to).toMillis());
        int plotW = width - left - right, plotH = height - top - bottom;
        g.setColor(GRID);
        g.drawLine(left, top + plotH, left + plotW, top + plotH);
        Path2D line = new Path2D.Double();
        boolean first = true;
        for (IncidentStore.Sample p : points) {
            double x = left + plotW * Duration.between(from, p.at()).toMillis() / span;
            double y = top + plotH - plotH * (p.value() - min) / range;
            if (first) line.moveTo(x, y);
            else line.lineTo(x, y);
            first = false;
        }
        g.setColor(new Color(0x09, 0x69, 0xda));
        g.setStroke(new BasicStroke(2f));
        g.draw(line);
        g.setColor(INK);
        g.drawString("max " + String.format(java.util.Locale.ROOT, "%.3g", max), width - 110, 16);
        axis(g, from, to, left, plotW, height - 6);
        return png(img);
    }

    private static void axis(Graphics2D g, Instant from, Instant to, int left, int width, int y) {
        g.setColor(INK);
        g.setFont(g.getFont().deriveFont(11f));
        g.drawString(HM.format(from) + " UTC", left, y);
        String end = HM.format(to) + " UTC";
        g.drawString(end, left + width - g.getFontMetrics().stringWidth(end), y);
    }

    static Color colour(String state) {
        return switch (state) {
            case "UP" -> UP;
            case "DEGRADED" -> DEGRADED;
            case "DOWN" -> DOWN;
            default -> UNKNOWN;
        };
    }

    private static Graphics2D start(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        return g;
    }

    private static byte[] png(BufferedImage img) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a chart as PNG", e);
        }
    }

    static Map<String, Color> legend() {
        return Map.of("UP", UP, "DEGRADED", DEGRADED, "DOWN", DOWN, "UNKNOWN", UNKNOWN);
    }
}
