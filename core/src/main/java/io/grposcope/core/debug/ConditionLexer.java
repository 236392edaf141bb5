package io.grposcope.core.debug;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a condition into tokens. Metric names may contain '/', so {@code clip/frac_region} is one name; a
 * division between two names needs spaces ({@code a / b}). Names with other characters go in backticks.
 */
final class ConditionLexer {

    enum Kind { NUMBER, NAME, OP, LPAREN, RPAREN, COMMA, END }

    record Token(Kind kind, String text, int pos) {
        String describe() {
            return kind == Kind.END ? "the end of the condition" : "'" + text + "'";
        }
    }

    private static final String[] OPS = {"||", "&&", "<=", ">=", "==", "!=", "<", ">", "!", "+", "-", "*", "/"};

    private final String src;
    private int i;

    private ConditionLexer(String src) {
        this.src = src;
    }

    static List<Token> tokenize(String src) {
        return new ConditionLexer(src).all();
    }

    private List<Token> all() {
        List<Token> out = new ArrayList<>();
        while (true) {
            skipSpace();
            if (i >= src.length()) {
                out.add(new Token(Kind.END, "", i));
                return out;
            }
            out.add(next());
        }
    }

    private void skipSpace() {
        while (i < src.length() && Character.isWhitespace(src.charAt(i))) {
            i++;
        }
    }

    private Token next() {
        char c = src.charAt(i);
        int start = i;
        if (Character.isDigit(c) || (c == '.' && i + 1 < src.length() && Character.isDigit(src.charAt(i + 1)))) {
            return number();
        }
        if (isNameStart(c)) {
            return name();
        }
        if (c == '`') {
            return quotedName();
        }
        switch (c) {
            case '(': i++; return new Token(Kind.LPAREN, "(", start);
            case ')': i++; return new Token(Kind.RPAREN, ")", start);
            case ',': i++; return new Token(Kind.COMMA, ",", start);
            default: break;
        }
        for (String op : OPS) {
            if (src.startsWith(op, i)) {
                i += op.length();
                return new Token(Kind.OP, op, start);
            }
        }
        if (c == '&' || c == '|' || c == '=') {
            throw new ConditionSyntaxException(src, start, "'" + c + c + "'", "a single '" + c + "'");
        }
        throw new ConditionSyntaxException(src, start, "a number, a metric name, an operator or a parenthesis",
                "'" + c + "'");
    }

    private Token number() {
        int start = i;
        while (i < src.length() && (Character.isDigit(src.charAt(i)) || src.charAt(i) == '.')) {
            i++;
        }
        if (i < src.length() && (src.charAt(i) == 'e' || src.charAt(i) == 'E')) {
            int save = i;
            i++;
            if (i < src.length() && (src.charAt(i) == '+' || src.charAt(i) == '-')) {
                i++;
            }
            if (i < src.length() && Character.isDigit(src.charAt(i))) {
                while (i < src.length() && Character.isDigit(src.charAt(i))) {
                    i++;
                }
            } else {
                i = save;
            }
        }
        String text = src.substring(start, i);
        try {
            Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new ConditionSyntaxException(src, start, "a number", "'" + text + "'");
        }
        return new Token(Kind.NUMBER, text, start);
    }

    private Token name() {
        int start = i;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (isNamePart(c)) {
                i++;
            } else if (c == '/' && i + 1 < src.length() && isNameStart(src.charAt(i + 1))) {
                i++;
            } else {
                break;
            }
        }
        return new Token(Kind.NAME, src.substring(start, i), start);
    }

    private Token quotedName() {
        int start = i;
        int close = src.indexOf('`', i + 1);
        if (close < 0) {
            throw new ConditionSyntaxException(src, src.length(), "a closing '`'", "the end of the condition");
        }
        i = close + 1;
        return new Token(Kind.NAME, src.substring(start + 1, close), start);
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.';
    }
}
