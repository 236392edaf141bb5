package io.grposcope.core.task;

import io.grposcope.core.engine.Rng;

/** "S<digits>=" → the same digits in ascending order; (difficulty+2) digits. */
public final class SortTask implements TokenTask {

    private final int difficulty;
    private final int length;

    public SortTask(int difficulty) {
        if (difficulty < 1 || difficulty > 8) {
            throw new IllegalArgumentException("sort difficulty must be 1..8, got " + difficulty);
        }
        this.difficulty = difficulty;
        this.length = difficulty + 2;
    }

    @Override
    public String id() {
        return "sort";
    }

    @Override
    public int difficulty() {
        return difficulty;
    }

    @Override
    public Problem sample(Rng rng) {
        char[] d = new char[length];
        for (int i = 0; i < length; i++) {
            d[i] = (char) ('0' + rng.nextInt(10));
        }
        String prompt = "S" + new String(d) + "=";
        java.util.Arrays.sort(d);
        return new Problem(prompt, new String(d));
    }

    @Override
    public Score score(Problem problem, String completion, boolean terminated) {
        boolean wellFormed = terminated && completion.length() == length
                && completion.chars().allMatch(Character::isDigit);
        return Score.of(terminated && completion.equals(problem.solution()), wellFormed);
    }

    @Override
    public int promptLength() {
        return length + 2;
    }

    @Override
    public int maxSolutionLength() {
        return length;
    }
}
