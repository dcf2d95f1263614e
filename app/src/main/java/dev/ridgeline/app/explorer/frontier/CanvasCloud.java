package dev.ridgeline.app.explorer.frontier;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.IntBuffer;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * The cloud's image on the window's canvas: a JavaFX image sharing the AWT image's pixel array (premultiplied ARGB
 * ints, as both take them), made once per AWT image and drawn on the canvas directly. Apart from {@link CloudRenderer}
 * so that a file export, which draws with Java2D alone, loads no JavaFX class (ToolkitFreeExportTest).
 */
final class CanvasCloud {
    private final GraphicsContext canvas;
    private BufferedImage source;
    private WritableImage image;

    CanvasCloud(GraphicsContext canvas) {
        this.canvas = canvas;
    }

    /** Draws {@code awt} (TYPE_INT_ARGB_PRE) at (x, y) in the canvas's current transform and clip. */
    void draw(BufferedImage awt, int x, int y) {
        if (awt != source) {
            image = new WritableImage(new PixelBuffer<>(awt.getWidth(), awt.getHeight(),
                    IntBuffer.wrap(((DataBufferInt) awt.getRaster().getDataBuffer()).getData()),
                    PixelFormat.getIntArgbPreInstance()));
            source = awt;
        }
        canvas.drawImage(image, x, y);
    }
}
