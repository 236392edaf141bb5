package io.grposcope.app.ui.chart;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

import java.util.Arrays;

/**
 * An off-screen pixel buffer for the data part of a chart: vertical spans are written straight into an int
 * array and uploaded as one image per frame. Under Prism's software pipeline this is far cheaper than
 * stroking thousands of anti-aliased segments, which is what made noisy long series slow to draw.
 */
final class RasterLayer {
    private WritableImage image;
    private int[] pixels = new int[0];
    private int width;
    private int height;

    void reset(int w, int h) {
        if (image == null || w != width || h != height) {
            width = Math.max(1, w);
            height = Math.max(1, h);
            image = new WritableImage(width, height);
            pixels = new int[width * height];
        } else {
            Arrays.fill(pixels, 0);
        }
    }

    int width() {
        return width;
    }

    /** Fills column {@code x} from {@code y0} to {@code y1} (either order, clipped) with an opaque colour. */
    void vspan(int x, double y0, double y1, int argb) {
        if (x < 0 || x >= width || Double.isNaN(y0) || Double.isNaN(y1)) {
            return;
        }
        int a = (int) Math.round(Math.min(y0, y1));
        int b = (int) Math.round(Math.max(y0, y1));
        a = Math.max(0, a);
        b = Math.min(height - 1, b);
        for (int y = a; y <= b; y++) {
            pixels[y * width + x] = argb;
        }
    }

    void draw(GraphicsContext g, double left, double top) {
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbPreInstance(), pixels, 0, width);
        g.drawImage(image, left, top);
    }

    /** {@code c} blended over {@code bg} with {@code alpha}, as an opaque packed colour. */
    static int argb(Color c, Color bg, double alpha) {
        int r = (int) Math.round((c.getRed() * alpha + bg.getRed() * (1 - alpha)) * 255);
        int gr = (int) Math.round((c.getGreen() * alpha + bg.getGreen() * (1 - alpha)) * 255);
        int b = (int) Math.round((c.getBlue() * alpha + bg.getBlue() * (1 - alpha)) * 255);
        return 0xff000000 | r << 16 | gr << 8 | b;
    }
}
