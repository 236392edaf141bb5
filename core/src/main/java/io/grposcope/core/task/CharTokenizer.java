package io.grposcope.core.task;

/**
 * Character-level tokenizer shared by every token task: three specials, then one id per character.
 * The vocabulary is fixed so that models and checkpoints fit every task.
 */
public final class CharTokenizer {

    public static final int PAD = 0;
    public static final int BOS = 1;
    public static final int EOS = 2;
    /** Characters in id order starting at id 3. */
    public static final String CHARS = "0123456789+-*=,>SC";
    public static final int VOCAB_SIZE = 32;

    private CharTokenizer() {
    }

    public static int id(char c) {
        int i = CHARS.indexOf(c);
        if (i < 0) {
            throw new IllegalArgumentException("character '" + c + "' is not in the token vocabulary \"" + CHARS + "\"");
        }
        return i + 3;
    }

    public static int[] encode(String s) {
        int[] ids = new int[s.length()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = id(s.charAt(i));
        }
        return ids;
    }

    /** Text of the ids up to (not including) the first EOS; PAD/BOS/unknown ids show as '?'. */
    public static String decode(int[] ids, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to && ids[i] != EOS; i++) {
            int k = ids[i] - 3;
            sb.append(k >= 0 && k < CHARS.length() ? CHARS.charAt(k) : '?');
        }
        return sb.toString();
    }
}
