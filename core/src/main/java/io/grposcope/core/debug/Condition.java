package io.grposcope.core.debug;

import io.grposcope.core.debug.ConditionLexer.Kind;
import io.grposcope.core.debug.ConditionLexer.Token;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * A breakpoint condition typed over metric names, e.g. {@code clip/frac_region > 0.3 && entropy/token_mean < 0.2}.
 * Grammar (lowest precedence first): {@code ||}, {@code &&}, {@code !}, comparisons, {@code + -}, {@code * /},
 * unary minus, then numbers, names, {@code true/false}, {@code abs/min/max/log/finite(...)} and parentheses.
 * Comparisons with a missing (NaN) metric are false. Parsing checks types, so {@code a && 3} is an error.
 */
public final class Condition {

    private final String source;
    private final ConditionExpr root;
    private final Set<String> metrics;

    private Condition(String source, ConditionExpr root, Set<String> metrics) {
        this.source = source;
        this.root = root;
        this.metrics = Collections.unmodifiableSet(metrics);
    }

    /** Parses {@code text}; throws {@link ConditionSyntaxException} with the column and what was expected. */
    public static Condition parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ConditionSyntaxException(text == null ? "" : text, 0, "a condition", "nothing");
        }
        Parser p = new Parser(text, ConditionLexer.tokenize(text));
        ConditionExpr e = p.parseAll();
        return new Condition(text, e, p.names);
    }

    /** True when the condition holds for the given metric values (missing metrics should return NaN). */
    public boolean test(ToDoubleFunction<String> metricValues) {
        return root.eval(metricValues) != 0;
    }

    /** The metric names the condition reads, in order of first use. */
    public Set<String> metricNames() {
        return metrics;
    }

    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return source;
    }

    private static final class Parser {
        private final String src;
        private final List<Token> tokens;
        private final Set<String> names = new LinkedHashSet<>();
        private int at;

        Parser(String src, List<Token> tokens) {
            this.src = src;
            this.tokens = tokens;
        }

        ConditionExpr parseAll() {
            int start = peek().pos();
            ConditionExpr e = or();
            if (peek().kind() != Kind.END) {
                throw error("an operator ('&&', '||', a comparison) or the end", peek());
            }
            if (!e.bool()) {
                throw new ConditionSyntaxException(src, start, "a true/false condition (e.g. grad/norm > 10)",
                        "a number");
            }
            return e;
        }

        private ConditionExpr or() {
            ConditionExpr e = and();
            while (isOp("||")) {
                Token t = take();
                e = new ConditionExpr.Binary("||", requireBool(e, t), requireBool(and(), t));
            }
            return e;
        }

        private ConditionExpr and() {
            ConditionExpr e = not();
            while (isOp("&&")) {
                Token t = take();
                e = new ConditionExpr.Binary("&&", requireBool(e, t), requireBool(not(), t));
            }
            return e;
        }

        private ConditionExpr not() {
            if (isOp("!")) {
                Token t = take();
                return new ConditionExpr.Not(requireBool(not(), t));
            }
            return comparison();
        }

        private ConditionExpr comparison() {
            ConditionExpr e = sum();
            if (isOp("<") || isOp("<=") || isOp(">") || isOp(">=") || isOp("==") || isOp("!=")) {
                Token t = take();
                ConditionExpr rhs = sum();
                e = new ConditionExpr.Binary(t.text(), requireNum(e, t), requireNum(rhs, t));
                if (isOp("<") || isOp("<=") || isOp(">") || isOp(">=") || isOp("==") || isOp("!=")) {
                    throw error("'&&' or '||' between comparisons", peek());
                }
            }
            return e;
        }

        private ConditionExpr sum() {
            ConditionExpr e = product();
            while (isOp("+") || isOp("-")) {
                Token t = take();
                e = new ConditionExpr.Binary(t.text(), requireNum(e, t), requireNum(product(), t));
            }
            return e;
        }

        private ConditionExpr product() {
            ConditionExpr e = unary();
            while (isOp("*") || isOp("/")) {
                Token t = take();
                e = new ConditionExpr.Binary(t.text(), requireNum(e, t), requireNum(unary(), t));
            }
            return e;
        }

        private ConditionExpr unary() {
            if (isOp("-")) {
                Token t = take();
                return new ConditionExpr.Neg(requireNum(unary(), t));
            }
            return atom();
        }

        private ConditionExpr atom() {
            Token t = peek();
            switch (t.kind()) {
                case NUMBER:
                    take();
                    return new ConditionExpr.Num(Double.parseDouble(t.text()));
                case LPAREN:
                    take();
                    ConditionExpr inner = or();
                    expect(Kind.RPAREN, "')' to close the '(' at column " + (t.pos() + 1));
                    return inner;
                case NAME:
                    take();
                    return named(t);
                default:
                    throw error("a number, a metric name, '!' or '('", t);
            }
        }

        private ConditionExpr named(Token t) {
            String n = t.text();
            if (peek().kind() == Kind.LPAREN && ConditionExpr.Call.ARITY.containsKey(n)) {
                return call(t);
            }
            if (n.equals("true") || n.equals("false")) {
                return new ConditionExpr.Bool(n.equals("true"));
            }
            names.add(n);
            return new ConditionExpr.Metric(n);
        }

        private ConditionExpr call(Token fn) {
            take();
            List<ConditionExpr> args = new ArrayList<>();
            int arity = ConditionExpr.Call.ARITY.get(fn.text());
            for (int k = 0; k < arity; k++) {
                if (k > 0) {
                    expect(Kind.COMMA, "',' and argument " + (k + 1) + " of " + fn.text());
                }
                Token argStart = peek();
                args.add(requireNum(sum(), argStart));
            }
            expect(Kind.RPAREN, "')' after the " + arity + " argument(s) of " + fn.text());
            return new ConditionExpr.Call(fn.text(), args);
        }

        private ConditionExpr requireBool(ConditionExpr e, Token op) {
            if (!e.bool()) {
                throw new ConditionSyntaxException(src, op.pos(),
                        "true/false operands around " + op.describe() + " (use a comparison such as x > 0)", "a number");
            }
            return e;
        }

        private ConditionExpr requireNum(ConditionExpr e, Token op) {
            if (e.bool()) {
                throw new ConditionSyntaxException(src, op.pos(), "numbers around " + op.describe(),
                        "a true/false value");
            }
            return e;
        }

        private void expect(Kind kind, String what) {
            if (peek().kind() != kind) {
                throw error(what, peek());
            }
            take();
        }

        private boolean isOp(String op) {
            Token t = peek();
            return t.kind() == Kind.OP && t.text().equals(op);
        }

        private Token peek() {
            return tokens.get(at);
        }

        private Token take() {
            return tokens.get(at++);
        }

        private ConditionSyntaxException error(String expected, Token found) {
            return new ConditionSyntaxException(src, found.pos(), expected, found.describe());
        }
    }
}
