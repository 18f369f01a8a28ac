package dev.heapchain.graph;

import java.util.Arrays;

/**
 * First-fit field placement as JDK 15+ FieldLayoutBuilder does it: each field goes into the lowest
 * free hole that fits it at its natural alignment, or else at the end; the gap that alignment
 * leaves before it becomes a new hole. Holes are kept sorted by offset.
 */
final class HoleFiller {
    /** Real classes leave a handful of holes; the cap bounds the work on deep hostile hierarchies. */
    private static final int MAX_HOLES = 64;
    private int[] starts;
    private int[] ends;
    private int holes;
    private int end;
    private int fieldsEnd;

    HoleFiller(int[] holeStarts, int[] holeEnds, int end) {
        this.starts = Arrays.copyOf(holeStarts, Math.min(holeStarts.length + 8, MAX_HOLES));
        this.ends = Arrays.copyOf(holeEnds, Math.min(holeEnds.length + 8, MAX_HOLES));
        this.holes = holeStarts.length;
        this.end = end;
        this.fieldsEnd = end;
    }

    /** Where the next field would go if no hole fits it: after the last field or padding. */
    int end() {
        return end;
    }

    /** End of the highest field, not counting padding after it. */
    int fieldsEnd() {
        return fieldsEnd;
    }

    int[] holeStarts() {
        return Arrays.copyOf(starts, holes);
    }

    int[] holeEnds() {
        return Arrays.copyOf(ends, holes);
    }

    /** Forgets the holes: what follows may only go after the current end. */
    void closeHoles() {
        holes = 0;
    }

    /** Moves the end by {@code bytes} that no field may use (contended padding). */
    void pad(int bytes) {
        closeHoles();
        end += bytes;
    }

    /**
     * Pads by {@code bytes} and aligns the end for a first field of {@code firstSize} bytes. The
     * alignment gap is lost: FieldLayout::add searches for room only from the block after the
     * padding, and the gap is inserted before that block.
     */
    void padBefore(int bytes, int firstSize) {
        pad(bytes);
        end = SizeModel.align(end, firstSize);
    }

    /** Places {@code count} fields of {@code size} bytes, each aligned to its size. */
    void place(int size, int count) {
        for (int k = 0; k < count; k++) {
            placeOne(size);
        }
    }

    private void placeOne(int size) {
        for (int h = 0; h < holes; h++) {
            int at = SizeModel.align(starts[h], size);
            if (at + size <= ends[h]) {
                int oldEnd = ends[h];
                ends[h] = at; // the part before the field stays a hole (maybe empty)
                if (at + size < oldEnd) {
                    addHole(at + size, oldEnd);
                }
                dropEmpty();
                fieldsEnd = Math.max(fieldsEnd, at + size);
                return;
            }
        }
        int at = SizeModel.align(end, size);
        if (at > end) {
            addHole(end, at);
        }
        end = at + size;
        fieldsEnd = end;
    }

    private void addHole(int s, int e) {
        if (holes == MAX_HOLES) {
            return; // only a hostile hierarchy gets here; forgetting a hole only over-estimates
        }
        if (holes == starts.length) {
            starts = Arrays.copyOf(starts, holes * 2);
            ends = Arrays.copyOf(ends, holes * 2);
        }
        int i = holes++;
        while (i > 0 && starts[i - 1] > s) {
            starts[i] = starts[i - 1];
            ends[i] = ends[i - 1];
            i--;
        }
        starts[i] = s;
        ends[i] = e;
    }

    private void dropEmpty() {
        int w = 0;
        for (int h = 0; h < holes; h++) {
            if (ends[h] > starts[h]) {
                starts[w] = starts[h];
                ends[w] = ends[h];
                w++;
            }
        }
        holes = w;
    }
}
