package io.grposcope.app.plugins;

import io.grposcope.core.algo.spi.ProviderStatus;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The app's view of method plugins: every method it can run, the user plugin folder, and each jar found there
 * with its state, so a broken jar is visible (with the reason) instead of silently missing.
 */
public final class PluginStatusPane extends VBox {

    /** One line of the pane; {@code problem} lines are styled as warnings. */
    public record Line(String text, boolean problem) {
    }

    public PluginStatusPane(UserPlugins plugins) {
        setSpacing(4);
        setId("pluginStatus");
        Label head = new Label("Methods and plugins");
        head.getStyleClass().add("title-4");
        getChildren().add(head);
        for (Line line : lines(plugins)) {
            Label l = new Label(line.text());
            l.setWrapText(true);
            l.getStyleClass().add(line.problem() ? "danger" : "text-muted");
            getChildren().add(l);
        }
    }

    /** What the pane shows, as plain text (tested without a JavaFX toolkit). */
    public static List<Line> lines(UserPlugins plugins) {
        List<Line> out = new ArrayList<>();
        List<String> methods = new ArrayList<>();
        for (ProviderStatus s : plugins.registry().statuses()) {
            if (s.available()) {
                methods.add(s.displayName() + " (" + s.id() + ")");
            } else {
                out.add(new Line("Method " + s.id() + " unavailable: " + s.error(), true));
            }
        }
        out.add(0, new Line("Methods: " + String.join(", ", methods), false));
        int loaded = (int) plugins.jars().stream().filter(j -> j.state() == PluginJar.State.LOADED).count();
        out.add(new Line("Plugin folder " + plugins.folder().toAbsolutePath() + ": " + plugins.jars().size()
                + " jar(s), " + loaded + " loaded", false));
        for (PluginJar j : plugins.problems()) {
            out.add(new Line(j.describe(), true));
        }
        return out;
    }
}
