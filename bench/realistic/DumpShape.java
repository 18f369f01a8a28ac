import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an HPROF file (8-byte ids) on its own, independently of RealisticDump and of heapchain,
 * and prints its shape: objects, references (non-null reference fields and object-array
 * elements), dump bytes and references per object, and how many objects have two or more
 * incoming references, with and without Reference.referent edges.
 *
 * <pre>
 *   java bench/realistic/DumpShape.java F.hprof
 * </pre>
 *
 * Two passes: the first finds the id range and the classes, the second counts in-degrees in
 * 2-bit saturating counters, one per 8 bytes of the id range (ids are 8-byte-aligned addresses),
 * so a 2 GB dump (~1.6 GB of heap) needs ~50 MB.
 */
public final class DumpShape {
    static final class Cls {
        long superId;
        byte[] types = new byte[0];
        long[] nameIds = new long[0];
        int[] refOffsets; // resolved: offsets of reference fields in an instance's value block
        int referentOffset = -1;
    }

    final Path file;
    final Map<Long, Cls> classes = new HashMap<>();
    final Map<Long, String> strings = new HashMap<>();
    final Map<Long, Long> classNames = new HashMap<>();
    long minId = Long.MAX_VALUE, maxId;
    long objects, classDumps, refs, referents, roots;
    long[] counts; // 2 bits per 8-byte slot
    boolean counting;

    DumpShape(Path file) {
        this.file = file;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java DumpShape.java F.hprof");
            System.exit(2);
        }
        DumpShape d = new DumpShape(Path.of(args[0]));
        d.pass();
        long slots = (d.maxId - d.minId) / 8 + 1;
        d.counts = new long[(int) ((slots * 2 + 63) / 64)];
        d.counting = true;
        long objects = d.objects;
        d.objects = d.refs = d.referents = d.roots = d.classDumps = 0;
        d.pass();
        d.report(objects);
    }

    void pass() throws IOException {
        try (FileChannel ch = FileChannel.open(file)) {
            Reader r = new Reader(ch);
            while (r.u1() != 0) {
                // format name
            }
            if (r.u4() != 8) {
                throw new IOException("only 8-byte ids are supported");
            }
            r.u8();
            while (!r.eof()) {
                int tag = r.u1();
                r.u4();
                long len = r.u4() & 0xffffffffL;
                if (tag == 0x1C || tag == 0x0C) {
                    long end = r.position() + len;
                    while (r.position() < end) {
                        sub(r);
                    }
                } else if (tag == 0x01 && !counting) {
                    long id = r.u8();
                    byte[] b = new byte[(int) len - 8];
                    r.bytes(b);
                    strings.put(id, new String(b, java.nio.charset.StandardCharsets.UTF_8));
                } else if (tag == 0x02 && !counting) {
                    r.u4();
                    long cid = r.u8();
                    r.u4();
                    classNames.put(cid, r.u8());
                } else {
                    r.skip(len);
                }
            }
        }
    }

    static int size(int type) {
        return switch (type) {
            case 2, 7, 11 -> 8;
            case 6, 10 -> 4;
            case 5, 9 -> 2;
            default -> 1;
        };
    }

    void sub(Reader r) throws IOException {
        int st = r.u1();
        switch (st) {
            case 0xFF, 0x05, 0x07 -> { r.u8(); roots++; }
            case 0x01 -> { r.u8(); r.u8(); roots++; }
            case 0x02, 0x03, 0x08 -> { r.u8(); r.u4(); r.u4(); roots++; }
            case 0x04, 0x06 -> { r.u8(); r.u4(); roots++; }
            case 0x20 -> classDump(r);
            case 0x21 -> {
                long id = r.u8();
                r.u4();
                long cid = r.u8();
                int len = r.u4();
                object(id);
                Cls c = resolve(cid);
                if (c == null || !counting) {
                    r.skip(len);
                    return;
                }
                r.view(len);
                int base = r.viewOffset;
                for (int off : c.refOffsets) {
                    long t = r.b.getLong(base + off);
                    if (t != 0) {
                        refs++;
                        if (off == c.referentOffset) {
                            referents++;
                        } else {
                            edge(t);
                        }
                    }
                }
            }
            case 0x22 -> {
                long id = r.u8();
                r.u4();
                int n = r.u4();
                r.u8();
                object(id);
                for (int i = 0; i < n; i++) {
                    long t = r.u8();
                    if (t != 0 && counting) {
                        refs++;
                        edge(t);
                    }
                }
            }
            case 0x23 -> {
                long id = r.u8();
                r.u4();
                int n = r.u4();
                int type = r.u1();
                object(id);
                r.skip((long) n * size(type));
            }
            default -> throw new IOException("unknown sub-record 0x" + Integer.toHexString(st) + " at " + r.position());
        }
    }

    void classDump(Reader r) throws IOException {
        long id = r.u8();
        r.u4();
        long sup = r.u8();
        for (int i = 0; i < 5; i++) {
            r.u8();
        }
        r.u4();
        int cp = r.u2();
        for (int i = 0; i < cp; i++) {
            r.u2();
            r.skip(size(r.u1()));
        }
        int statics = r.u2();
        for (int i = 0; i < statics; i++) {
            r.u8();
            int t = r.u1();
            if (t == 2) {
                long v = r.u8();
                if (v != 0 && counting) {
                    refs++;
                    edge(v);
                }
            } else {
                r.skip(size(t));
            }
        }
        int n = r.u2();
        Cls c = new Cls();
        c.superId = sup;
        c.types = new byte[n];
        c.nameIds = new long[n];
        for (int i = 0; i < n; i++) {
            c.nameIds[i] = r.u8();
            c.types[i] = (byte) r.u1();
        }
        classDumps++;
        if (!counting) {
            classes.put(id, c);
        }
        object(id);
    }

    /** Reference offsets in value order (own fields first, then the superclass's); the referent of java.lang.ref.Reference apart. */
    Cls resolve(long cid) {
        Cls c = classes.get(cid);
        if (c == null || c.refOffsets != null) {
            return c;
        }
        java.util.List<Integer> offs = new java.util.ArrayList<>();
        int off = 0;
        int referent = -1;
        for (Cls k = c; k != null; k = classes.get(k.superId)) {
            long kid = k == c ? cid : 0;
            boolean isReference = false;
            for (Map.Entry<Long, Cls> e : classes.entrySet()) {
                if (e.getValue() == k) {
                    kid = e.getKey();
                    break;
                }
            }
            Long nameId = classNames.get(kid);
            isReference = nameId != null && "java/lang/ref/Reference".equals(strings.get(nameId));
            for (int i = 0; i < k.types.length; i++) {
                if (k.types[i] == 2) {
                    offs.add(off);
                    if (isReference && "referent".equals(strings.get(k.nameIds[i]))) {
                        referent = off;
                    }
                }
                off += size(k.types[i]);
            }
        }
        c.refOffsets = offs.stream().mapToInt(Integer::intValue).toArray();
        c.referentOffset = referent;
        return c;
    }

    void object(long id) {
        if (counting) {
            objects++;
            return;
        }
        objects++;
        minId = Math.min(minId, id);
        maxId = Math.max(maxId, id);
    }

    void edge(long target) {
        if (target < minId || target > maxId) {
            return;
        }
        long slot = (target - minId) >>> 3;
        int word = (int) (slot >>> 5);
        int shift = (int) (slot & 31) * 2;
        long c = (counts[word] >>> shift) & 3;
        if (c < 3) {
            counts[word] += 1L << shift;
        }
    }

    void report(long objectsTotal) throws IOException {
        long fileBytes;
        try (FileChannel ch = FileChannel.open(file)) {
            fileBytes = ch.size();
        }
        long one = 0, twoPlus = 0;
        for (long w : counts) {
            for (int s = 0; s < 64; s += 2) {
                long c = (w >>> s) & 3;
                if (c == 1) {
                    one++;
                } else if (c >= 2) {
                    twoPlus++;
                }
            }
        }
        long objs = objects - classDumps;
        System.out.printf(Locale.ROOT, "%s: %,d bytes; %,d objects (instances and arrays) + %,d class dumps; %,d root records%n",
                file, fileBytes, objs, classDumps, roots);
        System.out.printf(Locale.ROOT, "references %,d (%.2f per object), of them %,d Reference.referent; %.1f dump bytes per object%n",
                refs, (double) refs / objs, referents, (double) fileBytes / objs);
        System.out.printf(Locale.ROOT, "in-degree without referent edges: %,d objects with exactly 1, %,d (%.1f%%) with 2 or more%n",
                one, twoPlus, 100.0 * twoPlus / objs);
    }

    /** A windowed reader over the file: big reads, big-endian accessors. */
    static final class Reader {
        final FileChannel ch;
        final ByteBuffer b = ByteBuffer.allocate(16 << 20);
        long base; // file offset of b's position 0
        int viewOffset;

        Reader(FileChannel ch) throws IOException {
            this.ch = ch;
            b.limit(0);
        }

        long position() {
            return base + b.position();
        }

        boolean eof() throws IOException {
            return !fill(1);
        }

        boolean fill(int n) throws IOException {
            if (b.remaining() >= n) {
                return true;
            }
            base += b.position();
            b.compact();
            while (b.position() < n) {
                if (ch.read(b) < 0) {
                    break;
                }
            }
            b.flip();
            return b.remaining() >= n;
        }

        void need(int n) throws IOException {
            if (!fill(n)) {
                throw new IOException("truncated at " + position());
            }
        }

        int u1() throws IOException {
            need(1);
            return b.get() & 0xff;
        }

        int u2() throws IOException {
            need(2);
            return b.getShort() & 0xffff;
        }

        int u4() throws IOException {
            need(4);
            return b.getInt();
        }

        long u8() throws IOException {
            need(8);
            return b.getLong();
        }

        void bytes(byte[] out) throws IOException {
            need(out.length);
            b.get(out);
        }

        /** The next n bytes in the buffer's array (n well below its size), consumed. */
        byte[] view(int n) throws IOException {
            need(n);
            viewOffset = b.position();
            b.position(b.position() + n);
            return b.array();
        }

        void skip(long n) throws IOException {
            while (n > 0) {
                if (!fill(1)) {
                    throw new IOException("truncated at " + position());
                }
                int k = (int) Math.min(n, b.remaining());
                b.position(b.position() + k);
                n -= k;
            }
        }
    }
}
