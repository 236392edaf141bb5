package io.grposcope.core.task;

import io.grposcope.core.engine.Rng;

import java.util.Arrays;

/**
 * Countdown-style puzzle: "C3,5,7>026=" asks for an expression that uses each given digit exactly once with
 * + − × (usual precedence) and equals the target (zero-padded to a fixed width). (difficulty+1) numbers 1..9.
 */
public final class CountdownTask implements TokenTask {

    private static final String OPS = "+-*";
    private final int difficulty;
    private final int count;
    private final int targetWidth;

    public CountdownTask(int difficulty) {
        if (difficulty < 1 || difficulty > 4) {
            throw new IllegalArgumentException("countdown difficulty must be 1..4, got " + difficulty);
        }
        this.difficulty = difficulty;
        this.count = difficulty + 1;
        this.targetWidth = Long.toString((long) Math.pow(9, count)).length();
    }

    @Override
    public String id() {
        return "countdown";
    }

    @Override
    public int difficulty() {
        return difficulty;
    }

    @Override
    public Problem sample(Rng rng) {
        while (true) {
            int[] nums = new int[count];
            StringBuilder expr = new StringBuilder();
            for (int i = 0; i < count; i++) {
                nums[i] = rng.nextInt(1, 9);
                if (i > 0) {
                    expr.append(OPS.charAt(rng.nextInt(OPS.length())));
                }
                expr.append(nums[i]);
            }
            long value = evaluate(expr.toString());
            if (value >= 0) {
                Arrays.sort(nums);
                StringBuilder p = new StringBuilder("C");
                for (int i = 0; i < count; i++) {
                    p.append(i == 0 ? "" : ",").append(nums[i]);
                }
                p.append('>').append(String.format("%0" + targetWidth + "d", value)).append('=');
                return new Problem(p.toString(), expr.toString());
            }
        }
    }

    @Override
    public Score score(Problem problem, String completion, boolean terminated) {
        boolean wellFormed = terminated && isExpression(completion);
        if (!wellFormed) {
            return Score.of(false, false);
        }
        String prompt = problem.prompt();
        int[] given = digitsOf(prompt.substring(1, prompt.indexOf('>')));
        long target = Long.parseLong(prompt.substring(prompt.indexOf('>') + 1, prompt.length() - 1));
        boolean sameNumbers = Arrays.equals(given, digitsOf(completion));
        return Score.of(sameNumbers && evaluate(completion) == target, true);
    }

    @Override
    public int promptLength() {
        return 1 + (2 * count - 1) + 1 + targetWidth + 1;
    }

    @Override
    public int maxSolutionLength() {
        return 2 * count - 1;
    }

    /** digit (op digit)*: single-digit operands only. */
    static boolean isExpression(String s) {
        if (s.length() % 2 == 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = i % 2 == 0 ? c >= '1' && c <= '9' : OPS.indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Value of a well-formed expression with × before + and −. */
    static long evaluate(String s) {
        long sum = 0;
        long term = s.charAt(0) - '0';
        int sign = 1;
        for (int i = 1; i < s.length(); i += 2) {
            char op = s.charAt(i);
            long d = s.charAt(i + 1) - '0';
            if (op == '*') {
                term *= d;
            } else {
                sum += sign * term;
                sign = op == '+' ? 1 : -1;
                term = d;
            }
        }
        return sum + sign * term;
    }

    private static int[] digitsOf(String s) {
        int[] d = s.chars().filter(Character::isDigit).map(c -> c - '0').toArray();
        Arrays.sort(d);
        return d;
    }
}
