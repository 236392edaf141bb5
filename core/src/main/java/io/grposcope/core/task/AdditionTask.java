package io.grposcope.core.task;

import io.grposcope.core.engine.Rng;

/** "a+b=" with two zero-padded operands of {@code difficulty} digits; the answer is the plain decimal sum. */
public final class AdditionTask implements TokenTask {

    private final int difficulty;
    private final int digits;

    public AdditionTask(int difficulty) {
        if (difficulty < 1 || difficulty > 7) {
            throw new IllegalArgumentException("addition difficulty must be 1..7, got " + difficulty);
        }
        this.difficulty = difficulty;
        this.digits = difficulty;
    }

    @Override
    public String id() {
        return "addition";
    }

    @Override
    public int difficulty() {
        return difficulty;
    }

    @Override
    public Problem sample(Rng rng) {
        int max = (int) Math.pow(10, digits) - 1;
        int a = rng.nextInt(0, max);
        int b = rng.nextInt(0, max);
        String fmt = "%0" + digits + "d";
        return new Problem(String.format(fmt, a) + "+" + String.format(fmt, b) + "=", Integer.toString(a + b));
    }

    @Override
    public Score score(Problem problem, String completion, boolean terminated) {
        boolean digitsOnly = !completion.isEmpty() && completion.chars().allMatch(Character::isDigit);
        return Score.of(terminated && completion.equals(problem.solution()), terminated && digitsOnly);
    }

    @Override
    public int promptLength() {
        return 2 * digits + 2;
    }

    @Override
    public int maxSolutionLength() {
        return digits + 1;
    }
}
