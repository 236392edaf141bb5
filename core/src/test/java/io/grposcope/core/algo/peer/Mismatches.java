package io.grposcope.core.algo.peer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/** Collects what differs in one case; the case passes when nothing was collected. */
final class Mismatches {

    private final List<String> items = new ArrayList<>();

    void add(String what) {
        items.add(what);
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    List<String> items() {
        return items;
    }

    void scalar(String what, double actual, JsonNode expected, Tolerance tol) {
        if (expected == null) {
            add(what + ": no expected value");
            return;
        }
        double e = PeerJson.number(expected);
        if (!tol.close(actual, e)) {
            add(what + ": got " + actual + ", expected " + e);
        }
    }

    void array(String what, double[] actual, JsonNode expected, Tolerance tol) {
        array(what, actual, expected, tol, i -> false, tol);
    }

    /** Elements where {@code loose} holds are compared with {@code looseTol} instead. */
    void array(String what, double[] actual, JsonNode expected, Tolerance tol, IntPredicate loose,
               Tolerance looseTol) {
        if (expected == null) {
            add(what + ": no expected value");
            return;
        }
        double[] e = PeerJson.flat(expected);
        if (e.length != actual.length) {
            add(what + ": got " + actual.length + " values, expected " + e.length);
            return;
        }
        int bad = 0;
        int first = -1;
        for (int i = 0; i < e.length; i++) {
            if (!(loose.test(i) ? looseTol : tol).close(actual[i], e[i])) {
                bad++;
                first = first < 0 ? i : first;
            }
        }
        if (bad > 0) {
            add(what + ": " + bad + "/" + e.length + " differ, first at [" + first + "]: got " + actual[first]
                    + ", expected " + e[first]);
        }
    }
}
