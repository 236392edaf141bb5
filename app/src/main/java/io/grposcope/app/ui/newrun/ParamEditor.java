package io.grposcope.app.ui.newrun;

import io.grposcope.core.algo.spi.ParamSpec;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.TextField;

/**
 * The editor for one method parameter: a check box for flags, a drop-down for choices (so neither can be mistyped),
 * a text field for numbers. Its node id is {@code param-<name>} so tests and the inspector find it.
 */
final class ParamEditor {
    private final ParamSpec spec;
    private final Control control;

    ParamEditor(ParamSpec spec) {
        this.spec = spec;
        this.control = switch (spec.type()) {
            case BOOLEAN -> new CheckBox();
            case CHOICE -> new ComboBox<String>();
            case DOUBLE, INT -> new TextField();
        };
        control.setId("param-" + spec.name());
        reset();
    }

    Control control() {
        return control;
    }

    /** Back to the declared default. */
    @SuppressWarnings("unchecked")
    void reset() {
        Object d = spec.defaultValue();
        if (control instanceof CheckBox b) {
            b.setSelected(Boolean.TRUE.equals(d));
        } else if (control instanceof ComboBox<?> c) {
            ((ComboBox<String>) c).getItems().setAll(spec.choices());
            ((ComboBox<String>) c).setValue(String.valueOf(d));
        } else {
            ((TextField) control).setText(String.valueOf(d));
        }
    }

    /** The value typed and range-checked by the spec; the exception names the parameter. */
    Object value() {
        if (control instanceof CheckBox b) {
            return b.isSelected();
        }
        if (control instanceof ComboBox<?> c) {
            return spec.coerce(c.getValue());
        }
        String text = ((TextField) control).getText().strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("parameter '" + spec.name() + "' is empty; it needs "
                    + (spec.type() == ParamSpec.Type.INT ? "a whole number" : "a number"));
        }
        return spec.coerce(text);
    }
}
