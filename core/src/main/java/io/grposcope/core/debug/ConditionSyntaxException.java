package io.grposcope.core.debug;

/**
 * A breakpoint condition that does not parse: says where (0-based column) and what was expected, and shows the
 * text with a caret under the column.
 */
public final class ConditionSyntaxException extends IllegalArgumentException {
    private final int position;
    private final String expected;
    private final String found;

    public ConditionSyntaxException(String source, int position, String expected, String found) {
        super("condition error at column " + (position + 1) + ": expected " + expected + " but found " + found
                + "\n  " + source + "\n  " + " ".repeat(Math.max(0, position)) + "^");
        this.position = position;
        this.expected = expected;
        this.found = found;
    }

    /** 0-based character offset of the problem in the condition text. */
    public int position() {
        return position;
    }

    public String expected() {
        return expected;
    }

    public String found() {
        return found;
    }
}
