import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Draws the GRPO Scope icon: a dark tile with a noisy, decaying training curve that has one gradient spike,
 * and a scope reticle around the spike. Run once and commit the PNG:
 * {@code java packaging/tools/DrawIcon.java assets/src/main/resources/io/grposcope/assets/icons/grposcope.png 256}
 */
public final class DrawIcon {

    public static void main(String[] args) throws IOException {
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 256.0, size / 256.0);
        drawTile(g);
        drawGrid(g);
        drawCurve(g);
        drawReticle(g, 168, 62, 30);
        g.dispose();
        File out = new File(args[0]);
        out.getAbsoluteFile().getParentFile().mkdirs();
        ImageIO.write(img, "png", out);
    }

    private static void drawTile(Graphics2D g) {
        g.setPaint(new GradientPaint(0, 0, new Color(0x1F2A44), 256, 256, new Color(0x0E1424)));
        g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 48, 48));
    }

    private static void drawGrid(Graphics2D g) {
        g.setColor(new Color(255, 255, 255, 28));
        g.setStroke(new BasicStroke(2f));
        for (int x = 48; x <= 208; x += 40) {
            g.drawLine(x, 40, x, 216);
        }
        for (int y = 56; y <= 216; y += 40) {
            g.drawLine(32, y, 224, y);
        }
    }

    /** Reward rising with noise, plus one sharp spike: what the app is for. */
    private static void drawCurve(Graphics2D g) {
        Path2D.Double p = new Path2D.Double();
        java.util.Random rnd = new java.util.Random(7);
        p.moveTo(32, 200);
        for (int x = 36; x <= 224; x += 4) {
            double t = (x - 32) / 192.0;
            double y = 200 - 120 * (1 - Math.exp(-3.2 * t)) + rnd.nextGaussian() * 4;
            if (x == 168) {
                y = 40;
            }
            p.lineTo(x, y);
        }
        g.setStroke(new BasicStroke(7f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(new Color(0x38BDF8));
        g.draw(p);
    }

    private static void drawReticle(Graphics2D g, double cx, double cy, double r) {
        g.setColor(new Color(0xF97316));
        g.setStroke(new BasicStroke(7f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
        g.setStroke(new BasicStroke(5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        double in = r * 0.45;
        double outR = r * 1.45;
        g.draw(new java.awt.geom.Line2D.Double(cx - outR, cy, cx - in, cy));
        g.draw(new java.awt.geom.Line2D.Double(cx + in, cy, cx + outR, cy));
        g.draw(new java.awt.geom.Line2D.Double(cx, cy - outR, cx, cy - in));
        g.draw(new java.awt.geom.Line2D.Double(cx, cy + in, cx, cy + outR));
    }
}
