package io.grposcope.core.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Suggests valid names close to a misspelt one (edit distance, case-insensitive). */
public final class Names {

    private Names() {
    }

    /** Up to three valid names nearest to {@code wrong}; all of them (sorted) when none is near. */
    public static List<String> closest(String wrong, Collection<String> valid) {
        String w = wrong.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, w.length() / 3);
        List<String> near = valid.stream()
                .filter(v -> distance(w, v.toLowerCase(Locale.ROOT)) <= limit
                        || v.toLowerCase(Locale.ROOT).contains(w) || w.contains(v.toLowerCase(Locale.ROOT)))
                .sorted(Comparator.comparingInt((String v) -> distance(w, v.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(3).toList();
        return near.isEmpty() ? valid.stream().sorted().toList() : near;
    }

    /** "did you mean a, b?" or "valid: a, b, c". */
    public static String suggestion(String wrong, Collection<String> valid) {
        List<String> near = closest(wrong, valid);
        boolean close = near.size() < valid.size() || valid.size() <= 3;
        return (close ? "did you mean " : "valid names: ") + String.join(", ", near) + (close ? "?" : "");
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
