package io.grposcope.core.algo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which rows of a batch belong to which group (prompt, prompt x agent, ...). Group keys may be any objects and
 * rows may come in any order (interleaved groups are normal); groups are numbered in order of first appearance.
 */
public final class GroupIndex {

    private final int[] groupOfRow;
    private final int[][] members;

    private GroupIndex(int[] groupOfRow, int[][] members) {
        this.groupOfRow = groupOfRow;
        this.members = members;
    }

    /** Groups rows by equal keys ({@link Object#equals}); one key per row. */
    public static GroupIndex of(List<?> keys) {
        Map<Object, Integer> ids = new LinkedHashMap<>();
        int[] group = new int[keys.size()];
        for (int i = 0; i < group.length; i++) {
            Object k = keys.get(i);
            if (k == null) {
                throw new IllegalArgumentException("group key of row " + i + " is null");
            }
            group[i] = ids.computeIfAbsent(k, x -> ids.size());
        }
        return fromDense(group, ids.size());
    }

    /** Groups rows by integer ids (any values, any order). */
    public static GroupIndex ofIds(int... ids) {
        List<Integer> keys = new ArrayList<>(ids.length);
        for (int id : ids) {
            keys.add(id);
        }
        return of(keys);
    }

    /** Contiguous groups of equal size: rows [0,g) are group 0, [g,2g) group 1, ... */
    public static GroupIndex contiguous(int rows, int groupSize) {
        if (groupSize <= 0 || rows % groupSize != 0) {
            throw new IllegalArgumentException("rows " + rows + " not divisible by group size " + groupSize);
        }
        int[] group = new int[rows];
        for (int i = 0; i < rows; i++) {
            group[i] = i / groupSize;
        }
        return fromDense(group, rows / groupSize);
    }

    private static GroupIndex fromDense(int[] group, int count) {
        int[] sizes = new int[count];
        for (int g : group) {
            sizes[g]++;
        }
        int[][] members = new int[count][];
        int[] fill = new int[count];
        for (int g = 0; g < count; g++) {
            members[g] = new int[sizes[g]];
        }
        for (int i = 0; i < group.length; i++) {
            members[group[i]][fill[group[i]]++] = i;
        }
        return new GroupIndex(group, members);
    }

    public int rows() {
        return groupOfRow.length;
    }

    public int groupCount() {
        return members.length;
    }

    /** Dense group number (0-based) of a row. */
    public int groupOf(int row) {
        return groupOfRow[row];
    }

    /** Row indices of a group, in row order. */
    public int[] members(int group) {
        return members[group].clone();
    }

    public int size(int group) {
        return members[group].length;
    }

    /** Dense group number of every row (a copy). */
    public int[] groupOfRows() {
        return groupOfRow.clone();
    }

    /** This index restricted to the given rows, renumbered in the given order. */
    public GroupIndex select(int[] rows) {
        List<Integer> keys = new ArrayList<>(rows.length);
        for (int r : rows) {
            keys.add(groupOfRow[r]);
        }
        return of(keys);
    }

    @Override
    public String toString() {
        return "GroupIndex" + Arrays.toString(groupOfRow);
    }
}
