package dev.heapchain.graph;

import java.util.List;

/**
 * Field placement state after one class of a hierarchy, which its subclasses continue from.
 *
 * @param holeStarts      free gaps below {@code end} that subclasses may fill (compact and ART)
 * @param holeEnds        their ends
 * @param end             end of the fields and of any contended padding after them
 * @param fieldsEnd       end of the highest field alone (compact: where a subclass of a contended
 *                        class puts its padding)
 * @param legacyFieldsEnd where a subclass's fields start under the legacy layout
 * @param contended       whether this class or a superclass has {@code @Contended} fields (compact)
 */
record FieldBlock(int[] holeStarts, int[] holeEnds, int end, int fieldsEnd, int legacyFieldsEnd,
                  boolean contended) {
    private static final int PAD = ContendedFields.PADDING;

    static FieldBlock root(SizeModel m) {
        return new FieldBlock(new int[0], new int[0], m.headerSize(), m.headerSize(), m.headerSize(), false);
    }

    int instanceSize(SizeModel m) {
        int word = m.referenceSize() == 8 || m.headerSize() > 8 ? 8 : 4;
        return SizeModel.align(SizeModel.align(end, word), m.alignment());
    }

    FieldBlock extend(ClassFields f, SizeModel m) {
        return switch (m.layout()) {
            case LEGACY -> legacy(f, m);
            case COMPACT -> compact(f, m);
            case ART -> art(f, m);
        };
    }

    /**
     * JDK 6-14 classFileParser: the class's fields start after the superclass's (aligned to a
     * reference), longs first, then ints, shorts, bytes and references; only the gap before the
     * first long is filled. {@code @Contended} groups (JDK 8+) follow after 128 bytes of padding,
     * each field at its own alignment in declaration order, each group padded behind.
     */
    private FieldBlock legacy(ClassFields f, SizeModel m) {
        int oop = m.referenceSize();
        int longs = f.bySize()[8];
        int words = f.bySize()[4];
        int shorts = f.bySize()[2];
        int bytes = f.bySize()[1];
        int oops = f.oops();
        int start = legacyFieldsEnd + (f.contended() ? PAD : 0);
        int next;
        if (f.legacyOopsFirst()) {
            int doubleOffset = SizeModel.align(start + oops * oop, longs > 0 ? 8 : 1);
            next = doubleOffset + longs * 8 + words * 4 + shorts * 2 + bytes;
        } else {
            int doubleOffset = start;
            if (longs > 0) {
                doubleOffset = SizeModel.align(start, 8);
                int gap = doubleOffset - start;
                if (gap > 0) {
                    if (words > 0) {
                        words--;
                        gap -= 4;
                    }
                    while (gap >= 2 && shorts > 0) {
                        shorts--;
                        gap -= 2;
                    }
                    while (gap > 0 && bytes > 0) {
                        bytes--;
                        gap--;
                    }
                    if (gap >= oop && oops > 0) {
                        oops--;
                    }
                }
            }
            int padded = doubleOffset + longs * 8 + words * 4 + shorts * 2 + bytes;
            next = oops > 0 ? SizeModel.align(padded, oop) + oops * oop : padded;
        }
        if (!f.groups().isEmpty()) {
            next += PAD;
            for (List<Integer> group : f.groups()) {
                for (int width : group) {
                    int size = width == ClassFields.OOP ? oop : width;
                    next = SizeModel.align(next, size) + size;
                }
                next += PAD;
            }
        }
        if (f.contended()) {
            next += PAD;
        }
        return new FieldBlock(holeStarts, holeEnds, next, next, SizeModel.align(next, oop), false);
    }

    /**
     * JDK 15+ FieldLayoutBuilder: primitives by decreasing size, then references, each in the first
     * hole that fits, including holes that superclasses left. A contended class starts after 128
     * bytes of padding and gives up the holes above; each contended group starts after 128 bytes
     * of padding, and 128 more follow the class's last field. Below a contended superclass
     * (FieldLayout::fill_holes) its holes are padding, and 128 bytes follow its last field. After
     * each such padding the gap that aligns the first field is lost (see HoleFiller.padBefore):
     * measured on JDK 17, a grandchild of Thread adding a long and a boolean is 520 bytes, not 512.
     */
    private FieldBlock compact(ClassFields f, SizeModel m) {
        HoleFiller filler = contended ? new HoleFiller(new int[0], new int[0], fieldsEnd)
                : new HoleFiller(holeStarts, holeEnds, end);
        if (contended) {
            filler.padBefore(PAD, firstSize(f.bySize(), f.oops() > 0, m));
        }
        if (f.contended()) {
            filler.padBefore(PAD, firstSize(f.bySize(), f.oops() > 0, m));
        }
        placeOrdinary(filler, f, m, false);
        for (List<Integer> group : f.groups()) {
            int[] bySize = new int[9];
            group.stream().filter(w -> w != ClassFields.OOP).forEach(w -> bySize[w]++);
            filler.padBefore(PAD, firstSize(bySize, group.contains(ClassFields.OOP), m));
            for (int size = 8; size >= 1; size /= 2) {
                final int s = size;
                filler.place(size, (int) group.stream().filter(w -> w == s).count());
            }
            filler.place(m.referenceSize(), (int) group.stream().filter(w -> w == ClassFields.OOP).count());
        }
        boolean padded = f.contended() || !f.groups().isEmpty();
        if (padded) {
            filler.pad(PAD);
        }
        return new FieldBlock(filler.holeStarts(), filler.holeEnds(), filler.end(), filler.fieldsEnd(), 0,
                contended || padded);
    }

    /** Size of the field that FieldLayoutBuilder places first: the widest primitive, else a reference. */
    private static int firstSize(int[] bySize, boolean hasOops, SizeModel m) {
        for (int size = 8; size >= 1; size /= 2) {
            if (bySize[size] > 0) {
                return size;
            }
        }
        return hasOops ? m.referenceSize() : 1;
    }

    /** Android ART: references first, then primitives by decreasing size, filling holes. */
    private FieldBlock art(ClassFields f, SizeModel m) {
        HoleFiller filler = new HoleFiller(holeStarts, holeEnds, end);
        placeOrdinary(filler, f, m, true);
        return new FieldBlock(filler.holeStarts(), filler.holeEnds(), filler.end(), filler.fieldsEnd(), 0, false);
    }

    private static void placeOrdinary(HoleFiller filler, ClassFields f, SizeModel m, boolean oopsFirst) {
        if (oopsFirst) {
            filler.place(m.referenceSize(), f.oops());
        }
        for (int size = 8; size >= 1; size /= 2) {
            filler.place(size, f.bySize()[size]);
        }
        if (!oopsFirst) {
            filler.place(m.referenceSize(), f.oops());
        }
    }
}
