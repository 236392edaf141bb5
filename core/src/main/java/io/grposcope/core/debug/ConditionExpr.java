package io.grposcope.core.debug;

import java.util.function.ToDoubleFunction;

/** Nodes of a parsed breakpoint condition. Booleans evaluate to 1.0 / 0.0; a missing metric reads as NaN. */
sealed interface ConditionExpr {

    double eval(ToDoubleFunction<String> metrics);

    boolean bool();

    record Num(double value) implements ConditionExpr {
        public double eval(ToDoubleFunction<String> m) {
            return value;
        }

        public boolean bool() {
            return false;
        }
    }

    record Bool(boolean value) implements ConditionExpr {
        public double eval(ToDoubleFunction<String> m) {
            return value ? 1 : 0;
        }

        public boolean bool() {
            return true;
        }
    }

    record Metric(String name) implements ConditionExpr {
        public double eval(ToDoubleFunction<String> m) {
            return m.applyAsDouble(name);
        }

        public boolean bool() {
            return false;
        }
    }

    record Neg(ConditionExpr x) implements ConditionExpr {
        public double eval(ToDoubleFunction<String> m) {
            return -x.eval(m);
        }

        public boolean bool() {
            return false;
        }
    }

    record Not(ConditionExpr x) implements ConditionExpr {
        public double eval(ToDoubleFunction<String> m) {
            return x.eval(m) != 0 ? 0 : 1;
        }

        public boolean bool() {
            return true;
        }
    }

    record Binary(String op, ConditionExpr a, ConditionExpr b) implements ConditionExpr {
        public double eval(ToDoubleFunction<String> m) {
            switch (op) {
                case "||": return a.eval(m) != 0 || b.eval(m) != 0 ? 1 : 0;
                case "&&": return a.eval(m) != 0 && b.eval(m) != 0 ? 1 : 0;
                default: break;
            }
            double x = a.eval(m);
            double y = b.eval(m);
            return switch (op) {
                case "+" -> x + y;
                case "-" -> x - y;
                case "*" -> x * y;
                case "/" -> x / y;
                case "<" -> x < y ? 1 : 0;
                case "<=" -> x <= y ? 1 : 0;
                case ">" -> x > y ? 1 : 0;
                case ">=" -> x >= y ? 1 : 0;
                case "==" -> x == y ? 1 : 0;
                case "!=" -> x != y ? 1 : 0;
                default -> throw new IllegalStateException("unknown operator " + op);
            };
        }

        public boolean bool() {
            return !(op.equals("+") || op.equals("-") || op.equals("*") || op.equals("/"));
        }
    }

    /** Built-in functions: abs(x), min(x, y), max(x, y) are numbers; finite(x) is true for a finite value. */
    record Call(String fn, java.util.List<ConditionExpr> args) implements ConditionExpr {
        static final java.util.Map<String, Integer> ARITY = java.util.Map.of("abs", 1, "min", 2, "max", 2,
                "finite", 1, "log", 1);

        public double eval(ToDoubleFunction<String> m) {
            double x = args.get(0).eval(m);
            return switch (fn) {
                case "abs" -> Math.abs(x);
                case "log" -> Math.log(x);
                case "finite" -> Double.isFinite(x) ? 1 : 0;
                case "min" -> Math.min(x, args.get(1).eval(m));
                case "max" -> Math.max(x, args.get(1).eval(m));
                default -> throw new IllegalStateException("unknown function " + fn);
            };
        }

        public boolean bool() {
            return fn.equals("finite");
        }
    }
}
