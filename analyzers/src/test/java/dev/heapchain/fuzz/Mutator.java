package dev.heapchain.fuzz;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Damages HPROF bytes the ways real dumps are damaged and hostile ones are built: flipped bytes,
 * rewritten length and count fields, records spliced in from another dump, ranges deleted or
 * duplicated, cuts. Field rewrites use values that break arithmetic (0, 2^31-1, 2^32-1, the file
 * size). Deterministic for a given {@link Random}.
 */
final class Mutator {
    private static final long[] INTERESTING = {0, 1, 2, 7, 8, 0x7F, 0x80, 0xFF, 0xFFFF, 0x7FFF_FFFFL, 0x8000_0000L,
        0xFFFF_FFFFL, 0xFFFF_FFFEL, 1 << 29, 4 << 20};

    private final Random random;
    /** Of the input being mutated: where count fields sit depends on it. */
    private int idSize = 8;

    Mutator(Random random) {
        this.random = random;
    }

    /**
     * One to four stacked mutations of {@code input}; {@code donors} supply spliced records. The
     * header is left alone but for one input in 64: a broken header ends every read at its first
     * check, and the header checks need few inputs to cover.
     */
    byte[] mutate(byte[] input, List<byte[]> donors) {
        int header = RecordScan.headerLength(input);
        idSize = RecordScan.idSize(input);
        boolean keepHeader = header > 0 && random.nextInt(64) != 0;
        byte[] b = keepHeader ? Arrays.copyOfRange(input, header, input.length) : input;
        int rounds = 1 + random.nextInt(4);
        for (int i = 0; i < rounds && b.length > 0; i++) {
            b = once(b, donors.get(random.nextInt(donors.size())), keepHeader ? 0 : -1);
        }
        if (!keepHeader) {
            return b;
        }
        byte[] out = Arrays.copyOf(input, header + b.length);
        System.arraycopy(b, 0, out, header, b.length);
        return out;
    }

    /** @param bodyOnly 0 when {@code b} is the record stream without its header, -1 for whole files */
    private byte[] once(byte[] b, byte[] donor, int bodyOnly) {
        switch (random.nextInt(10)) {
            case 0 -> {
                byte[] c = b.clone();
                for (int k = 1 + random.nextInt(8); k > 0; k--) {
                    c[random.nextInt(c.length)] ^= (byte) (1 << random.nextInt(8));
                }
                return c;
            }
            case 1 -> {
                return putU4(b, random.nextInt(b.length), interesting(b));
            }
            case 2 -> {
                byte[] c = b.clone();
                int at = random.nextInt(c.length);
                if (at + 2 <= c.length) {
                    ByteBuffer.wrap(c).putShort(at, (short) (random.nextBoolean() ? 0xFFFF : random.nextInt(0x10000)));
                }
                return c;
            }
            case 3 -> {
                int[] records = bodyOnly == 0 ? RecordScan.recordStarts(b, 0) : RecordScan.recordStarts(b);
                return records.length == 0 ? b : putU4(b, records[random.nextInt(records.length)] + 5, interesting(b));
            }
            case 4 -> {
                return rewriteCount(b);
            }
            case 5 -> {
                int from = random.nextInt(b.length);
                int to = Math.min(b.length, from + 1 + random.nextInt(Math.max(1, Math.min(4096, b.length - from))));
                return splice(b, from, to, new byte[0]);
            }
            case 6 -> {
                int from = random.nextInt(b.length);
                int to = Math.min(b.length, from + 1 + random.nextInt(256));
                return splice(b, to, to, Arrays.copyOfRange(b, from, to));
            }
            case 7 -> {
                int[] ours = bodyOnly == 0 ? RecordScan.recordStarts(b, 0) : RecordScan.recordStarts(b);
                int[] theirs = RecordScan.recordStarts(donor);
                if (ours.length == 0 || theirs.length == 0) {
                    return b;
                }
                int k = random.nextInt(theirs.length);
                int end = k + 1 < theirs.length ? theirs[k + 1] : donor.length;
                int at = ours[random.nextInt(ours.length)];
                return splice(b, at, at, Arrays.copyOfRange(donor, theirs[k], end));
            }
            case 8 -> {
                return Arrays.copyOf(b, random.nextInt(b.length));
            }
            default -> {
                byte[] c = b.clone();
                c[random.nextInt(c.length)] = (byte) INTERESTING[random.nextInt(INTERESTING.length)];
                return c;
            }
        }
    }

    /** An array count or an instance's field length: the u4 after a sub-tag byte at a guessed place. */
    private byte[] rewriteCount(byte[] b) {
        int id = idSize;
        for (int tries = 0; tries < 64; tries++) {
            int at = random.nextInt(b.length);
            int tag = b[at] & 0xFF;
            int field = switch (tag) {
                case 0x22, 0x23 -> at + 1 + id + 4;
                case 0x21 -> at + 1 + 2 * id + 4;
                case 0x20 -> at + 1 + 7 * id + 4 + 4; // constant-pool count (u2) follows the instance size
                default -> -1;
            };
            if (field > 0 && field + 4 <= b.length) {
                return tag == 0x20 ? putU2(b, field, 0xFFFF) : putU4(b, field, interesting(b));
            }
        }
        return b;
    }

    private long interesting(byte[] b) {
        return switch (random.nextInt(4)) {
            case 0 -> b.length + random.nextInt(3) - 1;
            case 1 -> random.nextInt(1 << 16);
            default -> INTERESTING[random.nextInt(INTERESTING.length)];
        };
    }

    private static byte[] putU4(byte[] b, int at, long value) {
        byte[] c = b.clone();
        if (at >= 0 && at + 4 <= c.length) {
            ByteBuffer.wrap(c).putInt(at, (int) value);
        }
        return c;
    }

    private static byte[] putU2(byte[] b, int at, int value) {
        byte[] c = b.clone();
        ByteBuffer.wrap(c).putShort(at, (short) value);
        return c;
    }

    private static byte[] splice(byte[] b, int from, int to, byte[] insert) {
        byte[] out = new byte[b.length - (to - from) + insert.length];
        System.arraycopy(b, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(b, to, out, from + insert.length, b.length - to);
        return out;
    }
}
