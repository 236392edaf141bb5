package io.grposcope.core.algo.spi;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** "Did you mean" helper: the valid names closest to a mistyped one by edit distance. */
final class NameSuggestions {

    private NameSuggestions() {
    }

    /** Up to three closest names within a reasonable distance, or all names when none is close. */
    static List<String> closest(String wrong, Collection<String> valid) {
        String w = wrong == null ? "" : wrong.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, w.length() / 2);
        List<String> close = valid.stream()
                .filter(v -> distance(w, v.toLowerCase(Locale.ROOT)) <= limit)
                .sorted(Comparator.comparingInt((String v) -> distance(w, v.toLowerCase(Locale.ROOT)))
                        .thenComparing(v -> v))
                .limit(3).toList();
        return close.isEmpty() ? valid.stream().sorted().toList() : close;
    }

    /** Levenshtein distance. */
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
