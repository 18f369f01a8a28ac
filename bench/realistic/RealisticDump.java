import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * Writes a server-shaped HotSpot heap dump of any size, streaming, without building the heap:
 *
 * <pre>
 *   java bench/realistic/RealisticDump.java --size 2g --out F.hprof [--variant leaky|fixed] [--seed N]
 * </pre>
 *
 * <p>Layout, as JDK 17's heap dumper writes it (checked on a `heapchain fixture` dump): "JAVA
 * PROFILE 1.0.2", 8-byte ids; UTF8 and LOAD_CLASS records; an empty stack trace (serial 1, which
 * every object names) and a FRAME/TRACE set per thread; HEAP_DUMP_SEGMENTs of at most 1 MiB with
 * all CLASS_DUMPs first, then every instance and array in address order, then the GC roots (thread
 * objects with their Java-frame roots, JNI globals, sticky classes for the boot classes); then
 * HEAP_DUMP_END. JDK 17 writes the roots after the objects, not before. Object ids are the
 * addresses of a 64-bit JVM with compressed oops, 8-byte alignment and the JDK 15+ field layout:
 * each id is the previous one plus that object's size (12-byte header, 4-byte references, fields
 * placed into holes as FieldLayoutBuilder does; arrays 16 bytes + elements), so heapchain infers
 * hotspot-64-coops/compact from the dump. Class mirrors sit below the objects.
 *
 * <p>The heap: a bootstrap part (threads and thread groups, the platform and app class loaders,
 * whose {@code classes} list keeps the application classes reachable, reference queues, enum
 * constants, 3,000 interned config strings and 600 shared config objects held by static fields),
 * then "clusters" until the file reaches the size: HashMaps of strings to entities, ArrayLists,
 * trees of ~400 generated application classes (1-8 fields: references, ints, longs), primitive
 * buffers, weak-value caches. A cluster's records are written as it is built, with zeroed fields
 * patched in place, so ids may point forward within it. About 20% of references go to earlier
 * shared objects kept in bounded rings, so many objects have several predecessors. Live clusters
 * hang from a tree of Shard objects held by the server object; 10% also from a second tree held
 * only by the static field LruIndex.GLOBAL; about 3% of clusters are garbage (referenced by
 * nothing); the referents of the caches' WeakReferences are reachable only through them. Static
 * fields that point at objects written at the end are patched into the file when it is closed.
 *
 * <p>At 50% of the size a java.util.LinkedList of 600,000 nodes per GiB of target is written; at
 * 30% the AutoMQ leak: two org.apache.kafka.timeline.SnapshotRegistry chains (2,000 snapshots each
 * at 2 GiB, scaled by the square root of the size), shaped as kafka-server-common 3.9.1 and the
 * fixture module lay them out (sentinel head, circular prev/next list, HashMap of epochs, an
 * IdentityHashMap of deltas per snapshot with old values), whose RegistryRef live-epoch list starts
 * with epoch 0 while no handle for epoch 0 is reachable (the dropped handles are garbage).
 * {@code --variant fixed} writes the same heap with the registries trimmed: two snapshots each,
 * the list's head the epoch of a live handle (a reader still holds the previous image).
 *
 * <p>Memory stays bounded (rings, one cluster in the buffer at a time, two output buffers that a
 * writer thread drains): 160 MB RSS at 2 GiB, 230 MB at 24 GiB. The same size, variant and seed
 * give the same bytes. Prints what it wrote on stdout at the end, progress on stderr.
 * {@code bench/realistic/DumpShape.java} re-reads a dump and checks the figures independently.
 */
public final class RealisticDump {
    static final int OBJ = 2, BOOL = 4, CHAR = 5, FLOAT = 6, DOUBLE = 7, BYTE = 8, SHORT = 9, INT = 10, LONG = 11;
    static final int LIVE = 0, GARBAGE = 1, WEAK = 2;

    public static void main(String[] args) throws IOException {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("usage: java RealisticDump.java --size 2g --out F.hprof [--variant leaky|fixed] [--seed N]");
            System.exit(2);
            return;
        }
        long t0 = System.nanoTime();
        Generator g = new Generator(o);
        g.run();
        double secs = (System.nanoTime() - t0) / 1e9;
        g.report(secs, java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e9);
    }

    static int dumpSize(int t) {
        return switch (t) {
            case OBJ, DOUBLE, LONG -> 8;
            case INT, FLOAT -> 4;
            case CHAR, SHORT -> 2;
            default -> 1;
        };
    }

    static long align8(long x) {
        return (x + 7) & ~7L;
    }

    // ------------------------------------------------------------------------------------------
    record Options(long size, Path out, boolean leaky, long seed) {
        static Options parse(String[] args) {
            long size = -1;
            Path out = null;
            boolean leaky = true;
            long seed = 1;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String v = i + 1 < args.length ? args[i + 1] : null;
                switch (a) {
                    case "--size" -> { size = parseSize(req(a, v)); i++; }
                    case "--out" -> { out = Path.of(req(a, v)); i++; }
                    case "--variant" -> {
                        String s = req(a, v);
                        i++;
                        if (s.equals("leaky")) {
                            leaky = true;
                        } else if (s.equals("fixed")) {
                            leaky = false;
                        } else {
                            throw new IllegalArgumentException("unknown variant '" + s + "' (leaky or fixed)");
                        }
                    }
                    case "--seed" -> { seed = Long.parseLong(req(a, v)); i++; }
                    default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
                }
            }
            if (size <= 0 || out == null) {
                throw new IllegalArgumentException("--size and --out are required");
            }
            if (size < (16L << 20)) {
                throw new IllegalArgumentException("--size must be at least 16m");
            }
            return new Options(size, out, leaky, seed);
        }

        static String req(String a, String v) {
            if (v == null) {
                throw new IllegalArgumentException(a + " needs a value");
            }
            return v;
        }

        static long parseSize(String s) {
            String t = s.trim().toLowerCase(Locale.ROOT);
            long mult = 1;
            char last = t.charAt(t.length() - 1);
            switch (last) {
                case 'k' -> mult = 1L << 10;
                case 'm' -> mult = 1L << 20;
                case 'g' -> mult = 1L << 30;
                case 't' -> mult = 1L << 40;
                default -> { }
            }
            if (mult > 1) {
                t = t.substring(0, t.length() - 1);
            }
            try {
                return (long) (Double.parseDouble(t) * mult);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad size '" + s + "' (e.g. 512m, 2g, 24g)");
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    /**
     * The file: records go into a heap buffer with big-endian VarHandle puts; a full buffer goes to a
     * writer thread (two buffers in turn), so the copy into the page cache overlaps generation.
     * Heap records are framed in HEAP_DUMP_SEGMENTs.
     */
    static final class Out {
        /** JDK 17 ends a segment when its 1 MiB buffer fills; the segments of a fixture dump are 40 KB-1 MiB. */
        static final int SEG_MAX = 1 << 20;
        static final int BUF = 6 << 20;
        static final int FLUSH_AT = 4 << 20;
        static final VarHandle L = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
        static final VarHandle I = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
        static final VarHandle S = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
        final FileChannel ch;
        final ArrayBlockingQueue<byte[]> full = new ArrayBlockingQueue<>(1);
        final ArrayBlockingQueue<byte[]> free = new ArrayBlockingQueue<>(2);
        final Thread writer;
        volatile Throwable failure;
        volatile long writerCpuNanos;
        byte[] buf = new byte[BUF];
        int pos;
        int[] lens = new int[0];
        long flushed;
        int segStart = -1;
        private static final byte[] STOP = new byte[0];
        /** File offset and value of ids written before they were known (static fields pointing forward). */
        final List<long[]> patches = new ArrayList<>();
        private final java.util.concurrent.ConcurrentHashMap<byte[], Integer> sizes = new java.util.concurrent.ConcurrentHashMap<>();

        Out(Path p) throws IOException {
            ch = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
            free.add(new byte[BUF]);
            writer = new Thread(this::drain, "hprof-writer");
            writer.setDaemon(true);
            writer.start();
        }

        private void drain() {
            try {
                while (true) {
                    byte[] b = full.take();
                    if (b == STOP) {
                        writerCpuNanos = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                        return;
                    }
                    int len = sizes.remove(b);
                    ByteBuffer bb = ByteBuffer.wrap(b, 0, len);
                    while (bb.hasRemaining()) {
                        ch.write(bb);
                    }
                    Arrays.fill(b, 0, len, (byte) 0); // buffers come back zeroed: fields start as 0 (null)
                    free.put(b);
                }
            } catch (Throwable t) {
                failure = t;
            }
        }

        long position() {
            return flushed + pos;
        }

        void flush() {
            if (failure != null) {
                throw new IllegalStateException("writing failed", failure);
            }
            try {
                sizes.put(buf, pos);
                full.put(buf);
                flushed += pos;
                buf = free.take();
                pos = 0;
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        void u1(int v) {
            buf[pos++] = (byte) v;
        }

        void u2(int v) {
            S.set(buf, pos, (short) v);
            pos += 2;
        }

        void u4(int v) {
            I.set(buf, pos, v);
            pos += 4;
        }

        void u8(long v) {
            L.set(buf, pos, v);
            pos += 8;
        }

        void bytes(byte[] src, int off, int len) {
            System.arraycopy(src, off, buf, pos, len);
            pos += len;
        }

        /** Grows the buffer: a cluster stays in it whole until it is done, since its fields are patched in place. */
        void ensure(int n) {
            if (pos + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
            }
        }

        /** n bytes of zeros: the buffer beyond pos is always zero (the writer clears buffers it has written). */
        void zero(int n) {
            pos += n;
        }

        /** Between clusters: hands a full buffer to the writer. */
        void maybeFlush() {
            if (pos >= FLUSH_AT) {
                endSegment();
                flush();
            }
        }

        /** A top-level record header; the body ({@code len} bytes) follows. */
        void top(int tag, int len) {
            endSegment();
            ensure(9 + len);
            u1(tag);
            u4(0);
            u4(len);
        }

        /** Room for a heap sub-record of {@code size} bytes, in a segment of at most SEG_MAX (or this one record). */
        void sub(int size) {
            if (segStart >= 0 && pos - segStart - 9 + size > SEG_MAX && pos - segStart > 9) {
                endSegment();
            }
            if (segStart < 0) {
                ensure(9);
                segStart = pos;
                u1(0x1C);
                u4(0);
                u4(0);
            }
            ensure(size);
        }

        void endSegment() {
            if (segStart >= 0) {
                I.set(buf, segStart + 5, pos - segStart - 9);
                segStart = -1;
            }
        }

        void close() throws IOException {
            endSegment();
            flush();
            try {
                full.put(STOP);
                writer.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            if (failure != null) {
                throw new IOException("writing failed", failure);
            }
            for (long[] p : patches) {
                ByteBuffer v = ByteBuffer.allocate(8).putLong(0, p[1]);
                while (v.hasRemaining()) {
                    ch.write(v, p[0] + v.position());
                }
            }
            ch.close();
        }
    }

    /** SplitMix64 (what SplittableRandom uses), with a multiply-shift bound: deterministic and cheap. */
    static final class Rng {
        private long s;

        Rng(long seed) {
            s = seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
        }

        long nextLong() {
            long z = (s += 0x9E3779B97F4A7C15L);
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }

        int nextInt() {
            return (int) (nextLong() >>> 32);
        }

        /** In [0, bound): the high 32 bits scaled by the bound (bias below 2^-32 per value). */
        int nextInt(int bound) {
            return (int) (((nextLong() >>> 32) * bound) >>> 32);
        }

        long nextLong(long bound) {
            return Math.floorMod(nextLong(), bound);
        }

        double nextDouble() {
            return (nextLong() >>> 11) * 0x1.0p-53;
        }
    }

    // ------------------------------------------------------------------------------------------
    /** A class: declared fields, statics, and its instance size under the JDK 15+ layout with compressed oops. */
    static final class Cls {
        final String name;
        final Cls sup;
        final boolean boot;
        final boolean array;
        final List<String> fnames = new ArrayList<>();
        final List<Integer> ftypes = new ArrayList<>();
        final List<String> snames = new ArrayList<>();
        final List<Integer> stypes = new ArrayList<>();
        final List<Long> svals = new ArrayList<>();
        int index;
        int serial;
        long id;
        /** Field types in HPROF value order: own declared fields first, then the superclass's. */
        byte[] dtypes;
        /** Offset of each value in the record's field data. */
        int[] doff;
        int dlen;
        int size;
        int[] refSlots;
        int[] primSlots;
        int[] holeStarts;
        int[] holeEnds;
        int end;
        int weight;

        Cls(String name, Cls sup, boolean boot, boolean array) {
            this.name = name;
            this.sup = sup;
            this.boot = boot;
            this.array = array;
        }

        Cls f(String n, int t) {
            fnames.add(n);
            ftypes.add(t);
            return this;
        }

        Cls s(String n, int t, long v) {
            snames.add(n);
            stypes.add(t);
            svals.add(v);
            return this;
        }

        void setStatic(String n, long v) {
            int i = snames.indexOf(n);
            if (i < 0) {
                throw new IllegalStateException(name + "." + n);
            }
            svals.set(i, v);
        }

        boolean hasField(String n) {
            return fnames.contains(n) || sup != null && sup.hasField(n);
        }

        /** Slot of a field in this class's value order. */
        int slot(String n) {
            int i = fnames.indexOf(n);
            if (i >= 0) {
                return i;
            }
            if (sup == null) {
                throw new IllegalStateException("no field " + n + " in " + name);
            }
            return fnames.size() + sup.slot(n);
        }

        /** Layout: FieldLayoutBuilder's order (longs, ints, shorts, bytes, then oops), each in the lowest hole that fits. */
        void layout() {
            List<Integer> t = new ArrayList<>(ftypes);
            for (Cls c = sup; c != null; c = c.sup) {
                t.addAll(c.ftypes);
            }
            dtypes = new byte[t.size()];
            doff = new int[t.size()];
            int refs = 0;
            for (int i = 0; i < t.size(); i++) {
                dtypes[i] = (byte) (int) t.get(i);
                doff[i] = dlen;
                dlen += dumpSize(t.get(i));
                refs += t.get(i) == OBJ ? 1 : 0;
            }
            refSlots = new int[refs];
            primSlots = new int[t.size() - refs];
            for (int i = 0, r = 0, p = 0; i < t.size(); i++) {
                if (t.get(i) == OBJ) {
                    refSlots[r++] = i;
                } else {
                    primSlots[p++] = i;
                }
            }
            if (array) {
                return;
            }
            int[] by = new int[9];
            int oops = 0;
            for (int ft : ftypes) {
                if (ft == OBJ) {
                    oops++;
                } else {
                    by[dumpSize(ft)]++;
                }
            }
            if (boot && name.equals("java.lang.ClassLoader")) {
                by[8]++; // injected loader_data (javaClasses.hpp), not in the dump's fields
            }
            Filler f = sup == null ? new Filler(new int[0], new int[0], 12) : new Filler(sup.holeStarts, sup.holeEnds, sup.end);
            f.place(8, by[8]);
            f.place(4, by[4]);
            f.place(2, by[2]);
            f.place(1, by[1]);
            f.place(4, oops);
            holeStarts = f.starts();
            holeEnds = f.ends();
            end = f.end;
            size = (int) align8(end);
        }
    }

    /** First-fit placement of fields into holes, as JDK 15+ FieldLayoutBuilder does. */
    static final class Filler {
        final List<int[]> holes = new ArrayList<>();
        int end;

        Filler(int[] s, int[] e, int end) {
            for (int i = 0; i < s.length; i++) {
                holes.add(new int[]{s[i], e[i]});
            }
            this.end = end;
        }

        void place(int size, int count) {
            for (int k = 0; k < count; k++) {
                one(size);
            }
        }

        private void one(int size) {
            for (int h = 0; h < holes.size(); h++) {
                int[] hole = holes.get(h);
                int at = (hole[0] + size - 1) / size * size;
                if (at + size <= hole[1]) {
                    int oldEnd = hole[1];
                    hole[1] = at;
                    if (at + size < oldEnd) {
                        add(at + size, oldEnd);
                    }
                    holes.removeIf(x -> x[1] <= x[0]);
                    return;
                }
            }
            int at = (end + size - 1) / size * size;
            if (at > end) {
                add(end, at);
            }
            end = at + size;
        }

        private void add(int s, int e) {
            int i = 0;
            while (i < holes.size() && holes.get(i)[0] <= s) {
                i++;
            }
            holes.add(i, new int[]{s, e});
        }

        int[] starts() {
            return holes.stream().mapToInt(h -> h[0]).toArray();
        }

        int[] ends() {
            return holes.stream().mapToInt(h -> h[1]).toArray();
        }
    }

    // ------------------------------------------------------------------------------------------
    /** Ids of earlier live objects that later ones may share; remembers whether each got a second reference. */
    static final class Ring {
        final long[] ids;
        final boolean[] hit;
        int n;
        int pos;
        long multi;

        Ring(int cap) {
            ids = new long[cap];
            hit = new boolean[cap];
        }

        void add(long id) {
            ids[pos] = id;
            hit[pos] = false;
            pos = (pos + 1) % ids.length;
            n = Math.min(n + 1, ids.length);
        }

        long pick(Rng r, boolean live) {
            if (n == 0) {
                return 0;
            }
            int i = r.nextInt(n);
            if (live && !hit[i]) {
                hit[i] = true;
                multi++;
            }
            return ids[i];
        }
    }

    // ------------------------------------------------------------------------------------------
    static final class Generator {
        static final String[] PKGS = {"com.acme.orders", "com.acme.billing", "com.acme.catalog", "com.acme.inventory",
                "com.acme.auth", "com.acme.search", "com.acme.net", "com.acme.session", "com.acme.pricing",
                "com.acme.shipping", "com.acme.audit", "com.acme.notify", "com.acme.rules", "com.acme.api",
                "com.acme.metrics", "com.acme.ledger"};
        static final String[] NOUNS = {"Order", "Invoice", "Customer", "Account", "Session", "Token", "Item", "Price",
                "Address", "Route", "Metric", "Event", "Payment", "Cart", "Product", "Sku", "Warehouse", "Shipment",
                "Carrier", "Rule", "Policy", "Quota", "Tenant", "User", "Role", "Grant", "Query", "Filter", "Page",
                "Message", "Channel", "Template", "Discount", "Coupon", "Tax", "Ledger", "Journal", "Transfer",
                "Balance", "Limit", "Counter", "Gauge", "Timer", "Request", "Response", "Header", "Cookie", "Endpoint"};
        static final String[] SUFFIXES = {"", "Entry", "Info", "State", "Record", "Key", "Ref", "Holder", "Descriptor",
                "Context", "Handle", "View", "Line", "Detail", "Stats", "Config", "Impl", "Data", "Dto", "Meta"};
        static final String[] FIELDS = {"id", "name", "owner", "parent", "created", "updated", "version", "flags",
                "count", "total", "amount", "currency", "status", "code", "key", "value", "data", "attrs", "meta",
                "source", "target", "peer", "link", "label", "tags", "ref", "hash", "weight", "score", "limit",
                "offset", "length", "capacity", "priority", "expires", "region", "zone", "tenant", "user", "session",
                "context", "handler", "listener", "callback", "cache", "index", "entries", "items", "children", "props",
                "address", "customer", "account", "lines", "payload", "checksum", "retries", "deadline", "lastSeen"};
        static final long HEAP_END = 32L << 30; // zero-based compressed oops: the heap ends at 32 GiB
        static final int TEXT_LEN = 1 << 16; // small enough to stay in cache: content is sliced from it
        static final int FANOUT = 256;
        static final int SHARED_PCT = 21;

        final Options o;
        final Rng rng;
        final Out out;
        final List<Cls> classes = new ArrayList<>();
        final Map<String, Cls> byName = new HashMap<>();
        final LinkedHashMap<String, Long> names = new LinkedHashMap<>();
        final List<Cls> app = new ArrayList<>();
        int[] appPick;
        final byte[] text = new byte[TEXT_LEN];
        final byte[] random = new byte[TEXT_LEN];
        final Ring sharedObjs = new Ring(1 << 16);
        final Ring sharedStrings = new Ring(1 << 16);
        long next;
        long heapStart;
        int mode = LIVE;
        boolean shareable = true;
        int[] tails = new int[1024];

        // stats
        long objects, instances, objArrays, primArrays, refs, sharedRefs, weakReferents;
        final long[] byMode = new long[3];
        long multiExtra;
        long listNodes;
        long clusters, garbageClusters;
        long snapshotsPerChain;
        String liveEpochsText = "";

        // well-known classes and slots
        Cls OBJECT, STRING, LONGC, INTEGER, OBJ_ARR, NODE_ARR, HASHMAP, NODE, ARRAYLIST, LINKEDLIST, LNODE, WEAKREF,
                REFQ_NULL, THREAD, THREADGROUP, THREAD_ARR, APP_LOADER, PLATFORM_LOADER, LOADERS, REFQ, REFQ_LOCK,
                IHM, ATOMIC_INT, SHARD, LRU, JOURNAL, WEAK_CACHE, CONFIG_REG, SERVER, HANDLER, ENUM;
        Cls K_REGISTRY, K_SNAPSHOT, K_BASE, K_SNAPTABLE, K_TMAP, K_TENTRY, K_TIER, K_TLONG, K_LONGC, K_LOGCTX,
                K_LOGGER, K_NOP, K_REF, K_IMAGE, K_OBJIMAGE, K_STREAMIMAGE, K_OBJREC, K_STREAMREC, K_OBJSTATE,
                K_STREAMSTATE, K_LOADER, K_STATE_ARR, K_MANAGER, K_STREAM_MANAGER;
        long refQueueNull, emptyArray, nopLogger;
        boolean refQueueNullHit, emptyArrayHit;
        long[] objStates = new long[4];
        long[] streamStates = new long[3];
        final List<Long> configs = new ArrayList<>();
        final long[] recent = new long[16];
        int recentN;
        Directory primary, index;
        long kafkaLoader, readerImage, journal, server, managers;
        long listId;
        boolean kafkaDone, listDone;
        final List<long[]> threads = new ArrayList<>(); // {thread obj, serial, trace serial}
        /** Static fields that point at objects written at the end: their values are patched into the file. */
        static final java.util.Set<String> FORWARD = java.util.Set.of("com.acme.server.ServerMain.INSTANCE",
                "com.acme.cache.LruIndex.GLOBAL");
        final Map<String, Long> forwardAt = new HashMap<>();

        Generator(Options o) throws IOException {
            this.o = o;
            this.rng = new Rng(o.seed());
            Path parent = o.out().toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            this.out = new Out(o.out());
            SplittableRandom pools = new SplittableRandom(0x5eed);
            String letters = "etaoinshrdlucmfwypvbgkqjxz______..0123456789";
            for (int i = 0; i < TEXT_LEN; i++) {
                text[i] = (byte) letters.charAt(pools.nextInt(letters.length()));
            }
            pools.nextBytes(random);
            long est = align8((long) (o.size() * 0.75));
            heapStart = Math.max(1L << 30, (HEAP_END - est) & ~((1L << 30) - 1)) - (1L << 30);
            heapStart = Math.max(heapStart, 1L << 30);
            next = heapStart;
        }

        // ---------------------------------------------------------------- classes
        Cls def(String name, Cls sup, boolean boot) {
            Cls c = new Cls(name, sup, boot, false);
            register(c);
            return c;
        }

        Cls arrayClass(String name) {
            Cls c = new Cls(name, OBJECT, true, true);
            register(c);
            return c;
        }

        void register(Cls c) {
            c.index = classes.size();
            classes.add(c);
            byName.put(c.name, c);
        }

        long nameId(String s) {
            return names.computeIfAbsent(s, k -> 0x7f00_0000_0000L + 16L * (names.size() + 1));
        }

        static String internal(String name) {
            return name.startsWith("[") ? name : name.replace('.', '/');
        }

        void defineClasses() {
            OBJECT = def("java.lang.Object", null, true);
            def("java.lang.Record", OBJECT, true);
            Cls number = def("java.lang.Number", OBJECT, true).s("serialVersionUID", LONG, -8742448824652078965L);
            ENUM = def("java.lang.Enum", OBJECT, true).f("name", OBJ).f("ordinal", INT);
            LONGC = def("java.lang.Long", number, true).f("value", LONG)
                    .s("MIN_VALUE", LONG, Long.MIN_VALUE).s("MAX_VALUE", LONG, Long.MAX_VALUE).s("serialVersionUID", LONG, 4290774380558885855L);
            INTEGER = def("java.lang.Integer", number, true).f("value", INT).s("MIN_VALUE", INT, Integer.MIN_VALUE & 0xffffffffL);
            def("java.lang.Boolean", OBJECT, true).f("value", BOOL);
            STRING = def("java.lang.String", OBJECT, true).f("value", OBJ).f("coder", BYTE).f("hash", INT).f("hashIsZero", BOOL)
                    .s("serialVersionUID", LONG, -6849794470754667710L).s("COMPACT_STRINGS", BOOL, 1).s("CASE_INSENSITIVE_ORDER", OBJ, 0);
            def("java.lang.Class", OBJECT, true).f("cachedConstructor", OBJ).f("name", OBJ).f("module", OBJ).f("classLoader", OBJ)
                    .f("classData", OBJ).f("packageName", OBJ).f("componentType", OBJ).f("reflectionData", OBJ)
                    .f("classRedefinedCount", INT).f("genericInfo", OBJ).f("enumConstants", OBJ).f("enumConstantDirectory", OBJ)
                    .f("annotationData", OBJ).f("annotationType", OBJ).f("classValueMap", OBJ);
            def("java.lang.Module", OBJECT, true).f("name", OBJ).f("loader", OBJ).f("descriptor", OBJ).f("openPackages", OBJ)
                    .f("exportedPackages", OBJ);
            Cls loader = def("java.lang.ClassLoader", OBJECT, true).f("parent", OBJ).f("name", OBJ).f("unnamedModule", OBJ)
                    .f("nameAndId", OBJ).f("parallelLockMap", OBJ).f("package2certs", OBJ).f("classes", OBJ)
                    .f("defaultDomain", OBJ).f("packages", OBJ).f("libraries", OBJ).f("assertionLock", OBJ)
                    .f("defaultAssertionStatus", BOOL).f("packageAssertionStatus", OBJ).f("classAssertionStatus", OBJ);
            Cls secure = def("java.security.SecureClassLoader", loader, true).f("pdcache", OBJ);
            Cls builtin = def("jdk.internal.loader.BuiltinClassLoader", secure, true).f("parent", OBJ).f("nameToModule", OBJ)
                    .f("ucp", OBJ).f("moduleToReader", OBJ);
            APP_LOADER = def("jdk.internal.loader.ClassLoaders$AppClassLoader", builtin, true);
            PLATFORM_LOADER = def("jdk.internal.loader.ClassLoaders$PlatformClassLoader", builtin, true);
            LOADERS = def("jdk.internal.loader.ClassLoaders", OBJECT, true).s("BOOT_LOADER", OBJ, 0).s("PLATFORM_LOADER", OBJ, 0)
                    .s("APP_LOADER", OBJ, 0);
            THREAD = def("java.lang.Thread", OBJECT, true).f("name", OBJ).f("priority", INT).f("daemon", BOOL).f("interrupted", BOOL)
                    .f("stillborn", BOOL).f("eetop", LONG).f("target", OBJ).f("group", OBJ).f("contextClassLoader", OBJ)
                    .f("inheritedAccessControlContext", OBJ).f("threadLocals", OBJ).f("inheritableThreadLocals", OBJ)
                    .f("stackSize", LONG).f("tid", LONG).f("threadStatus", INT).f("parkBlocker", OBJ).f("blocker", OBJ)
                    .f("blockerLock", OBJ).f("uncaughtExceptionHandler", OBJ)
                    .s("threadInitNumber", INT, 0).s("threadSeqNumber", LONG, 0);
            THREADGROUP = def("java.lang.ThreadGroup", OBJECT, true).f("parent", OBJ).f("name", OBJ).f("maxPriority", INT)
                    .f("destroyed", BOOL).f("daemon", BOOL).f("nUnstartedThreads", INT).f("nthreads", INT).f("threads", OBJ)
                    .f("ngroups", INT).f("groups", OBJ);
            Cls reference = def("java.lang.ref.Reference", OBJECT, true).f("referent", OBJ).f("queue", OBJ).f("next", OBJ)
                    .f("discovered", OBJ).s("processPendingActive", BOOL, 0);
            WEAKREF = def("java.lang.ref.WeakReference", reference, true);
            def("java.lang.ref.SoftReference", reference, true).f("timestamp", LONG).s("clock", LONG, 0);
            def("java.lang.ref.PhantomReference", reference, true);
            def("java.lang.ref.FinalReference", reference, true);
            REFQ = def("java.lang.ref.ReferenceQueue", OBJECT, true).f("head", OBJ).f("queueLength", LONG).f("lock", OBJ)
                    .s("NULL", OBJ, 0).s("ENQUEUED", OBJ, 0);
            REFQ_NULL = def("java.lang.ref.ReferenceQueue$Null", REFQ, true);
            REFQ_LOCK = def("java.lang.ref.ReferenceQueue$Lock", OBJECT, true);
            Cls absMap = def("java.util.AbstractMap", OBJECT, true).f("keySet", OBJ).f("values", OBJ);
            HASHMAP = def("java.util.HashMap", absMap, true).f("table", OBJ).f("entrySet", OBJ).f("size", INT).f("modCount", INT)
                    .f("threshold", INT).f("loadFactor", FLOAT).s("serialVersionUID", LONG, 362498820763181265L)
                    .s("DEFAULT_INITIAL_CAPACITY", INT, 16).s("MAXIMUM_CAPACITY", INT, 1 << 30);
            NODE = def("java.util.HashMap$Node", OBJECT, true).f("hash", INT).f("key", OBJ).f("value", OBJ).f("next", OBJ);
            IHM = def("java.util.IdentityHashMap", absMap, true).f("table", OBJ).f("size", INT).f("modCount", INT).f("entrySet", OBJ)
                    .s("DEFAULT_CAPACITY", INT, 32).s("NULL_KEY", OBJ, 0);
            Cls absColl = def("java.util.AbstractCollection", OBJECT, true);
            Cls absList = def("java.util.AbstractList", absColl, true).f("modCount", INT);
            ARRAYLIST = def("java.util.ArrayList", absList, true).f("size", INT).f("elementData", OBJ)
                    .s("serialVersionUID", LONG, 8683452581122892189L).s("DEFAULT_CAPACITY", INT, 10)
                    .s("EMPTY_ELEMENTDATA", OBJ, 0).s("DEFAULTCAPACITY_EMPTY_ELEMENTDATA", OBJ, 0);
            Cls seqList = def("java.util.AbstractSequentialList", absList, true);
            LINKEDLIST = def("java.util.LinkedList", seqList, true).f("size", INT).f("first", OBJ).f("last", OBJ)
                    .s("serialVersionUID", LONG, 876323262645176354L);
            LNODE = def("java.util.LinkedList$Node", OBJECT, true).f("item", OBJ).f("next", OBJ).f("prev", OBJ);
            ATOMIC_INT = def("java.util.concurrent.atomic.AtomicInteger", number, true).f("value", INT);
            OBJ_ARR = arrayClass("[Ljava/lang/Object;");
            NODE_ARR = arrayClass("[Ljava/util/HashMap$Node;");
            THREAD_ARR = arrayClass("[Ljava/lang/Thread;");
            arrayClass("[Ljava/lang/ThreadGroup;");
            arrayClass("[Ljava/lang/String;");
            arrayClass("[Ljava/lang/ref/WeakReference;");
            for (String prim : new String[]{"[Z", "[C", "[F", "[D", "[B", "[S", "[I", "[J"}) {
                arrayClass(prim);
            }

            // Kafka and AutoMQ, as in kafka-server-common 3.9.1 and the fixture module.
            Cls record = byName.get("java.lang.Record");
            K_LOGCTX = def("org.apache.kafka.common.utils.LogContext", OBJECT, false).f("logPrefix", OBJ);
            Cls absLogger = def("org.apache.kafka.common.utils.LogContext$AbstractKafkaLogger", OBJECT, false).f("prefix", OBJ);
            K_LOGGER = def("org.apache.kafka.common.utils.LogContext$LocationIgnorantKafkaLogger", absLogger, false).f("logger", OBJ);
            Cls named = def("org.slf4j.helpers.NamedLoggerBase", OBJECT, false).f("name", OBJ);
            Cls marker = def("org.slf4j.helpers.MarkerIgnoringBase", named, false);
            K_NOP = def("org.slf4j.helpers.NOPLogger", marker, false).s("NOP_LOGGER", OBJ, 0);
            K_REGISTRY = def("org.apache.kafka.timeline.SnapshotRegistry", OBJECT, false).f("log", OBJ).f("snapshots", OBJ)
                    .f("head", OBJ).f("revertables", OBJ).f("maxRegistrationsSinceScrub", INT)
                    .f("numRegistrationsSinceScrub", INT).f("numScrubs", LONG).s("LATEST_EPOCH", LONG, Long.MAX_VALUE);
            K_SNAPSHOT = def("org.apache.kafka.timeline.Snapshot", OBJECT, false).f("epoch", LONG).f("map", OBJ).f("prev", OBJ)
                    .f("next", OBJ);
            K_BASE = def("org.apache.kafka.timeline.BaseHashTable", OBJECT, false).f("elements", OBJ).f("size", INT)
                    .s("MAX_LOAD_FACTOR", DOUBLE, Double.doubleToLongBits(0.75)).s("MIN_CAPACITY", INT, 4)
                    .s("MAX_CAPACITY", INT, 1 << 30);
            K_SNAPTABLE = def("org.apache.kafka.timeline.SnapshottableHashTable", K_BASE, false).f("snapshotRegistry", OBJ)
                    .s("LATEST_EPOCH", LONG, Long.MAX_VALUE);
            K_TMAP = def("org.apache.kafka.timeline.TimelineHashMap", K_SNAPTABLE, false);
            K_TENTRY = def("org.apache.kafka.timeline.TimelineHashMap$TimelineHashMapEntry", OBJECT, false).f("key", OBJ)
                    .f("value", OBJ).f("startEpoch", LONG);
            K_TIER = def("org.apache.kafka.timeline.SnapshottableHashTable$HashTier", OBJECT, false).f("size", INT)
                    .f("deltaTable", OBJ);
            K_TLONG = def("org.apache.kafka.timeline.TimelineLong", OBJECT, false).f("snapshotRegistry", OBJ).f("value", LONG)
                    .s("INIT", LONG, 0);
            K_LONGC = def("org.apache.kafka.timeline.TimelineLong$LongContainer", OBJECT, false).f("value", LONG);
            K_OBJSTATE = def("org.apache.kafka.image.S3ObjectState", ENUM, false).s("PREPARED", OBJ, 0).s("COMMITTED", OBJ, 0)
                    .s("MARK_DESTROYED", OBJ, 0).s("DESTROYED", OBJ, 0).s("$VALUES", OBJ, 0);
            K_STREAMSTATE = def("org.apache.kafka.image.StreamState", ENUM, false).s("OPENED", OBJ, 0).s("CLOSED", OBJ, 0)
                    .s("DELETED", OBJ, 0).s("$VALUES", OBJ, 0);
            K_STATE_ARR = arrayClass("[Lorg/apache/kafka/image/S3ObjectState;");
            K_OBJREC = def("org.apache.kafka.image.S3ObjectRecord", record, false).f("objectId", LONG).f("objectSize", LONG)
                    .f("state", OBJ).f("committedTimeMs", LONG).f("markDestroyedTimeMs", LONG).f("attributes", OBJ);
            K_STREAMREC = def("org.apache.kafka.image.S3StreamRecord", record, false).f("streamId", LONG).f("streamEpoch", LONG)
                    .f("state", OBJ).f("startOffset", LONG).f("endOffset", LONG).f("nodeId", INT).f("rangeIndex", OBJ);
            K_REF = def("org.apache.kafka.image.RegistryRef", OBJECT, false).f("registry", OBJ).f("epoch", LONG)
                    .f("liveEpochs", OBJ).f("refCnt", OBJ);
            K_OBJIMAGE = def("org.apache.kafka.image.S3ObjectsImage", OBJECT, false).f("registryRef", OBJ).f("objects", OBJ);
            K_STREAMIMAGE = def("org.apache.kafka.image.S3StreamsMetadataImage", OBJECT, false).f("registryRef", OBJ)
                    .f("streams", OBJ);
            K_IMAGE = def("org.apache.kafka.image.MetadataImage", OBJECT, false).f("epoch", LONG).f("objectsMetadata", OBJ)
                    .f("streamsMetadata", OBJ);
            K_LOADER = def("org.apache.kafka.image.loader.MetadataLoader", OBJECT, false).f("catchUpImages", INT)
                    .f("publishedImages", LONG).f("image", OBJ);
            // What registers the timeline objects with a registry holds them (Kafka's control managers).
            K_MANAGER = def("org.apache.kafka.controller.stream.S3ObjectControlManager", OBJECT, false)
                    .f("snapshotRegistry", OBJ).f("s3Objects", OBJ).f("nextAssignedObjectId", OBJ);
            K_STREAM_MANAGER = def("org.apache.kafka.controller.stream.StreamControlManager", OBJECT, false)
                    .f("snapshotRegistry", OBJ).f("streamsMetadata", OBJ).f("nextAssignedStreamId", OBJ);

            // The application's own structure classes.
            SHARD = def("com.acme.store.Shard", OBJECT, false).f("items", OBJ).f("size", INT).f("level", INT);
            LRU = def("com.acme.cache.LruIndex", OBJECT, false).f("items", OBJ).f("size", INT).f("level", INT)
                    .f("evictions", LONG).s("GLOBAL", OBJ, 0);
            JOURNAL = def("com.acme.events.EventJournal", OBJECT, false).f("events", OBJ).f("name", OBJ).f("lastSeq", LONG);
            WEAK_CACHE = def("com.acme.cache.WeakValueCache", OBJECT, false).f("refs", OBJ).f("size", INT).f("hits", LONG);
            CONFIG_REG = def("com.acme.config.ConfigRegistry", OBJECT, false).f("props", OBJ).f("configs", OBJ)
                    .f("loadedAt", LONG).s("INSTANCE", OBJ, 0).s("PROPS", OBJ, 0).s("CONFIGS", OBJ, 0);
            SERVER = def("com.acme.server.ServerMain", OBJECT, false).f("regions", OBJ)
                    .f("metadataLoader", OBJ).f("controlManagers", OBJ).f("journal", OBJ).f("config", OBJ)
                    .f("startedAt", LONG).s("INSTANCE", OBJ, 0);
            HANDLER = def("com.acme.net.RequestHandler", OBJECT, false).f("server", OBJ).f("id", INT);

            // ~400 application classes (the same for every seed).
            SplittableRandom cr = new SplittableRandom(400);
            java.util.Set<String> used = new java.util.HashSet<>();
            while (app.size() < 400) {
                String pkg = PKGS[cr.nextInt(PKGS.length)];
                String simple = NOUNS[cr.nextInt(NOUNS.length)] + SUFFIXES[cr.nextInt(SUFFIXES.length)];
                if (cr.nextInt(100) < 12 && !app.isEmpty()) {
                    Cls outer = app.get(cr.nextInt(app.size()));
                    simple = outer.name.substring(outer.name.lastIndexOf('.') + 1) + "$" + NOUNS[cr.nextInt(NOUNS.length)];
                    pkg = outer.name.substring(0, outer.name.lastIndexOf('.'));
                }
                String name = pkg + "." + simple;
                if (!used.add(name)) {
                    continue;
                }
                Cls sup = OBJECT;
                if (app.size() > 20 && cr.nextInt(100) < 30) {
                    Cls s = app.get(cr.nextInt(app.size()));
                    int depth = 0;
                    for (Cls x = s; x != OBJECT; x = x.sup) {
                        depth++;
                    }
                    sup = depth < 3 ? s : OBJECT;
                }
                Cls c = def(name, sup, false);
                int nf = 1 + cr.nextInt(8);
                for (int i = 0; i < nf; i++) {
                    String fn = FIELDS[cr.nextInt(FIELDS.length)];
                    if (c.hasField(fn)) {
                        continue;
                    }
                    int r = cr.nextInt(100);
                    int t = r < 46 ? OBJ : r < 70 ? INT : r < 90 ? LONG : r < 95 ? BOOL : r < 98 ? BYTE : DOUBLE;
                    c.f(fn, t);
                }
                if (cr.nextInt(100) < 30) {
                    c.s("serialVersionUID", LONG, cr.nextLong());
                }
                if (cr.nextInt(100) < 10) {
                    c.s("DEFAULT", OBJ, 0);
                }
                app.add(c);
            }
            for (Cls c : classes) {
                c.layout();
            }
            // Instance frequencies: Zipf over a shuffled rank, as heaps are dominated by a few classes.
            int[] rank = new int[app.size()];
            for (int i = 0; i < rank.length; i++) {
                rank[i] = i;
            }
            for (int i = rank.length - 1; i > 0; i--) {
                int j = cr.nextInt(i + 1);
                int t = rank[i];
                rank[i] = rank[j];
                rank[j] = t;
            }
            double[] w = new double[app.size()];
            double total = 0;
            for (int i = 0; i < w.length; i++) {
                w[i] = 1.0 / Math.pow(rank[i] + 1, 1.05);
                total += w[i];
            }
            appPick = new int[1 << 16];
            int at = 0;
            double acc = 0;
            for (int i = 0; i < w.length; i++) {
                acc += w[i];
                int upto = (int) Math.round(acc / total * appPick.length);
                while (at < upto && at < appPick.length) {
                    appPick[at++] = i;
                }
            }
            while (at < appPick.length) {
                appPick[at++] = w.length - 1;
            }
            // Class mirrors sit below the objects, as HotSpot's archived and early mirrors do.
            for (Cls c : classes) {
                c.serial = c.index + 1;
                c.id = next;
                next += align8(104 + 8L * c.snames.size());
            }
            next = align8(next + 4096);
        }

        // ---------------------------------------------------------------- planning helpers
        long alloc(long size) {
            long a = next;
            next += size;
            return a;
        }

/** Writes an instance record with zeroed fields; returns its handle (its offset in the buffer). */
        int inst(Cls c) {
            byMode[mode]++;
            objects++;
            instances++;
            long oid = alloc(c.size);
            out.sub(25 + c.dlen);
            int h = out.pos;
            out.u1(0x21);
            out.u8(oid);
            out.u4(1);
            out.u8(c.id);
            out.u4(c.dlen);
            out.zero(c.dlen);
            return h;
        }

        int objArray(Cls arrayClass, int n) {
            byMode[mode]++;
            objects++;
            objArrays++;
            long oid = alloc(align8(16 + 4L * n));
            out.sub(25 + 8 * n);
            int h = out.pos;
            out.u1(0x22);
            out.u8(oid);
            out.u4(1);
            out.u4(n);
            out.u8(arrayClass.id);
            out.zero(8 * n);
            return h;
        }

        int primArray(int type, int n, byte[] from, int offset) {
            byMode[mode]++;
            objects++;
            primArrays++;
            int bytes = n * dumpSize(type);
            long oid = alloc(align8(16 + (long) bytes));
            out.sub(18 + bytes);
            int h = out.pos;
            out.u1(0x23);
            out.u8(oid);
            out.u4(1);
            out.u4(n);
            out.u1(type);
            out.bytes(from, offset, bytes);
            return h;
        }

        long id(int h) {
            if (h >= out.pos) {
                throw new IllegalStateException("handle used after its buffer was written");
            }
            return (long) Out.L.get(out.buf, h + 1);
        }

        /** Sets a field by name; {@code c} must be the object's own class (slots depend on it). */
        void set(int obj, Cls c, String field, long v) {
            if ((long) Out.L.get(out.buf, obj + 13) != c.id) {
                throw new IllegalStateException("object of another class than " + c.name + " (setting " + field + ")");
            }
            setSlot(obj, c, c.slot(field), v);
        }

        /** Sets a field that {@code declaring}, a superclass of the object's class {@code c}, declares. */
        void setInherited(int obj, Cls c, Cls declaring, String field, long v) {
            int slot = 0;
            for (Cls k = c; k != declaring; k = k.sup) {
                slot += k.fnames.size();
            }
            setSlot(obj, c, slot + declaring.fnames.indexOf(field), v);
        }

        void setSlot(int obj, Cls c, int slot, long v) {
            int off = obj + 25 + c.doff[slot];
            byte[] b = out.buf;
            switch (c.dtypes[slot]) {
                case OBJ -> ref(b, off, v);
                case LONG, DOUBLE -> Out.L.set(b, off, v);
                case INT, FLOAT -> Out.I.set(b, off, (int) v);
                case SHORT, CHAR -> Out.S.set(b, off, (short) v);
                default -> b[off] = (byte) v;
            }
        }

        private void ref(byte[] b, int off, long v) {
            long old = (long) Out.L.get(b, off);
            refs += (v != 0 ? 1 : 0) - (old != 0 ? 1 : 0);
            Out.L.set(b, off, v);
        }

        void elem(int array, int i, long v) {
            if (array >= out.pos) {
                throw new IllegalStateException("handle used after its buffer was written");
            }
            ref(out.buf, array + 25 + 8 * i, v);
        }

        long getElem(int array, int i) {
            return (long) Out.L.get(out.buf, array + 25 + 8 * i);
        }

        /** A cluster is complete: nothing will patch it any more. */
        void done() {
            out.maybeFlush();
        }

        long shared(Ring r) {
            long v = r.pick(rng, mode == LIVE);
            if (v != 0) {
                sharedRefs++;
            }
            return v;
        }

        int stringOf(String s) {
            byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
            int str = inst(STRING);
            int arr = primArray(BYTE, b.length, b, 0);
            set(str, STRING, "value", id(arr));
            set(str, STRING, "hash", s.hashCode());
            set(str, STRING, "hashIsZero", s.hashCode() == 0 ? 1 : 0);
            return str;
        }

        /** A String with its own Latin-1 byte[] of min..max (at most 64) bytes. One random draw serves it all. */
        int string(int min, int max) {
            long r = rng.nextLong();
            int len = min + (int) (((r & 0xffff) * (max - min + 1)) >>> 16);
            int str = inst(STRING);
            int arr = primArray(BYTE, len, text, (int) (r >>> 16) & (TEXT_LEN / 2 - 1));
            setSlot(str, STRING, 0, id(arr));
            setSlot(str, STRING, 2, (int) (r >>> 32));
            if ((r >>> 62) == 0 && mode == LIVE && shareable) { // 25%
                sharedStrings.add(id(str));
            }
            return str;
        }

        int boxLong(long v) {
            int b = inst(LONGC);
            setSlot(b, LONGC, 0, v);
            return b;
        }

        long primValue(int t) {
            long r = rng.nextLong();
            return switch (t) {
                case INT -> (r & 0xff) < 180 ? (r >>> 8) % 1000 : (int) (r >>> 32); // mostly small counts and codes
                case LONG -> (r & 1) == 0 ? 1_700_000_000_000L + ((r >>> 1) & ((1L << 36) - 1)) : (r >>> 24); // timestamps, ids
                case BOOL -> r & 1;
                case BYTE -> r & 0xff;
                case DOUBLE -> Double.doubleToLongBits((r >>> 11) * 0x1.0p-53 * 1000);
                case FLOAT -> Float.floatToIntBits((float) ((r >>> 40) * 0x1.0p-24));
                default -> r & 0xffff;
            };
        }

        Cls pickApp() {
            return app.get(appPick[rng.nextInt(appPick.length)]);
        }

        int entity(int depth) {
            Cls c = pickApp();
            int obj = inst(c);
            for (int s : c.primSlots) {
                setSlot(obj, c, s, primValue(c.dtypes[s]));
            }
            for (int s : c.refSlots) {
                setSlot(obj, c, s, refValue(depth));
            }
            if (mode == LIVE && shareable && (rng.nextLong() & 1) == 0) {
                sharedObjs.add(id(obj));
            }
            return obj;
        }

        long sharedAny() {
            long v = rng.nextInt(100) < 55 ? shared(sharedObjs) : shared(sharedStrings);
            return v;
        }

        long refValue(int depth) {
            long bits = rng.nextLong();
            int r = (int) (((bits & 0xffffffffL) * 100) >>> 32);
            if (r < 20) {
                return 0;
            }
            if (r < 20 + SHARED_PCT + 10) {
                return sharedAny();
            }
            int x = (int) (((bits >>> 32) * 100) >>> 32);
            if (depth < 3 && x < 36) {
                return id(entity(depth + 1));
            }
            if (x < 70) {
                return id(string(8, 48));
            }
            if (x < 82) {
                return id(boxLong(rng.nextLong(1L << 32)));
            }
            if (x < 94) {
                return id(list(depth + 1, rng.nextInt(100) < 80 ? rng.nextInt(8) : rng.nextInt(40)));
            }
            return id(primBuffer(16, 96));
        }

        int primBuffer(int min, int max) {
            int n = min + rng.nextInt(max - min + 1);
            int t = rng.nextInt(100);
            int type = t < 50 ? BYTE : t < 80 ? INT : LONG;
            int bytes = n * dumpSize(type);
            return primArray(type, n, random, rng.nextInt(TEXT_LEN - bytes));
        }

        static int arrayListCapacity(int n) {
            int c = 10;
            while (c < n) {
                c = c + (c >> 1);
            }
            return c;
        }

        int list(int depth, int n) {
            int l = inst(ARRAYLIST);
            set(l, ARRAYLIST, "size", n);
            set(l, ARRAYLIST, "modCount", n + rng.nextInt(3));
            if (n == 0) {
                set(l, ARRAYLIST, "elementData", emptyArray);
                if (mode == LIVE && !emptyArrayHit) {
                    emptyArrayHit = true;
                    multiExtra++;
                }
                return l;
            }
            int cap = arrayListCapacity(n);
            int arr = objArray(OBJ_ARR, cap);
            set(l, ARRAYLIST, "elementData", id(arr));
            for (int i = 0; i < n; i++) {
                int r = rng.nextInt(100);
                long v;
                if (r < SHARED_PCT + 14) {
                    v = sharedAny();
                } else if (r < 60 || depth >= 3) {
                    v = id(string(8, 40));
                } else if (r < 72) {
                    v = id(boxLong(rng.nextLong(1L << 32)));
                } else {
                    v = id(entity(depth + 1));
                }
                elem(arr, i, v);
            }
            return l;
        }

        static int tableSizeFor(int entries) {
            int need = (int) (entries / 0.75f) + 1;
            int c = 16;
            while (c < need) {
                c <<= 1;
            }
            return c;
        }

        int hashMap(int entries, int depth) {
            int m = inst(HASHMAP);
            int cap = tableSizeFor(entries);
            set(m, HASHMAP, "size", entries);
            set(m, HASHMAP, "modCount", entries);
            set(m, HASHMAP, "threshold", (int) (cap * 0.75f));
            set(m, HASHMAP, "loadFactor", Float.floatToIntBits(0.75f));
            if (entries == 0) {
                return m;
            }
            int tab = objArray(NODE_ARR, cap);
            set(m, HASHMAP, "table", id(tab));
            if (tails.length < cap) {
                tails = new int[cap];
            }
            Arrays.fill(tails, 0, cap, -1);
            int sHash = NODE.slot("hash"), sKey = NODE.slot("key"), sValue = NODE.slot("value"), sNext = NODE.slot("next");
            for (int e = 0; e < entries; e++) {
                int node = inst(NODE);
                long key = rng.nextInt(100) < 25 ? shared(sharedStrings) : 0;
                if (key == 0) {
                    key = id(string(6, 32));
                }
                int h = rng.nextInt();
                h ^= h >>> 16;
                setSlot(node, NODE, sHash, h);
                setSlot(node, NODE, sKey, key);
                int r = rng.nextInt(100);
                long value;
                if (r < 45) {
                    value = id(entity(depth + 1));
                } else if (r < 45 + SHARED_PCT + 4) {
                    value = sharedAny();
                } else if (r < 85) {
                    value = id(string(8, 48));
                } else {
                    value = id(boxLong(rng.nextLong(1L << 32)));
                }
                setSlot(node, NODE, sValue, value);
                int b = h & (cap - 1);
                if (tails[b] < 0) {
                    elem(tab, b, id(node));
                } else {
                    setSlot(tails[b], NODE, sNext, id(node));
                }
                tails[b] = node;
            }
            return m;
        }

        int weakCache() {
            int n = 4 + rng.nextInt(29);
            int holder = inst(WEAK_CACHE);
            int arr = objArray(byName.get("[Ljava/lang/ref/WeakReference;"), n);
            set(holder, WEAK_CACHE, "refs", id(arr));
            set(holder, WEAK_CACHE, "size", n);
            set(holder, WEAK_CACHE, "hits", rng.nextInt(1 << 20));
            int sRef = WEAKREF.slot("referent"), sQueue = WEAKREF.slot("queue");
            for (int i = 0; i < n; i++) {
                int wr = inst(WEAKREF);
                elem(arr, i, id(wr));
                setSlot(wr, WEAKREF, sQueue, refQueueNull);
                if (mode == LIVE && !refQueueNullHit) {
                    refQueueNullHit = true;
                    multiExtra++;
                }
                int saved = mode;
                boolean savedShare = shareable;
                if (mode == LIVE) {
                    mode = WEAK;
                }
                shareable = false;
                int referent = rng.nextInt(100) < 70 ? entity(1) : string(8, 48);
                mode = saved;
                shareable = savedShare;
                setSlot(wr, WEAKREF, sRef, id(referent));
                weakReferents++;
            }
            return holder;
        }

        // ---------------------------------------------------------------- writing
        void writeHeader() {
            out.bytes("JAVA PROFILE 1.0.2".getBytes(StandardCharsets.US_ASCII), 0, "JAVA PROFILE 1.0.2".getBytes(StandardCharsets.US_ASCII).length);
            out.u1(0);
            out.u4(8);
            out.u8(1_700_000_000_000L + (o.seed() & 0xffff) * 1000);
        }

        void writeNames() {
            for (Map.Entry<String, Long> e : names.entrySet()) {
                byte[] s = e.getKey().getBytes(StandardCharsets.UTF_8);
                out.top(0x01, 8 + s.length);
                out.u8(e.getValue());
                out.bytes(s, 0, s.length);
            }
            for (Cls c : classes) {
                out.top(0x02, 24);
                out.u4(c.serial);
                out.u8(c.id);
                out.u4(1);
                out.u8(nameId(internal(c.name)));
            }
        }

        void writeClassDumps() {
            for (Cls c : classes) {
                int statics = 0;
                for (int t : c.stypes) {
                    statics += 8 + 1 + dumpSize(t);
                }
                int size = 1 + 8 + 4 + 6 * 8 + 4 + 2 + 2 + statics + 2 + 9 * c.fnames.size();
                out.sub(size);
                long loader = c.boot ? 0 : appLoaderId;
                out.u1(0x20);
                out.u8(c.id);
                out.u4(1);
                out.u8(c.sup == null ? 0 : c.sup.id);
                out.u8(loader);
                out.u8(0);
                out.u8(0);
                out.u8(0);
                out.u8(0);
                out.u4(c.array ? 0 : c.dlen);
                out.u2(0);
                out.u2(c.snames.size());
                for (int i = 0; i < c.snames.size(); i++) {
                    int t = c.stypes.get(i);
                    out.u8(nameId(c.snames.get(i)));
                    out.u1(t);
                    long v = c.svals.get(i);
                    if (FORWARD.contains(c.name + "." + c.snames.get(i))) {
                        forwardAt.put(c.name + "." + c.snames.get(i), out.position());
                    }
                    switch (dumpSize(t)) {
                        case 8 -> out.u8(v);
                        case 4 -> out.u4((int) v);
                        case 2 -> out.u2((int) v);
                        default -> out.u1((int) v);
                    }
                    if (t == OBJ && v != 0) {
                        refs++;
                    }
                }
                out.u2(c.fnames.size());
                for (int i = 0; i < c.fnames.size(); i++) {
                    out.u8(nameId(c.fnames.get(i)));
                    out.u1((int) c.ftypes.get(i));
                }
            }
        }

        // ---------------------------------------------------------------- threads and frames
        record Frame(String cls, String method, String sig, String file, int line) {
        }

        record ThreadSpec(String name, boolean daemon, int priority, List<Frame> frames) {
        }

        final List<ThreadSpec> threadSpecs = new ArrayList<>();

        void defineThreads() {
            threadSpecs.add(new ThreadSpec("main", false, 5, List.of(
                    new Frame("java.lang.Object", "wait", "(J)V", "Object.java", -3),
                    new Frame("com.acme.server.ServerMain", "awaitShutdown", "()V", "ServerMain.java", 212),
                    new Frame("com.acme.server.ServerMain", "main", "([Ljava/lang/String;)V", "ServerMain.java", 64))));
            threadSpecs.add(new ThreadSpec("Reference Handler", true, 10, List.of(
                    new Frame("java.lang.ref.Reference", "waitForReferencePendingList", "()V", "Reference.java", -3),
                    new Frame("java.lang.ref.Reference", "processPendingReferences", "()V", "Reference.java", 253))));
            threadSpecs.add(new ThreadSpec("Finalizer", true, 8, List.of(
                    new Frame("java.lang.Object", "wait", "(J)V", "Object.java", -3),
                    new Frame("java.lang.ref.ReferenceQueue", "remove", "(J)Ljava/lang/ref/Reference;", "ReferenceQueue.java", 155))));
            threadSpecs.add(new ThreadSpec("Signal Dispatcher", true, 9, List.of()));
            threadSpecs.add(new ThreadSpec("Common-Cleaner", true, 8, List.of(
                    new Frame("java.lang.Object", "wait", "(J)V", "Object.java", -3),
                    new Frame("java.lang.ref.ReferenceQueue", "remove", "(J)Ljava/lang/ref/Reference;", "ReferenceQueue.java", 155))));
            threadSpecs.add(new ThreadSpec("metadata-loader-event-handler", false, 5, List.of(
                    new Frame("java.lang.Object", "wait", "(J)V", "Object.java", -3),
                    new Frame("org.apache.kafka.image.loader.MetadataLoader", "handleDelta",
                            "(Lorg/apache/kafka/image/MetadataDelta;)V", "MetadataLoader.java", 31),
                    new Frame("java.lang.Thread", "run", "()V", "Thread.java", 840))));
            for (int i = 0; i < 6; i++) {
                threadSpecs.add(new ThreadSpec("request-handler-" + i, false, 5, List.of(
                        new Frame("java.lang.Object", "wait", "(J)V", "Object.java", -3),
                        new Frame("com.acme.net.RequestHandler", "handle", "(Ljava/lang/Object;)V", "RequestHandler.java", 97 + i),
                        new Frame("com.acme.net.RequestHandler", "run", "()V", "RequestHandler.java", 58),
                        new Frame("java.lang.Thread", "run", "()V", "Thread.java", 840))));
            }
            for (ThreadSpec t : threadSpecs) {
                for (Frame f : t.frames()) {
                    nameId(f.method());
                    nameId(f.sig());
                    nameId(f.file());
                }
            }
        }

        void writeTraces() {
            out.top(0x05, 12); // the empty trace every object's serial (1) names
            out.u4(1);
            out.u4(0);
            out.u4(0);
            long frameId = 0x7e00_0000_0000L;
            for (int t = 0; t < threadSpecs.size(); t++) {
                ThreadSpec s = threadSpecs.get(t);
                long first = frameId;
                for (Frame f : s.frames()) {
                    out.top(0x04, 40);
                    out.u8(frameId);
                    out.u8(nameId(f.method()));
                    out.u8(nameId(f.sig()));
                    out.u8(nameId(f.file()));
                    out.u4(byName.get(f.cls()).serial);
                    out.u4(f.line());
                    frameId += 8;
                }
                out.top(0x05, 12 + 8 * s.frames().size());
                out.u4(t + 2);
                out.u4(t + 1);
                out.u4(s.frames().size());
                for (int i = 0; i < s.frames().size(); i++) {
                    out.u8(first + 8L * i);
                }
            }
        }

        // ---------------------------------------------------------------- bootstrap
        long appLoaderId;

        /** Threads, loaders, queues, enum constants and the shared config: planned before the class dumps point at them. */
        void planBootstrap() {
            // the shared empty arrays first: ArrayList's EMPTY_ELEMENTDATA and DEFAULTCAPACITY_EMPTY_ELEMENTDATA
            int empty1 = objArray(OBJ_ARR, 0);
            int empty2 = objArray(OBJ_ARR, 0);
            emptyArray = id(empty2);
            ARRAYLIST.setStatic("EMPTY_ELEMENTDATA", id(empty1));
            ARRAYLIST.setStatic("DEFAULTCAPACITY_EMPTY_ELEMENTDATA", id(empty2));
            int qNull = inst(REFQ_NULL);
            int qEnq = inst(REFQ_NULL);
            int lock1 = inst(REFQ_LOCK);
            int lock2 = inst(REFQ_LOCK);
            set(qNull, REFQ_NULL, "lock", id(lock1));
            set(qEnq, REFQ_NULL, "lock", id(lock2));
            refQueueNull = id(qNull);
            REFQ.setStatic("NULL", id(qNull));
            REFQ.setStatic("ENQUEUED", id(qEnq));
            // class loaders: the app loader's `classes` list keeps the application classes reachable
            int platform = inst(PLATFORM_LOADER);
            Cls loaderCls = byName.get("java.lang.ClassLoader");
            setInherited(platform, PLATFORM_LOADER, loaderCls, "name", id(stringOf("platform")));
            int appLoader = inst(APP_LOADER);
            appLoaderId = id(appLoader);
            setInherited(appLoader, APP_LOADER, loaderCls, "name", id(stringOf("app")));
            setInherited(appLoader, APP_LOADER, loaderCls, "parent", id(platform));
            setInherited(appLoader, APP_LOADER, byName.get("jdk.internal.loader.BuiltinClassLoader"), "parent", id(platform));
            setInherited(appLoader, APP_LOADER, loaderCls, "assertionLock", id(appLoader));
            setInherited(platform, PLATFORM_LOADER, loaderCls, "assertionLock", id(platform));
            List<Cls> appClasses = classes.stream().filter(c -> !c.boot).toList();
            int classList = inst(ARRAYLIST);
            int classArr = objArray(OBJ_ARR, arrayListCapacity(appClasses.size()));
            set(classList, ARRAYLIST, "size", appClasses.size());
            set(classList, ARRAYLIST, "elementData", id(classArr));
            for (int i = 0; i < appClasses.size(); i++) {
                elem(classArr, i, appClasses.get(i).id);
            }
            setInherited(appLoader, APP_LOADER, loaderCls, "classes", id(classList));
            int platformClasses = inst(ARRAYLIST);
            set(platformClasses, ARRAYLIST, "elementData", emptyArray);
            setInherited(platform, PLATFORM_LOADER, loaderCls, "classes", id(platformClasses));
            LOADERS.setStatic("PLATFORM_LOADER", id(platform));
            LOADERS.setStatic("APP_LOADER", id(appLoader));
            // thread groups and threads
            int system = inst(THREADGROUP);
            int mainGroup = inst(THREADGROUP);
            set(system, THREADGROUP, "name", id(stringOf("system")));
            set(system, THREADGROUP, "maxPriority", 10);
            set(mainGroup, THREADGROUP, "name", id(stringOf("main")));
            set(mainGroup, THREADGROUP, "parent", id(system));
            set(mainGroup, THREADGROUP, "maxPriority", 10);
            int groups = objArray(byName.get("[Ljava/lang/ThreadGroup;"), 4);
            elem(groups, 0, id(mainGroup));
            set(system, THREADGROUP, "groups", id(groups));
            set(system, THREADGROUP, "ngroups", 1);
            int sysThreads = objArray(THREAD_ARR, 8);
            int mainThreads = objArray(THREAD_ARR, 16);
            set(system, THREADGROUP, "threads", id(sysThreads));
            set(mainGroup, THREADGROUP, "threads", id(mainThreads));
            int nSys = 0, nMain = 0;
            for (int t = 0; t < threadSpecs.size(); t++) {
                ThreadSpec s = threadSpecs.get(t);
                int th = inst(THREAD);
                set(th, THREAD, "name", id(stringOf(s.name())));
                set(th, THREAD, "priority", s.priority());
                set(th, THREAD, "daemon", s.daemon() ? 1 : 0);
                set(th, THREAD, "eetop", 0x7f3a_1c00_0000L + 0x1000L * t);
                set(th, THREAD, "tid", t + 1);
                set(th, THREAD, "threadStatus", t == 3 ? 5 : 401);
                set(th, THREAD, "stackSize", 0);
                boolean sys = s.daemon() && t < 5;
                set(th, THREAD, "group", id(sys ? system : mainGroup));
                set(th, THREAD, "contextClassLoader", sys ? 0 : id(appLoader));
                set(th, THREAD, "blockerLock", id(inst(OBJECT)));
                if (sys) {
                    elem(sysThreads, nSys++, id(th));
                } else {
                    elem(mainThreads, nMain++, id(th));
                }
                threads.add(new long[]{id(th), t + 1, t + 2});
            }
            set(system, THREADGROUP, "nthreads", nSys);
            set(mainGroup, THREADGROUP, "nthreads", nMain);
            // enum constants of the Kafka records' states, and the NOP logger
            String[] os = {"PREPARED", "COMMITTED", "MARK_DESTROYED", "DESTROYED"};
            int osArr = objArray(K_STATE_ARR, os.length);
            for (int i = 0; i < os.length; i++) {
                int e = inst(K_OBJSTATE);
                set(e, K_OBJSTATE, "name", id(stringOf(os[i])));
                set(e, K_OBJSTATE, "ordinal", i);
                objStates[i] = id(e);
                K_OBJSTATE.setStatic(os[i], id(e));
                elem(osArr, i, id(e));
            }
            K_OBJSTATE.setStatic("$VALUES", id(osArr));
            String[] ss = {"OPENED", "CLOSED", "DELETED"};
            int ssArr = objArray(OBJ_ARR, ss.length);
            for (int i = 0; i < ss.length; i++) {
                int e = inst(K_STREAMSTATE);
                set(e, K_STREAMSTATE, "name", id(stringOf(ss[i])));
                set(e, K_STREAMSTATE, "ordinal", i);
                streamStates[i] = id(e);
                K_STREAMSTATE.setStatic(ss[i], id(e));
                elem(ssArr, i, id(e));
            }
            K_STREAMSTATE.setStatic("$VALUES", id(ssArr));
            int nop = inst(K_NOP);
            set(nop, K_NOP, "name", id(stringOf("NOP")));
            nopLogger = id(nop);
            K_NOP.setStatic("NOP_LOGGER", nopLogger);
            // configuration: interned property strings and shared config entities, held by static fields
            int reg = inst(CONFIG_REG);
            int props = hashMap(0, 0);
            set(reg, CONFIG_REG, "props", id(props));
            set(reg, CONFIG_REG, "loadedAt", 1_700_000_000_000L);
            shareable = false; // added to the rings explicitly below
            fillConfigMap(props, 3000);
            int cfgList = inst(ARRAYLIST);
            int nCfg = 600;
            int cfgArr = objArray(OBJ_ARR, arrayListCapacity(nCfg));
            set(cfgList, ARRAYLIST, "size", nCfg);
            set(cfgList, ARRAYLIST, "elementData", id(cfgArr));
            for (int i = 0; i < nCfg; i++) {
                int e = entity(2);
                elem(cfgArr, i, id(e));
                configs.add(id(e));
                sharedObjs.add(id(e));
            }
            set(reg, CONFIG_REG, "configs", id(cfgList));
            shareable = true;
            CONFIG_REG.setStatic("INSTANCE", id(reg));
            CONFIG_REG.setStatic("PROPS", id(props));
            CONFIG_REG.setStatic("CONFIGS", id(cfgList));
            for (Cls c : app) {
                if (c.snames.contains("DEFAULT")) {
                    c.setStatic("DEFAULT", configs.get(rng.nextInt(configs.size())));
                }
            }
        }

        /** Fills an empty planned HashMap (entries already 0) with interned string keys and values. */
        void fillConfigMap(int m, int entries) {
            int cap = tableSizeFor(entries);
            int tab = objArray(NODE_ARR, cap);
            set(m, HASHMAP, "table", id(tab));
            set(m, HASHMAP, "size", entries);
            set(m, HASHMAP, "modCount", entries);
            set(m, HASHMAP, "threshold", (int) (cap * 0.75f));
            int[] tail = new int[cap];
            Arrays.fill(tail, -1);
            for (int e = 0; e < entries; e++) {
                int node = inst(NODE);
                int k = string(10, 40);
                int v = string(4, 24);
                sharedStrings.add(id(k));
                sharedStrings.add(id(v));
                int h = rng.nextInt();
                h ^= h >>> 16;
                set(node, NODE, "hash", h);
                set(node, NODE, "key", id(k));
                set(node, NODE, "value", id(v));
                int b = h & (cap - 1);
                if (tail[b] < 0) {
                    elem(tab, b, id(node));
                } else {
                    set(tail[b], NODE, "next", id(node));
                }
                tail[b] = node;
            }
        }

        // ---------------------------------------------------------------- directories
        /** A tree of holders over the cluster heads, built bottom-up as clusters are written. */
        final class Directory {
            final Cls holder;
            final long[][] pend = new long[12][FANOUT];
            final int[] cnt = new int[12];

            Directory(Cls holder) {
                this.holder = holder;
            }

            void add(long id) {
                add(0, id);
            }

            void add(int level, long id) {
                pend[level][cnt[level]++] = id;
                if (cnt[level] == FANOUT) {
                    long s = shard(level, cnt[level]);
                    cnt[level] = 0;
                    add(level + 1, s);
                }
            }

            long shard(int level, int n) {
                int saved = mode;
                mode = LIVE;
                int h = inst(holder);
                int arr = objArray(OBJ_ARR, n);
                set(h, holder, "items", id(arr));
                set(h, holder, "size", n);
                set(h, holder, "level", level);
                for (int i = 0; i < n; i++) {
                    elem(arr, i, pend[level][i]);
                }
                mode = saved;
                long shardId = id(h); // before done(): a handle is an offset into the buffer being written
                done();
                return shardId;
            }

            long[] finish() {
                int top = 0;
                for (int l = 0; l < cnt.length; l++) {
                    if (cnt[l] > 0) {
                        top = l;
                    }
                }
                for (int l = 0; l < top; l++) {
                    if (cnt[l] > 0) {
                        long s = shard(l, cnt[l]);
                        cnt[l] = 0;
                        add(l + 1, s);
                        for (int k = 0; k < cnt.length; k++) {
                            if (cnt[k] > 0) {
                                top = Math.max(top, k);
                            }
                        }
                    }
                }
                return Arrays.copyOf(pend[top], cnt[top]);
            }
        }

        // ---------------------------------------------------------------- bulk clusters
        void cluster() {
            boolean garbage = rng.nextInt(1000) < 30;
            mode = garbage ? GARBAGE : LIVE;
            int r = rng.nextInt(1000);
            int head;
            if (r < 330) {
                int e = rng.nextInt(100);
                int entries = e < 70 ? 1 + rng.nextInt(12) : e < 96 ? 12 + rng.nextInt(100) : 100 + rng.nextInt(900);
                head = hashMap(entries, 1);
            } else if (r < 560) {
                int e = rng.nextInt(100);
                head = list(1, e < 75 ? 1 + rng.nextInt(16) : e < 97 ? 16 + rng.nextInt(150) : 150 + rng.nextInt(1500));
            } else if (r < 905) {
                head = entity(0);
            } else if (r < 985) {
                int first = entity(1);
                int buffers = 1 + rng.nextInt(3);
                int[] held = new int[buffers + 1];
                held[0] = first;
                for (int i = 0; i < buffers; i++) {
                    held[i + 1] = primBuffer(8, rng.nextInt(100) < 95 ? 128 : 4096);
                }
                head = listOf(held);
            } else {
                head = weakCache();
            }
            long headId = id(head);
            done();
            clusters++;
            if (garbage) {
                garbageClusters++;
            } else {
                primary.add(headId);
                if (rng.nextInt(100) < 10) {
                    index.add(headId);
                    multiExtra++;
                }
                recent[recentN++ % recent.length] = headId;
            }
            mode = LIVE;
        }

        /** An ArrayList (planned after its elements, so at a higher address) over planned objects. */
        int listOf(int[] held) {
            int l = inst(ARRAYLIST);
            int arr = objArray(OBJ_ARR, arrayListCapacity(held.length));
            set(l, ARRAYLIST, "size", held.length);
            set(l, ARRAYLIST, "elementData", id(arr));
            for (int i = 0; i < held.length; i++) {
                elem(arr, i, id(held[i]));
            }
            return l;
        }

        // ---------------------------------------------------------------- the linked list
        /** A java.util.LinkedList of {@code count} nodes, streamed: node ids follow from a per-node rule. */
        void linkedList(long count) {
            int j = inst(JOURNAL);
            int list = inst(LINKEDLIST);
            set(j, JOURNAL, "events", id(list));
            set(j, JOURNAL, "name", id(stringOf("audit-events")));
            set(j, JOURNAL, "lastSeq", count);
            journal = id(j);
            listId = id(list);
            long nodeSize = LNODE.size, longSize = LONGC.size;
            long first = next; // the nodes follow the list; each node's own Long item, if any, follows the node
            long last = first;
            for (long i = 0; i < count - 1; i++) {
                last += nodeSize + (ownItem(i) ? longSize : 0);
            }
            set(list, LINKEDLIST, "size", (int) count);
            set(list, LINKEDLIST, "first", first);
            set(list, LINKEDLIST, "last", last);
            set(list, LINKEDLIST, "modCount", (int) count);
            done();
            long prev = 0;
            long at = first;
            int sItem = LNODE.slot("item"), sNext = LNODE.slot("next"), sPrev = LNODE.slot("prev");
            long[] v = new long[3];
            for (long i = 0; i < count; i++) {
                boolean own = ownItem(i);
                long stride = nodeSize + (own ? longSize : 0);
                long nextId = i + 1 < count ? at + stride : 0;
                v[sItem] = own ? at + nodeSize : shared(sharedStrings);
                v[sNext] = nextId;
                v[sPrev] = prev;
                out.sub(25 + 24);
                out.u1(0x21);
                out.u8(at);
                out.u4(1);
                out.u8(LNODE.id);
                out.u4(24);
                out.u8(v[0]);
                out.u8(v[1]);
                out.u8(v[2]);
                refs += (v[0] != 0 ? 1 : 0) + (v[1] != 0 ? 1 : 0) + (v[2] != 0 ? 1 : 0);
                instances++;
                objects++;
                byMode[LIVE]++;
                if (own) {
                    out.sub(25 + 8);
                    out.u1(0x21);
                    out.u8(at + nodeSize);
                    out.u4(1);
                    out.u8(LONGC.id);
                    out.u4(8);
                    out.u8(1_000_000L + i);
                    instances++;
                    objects++;
                    byMode[LIVE]++;
                }
                if ((i & 4095) == 4095) {
                    out.maybeFlush();
                }
                prev = at;
                at += stride;
            }
            next = at;
            listNodes = count;
            multiExtra += count; // each node has two predecessors: next of the one before, prev of the one after
        }

        static boolean ownItem(long i) {
            long h = i * 0x9E3779B97F4A7C15L;
            h ^= h >>> 29;
            return Math.floorMod(h, 100) >= 20;
        }

        // ---------------------------------------------------------------- the AutoMQ leak
        long chainLength() {
            double gib = o.size() / (double) (1L << 30);
            return Math.max(200, Math.round(2000 * Math.sqrt(gib / 2)));
        }

        void kafka() {
            long n = chainLength();
            snapshotsPerChain = o.leaky() ? n : 2;
            int loader = inst(K_LOADER);
            int cur = inst(K_IMAGE);
            int old = inst(K_IMAGE);
            set(loader, K_LOADER, "catchUpImages", 3);
            set(loader, K_LOADER, "publishedImages", n);
            set(loader, K_LOADER, "image", id(cur));
            set(cur, K_IMAGE, "epoch", n - 1);
            set(old, K_IMAGE, "epoch", n - 2);
            kafkaLoader = id(loader);
            readerImage = id(old);
            long entries = Math.max(500, Math.round(2500 * o.size() / (double) (1L << 30)));
            long[] live = o.leaky() ? new long[]{0, 1, n - 2, n - 1} : new long[]{n - 2, n - 1};
            StringBuilder le = new StringBuilder();
            int managerArr = objArray(OBJ_ARR, 2);
            managers = id(managerArr);
            for (int r = 0; r < 2; r++) {
                boolean streams = r == 1;
                int[] refsOut = registry(streams ? "streams" : "objects", streams, n, (int) Math.min(entries, 1 << 20), live);
                Cls image = streams ? K_STREAMIMAGE : K_OBJIMAGE;
                String mapField = streams ? "streams" : "objects";
                int curImg = inst(image);
                set(curImg, image, "registryRef", id(refsOut[0]));
                set(curImg, image, mapField, id(refsOut[2]));
                int oldImg = inst(image);
                set(oldImg, image, "registryRef", id(refsOut[1]));
                set(oldImg, image, mapField, id(refsOut[2]));
                set(cur, K_IMAGE, streams ? "streamsMetadata" : "objectsMetadata", id(curImg));
                set(old, K_IMAGE, streams ? "streamsMetadata" : "objectsMetadata", id(oldImg));
                multiExtra++; // the timeline map: held by both images
                Cls mc = streams ? K_STREAM_MANAGER : K_MANAGER;
                int manager = inst(mc);
                set(manager, mc, "snapshotRegistry", id(refsOut[4]));
                set(manager, mc, streams ? "streamsMetadata" : "s3Objects", id(refsOut[2]));
                set(manager, mc, streams ? "nextAssignedStreamId" : "nextAssignedObjectId", id(refsOut[3]));
                elem(managerArr, r, id(manager));
            }
            for (int i = 0; i < live.length; i++) {
                le.append(i > 0 ? ", " : "").append(live[i]);
            }
            liveEpochsText = "[" + le + "]";
            done();
        }

        /** One registry, its snapshot chain, its timeline map; returns {current handle, reader's handle, map}. */
        int[] registry(String name, boolean streams, long n, int entries, long[] live) {
            int reg = inst(K_REGISTRY);
            int logger = inst(K_LOGGER);
            int ctxPrefix = stringOf("[" + name + "] ");
            set(logger, K_LOGGER, "prefix", id(ctxPrefix));
            set(logger, K_LOGGER, "logger", nopLogger);
            set(reg, K_REGISTRY, "log", id(logger));
            set(reg, K_REGISTRY, "maxRegistrationsSinceScrub", 2);
            set(reg, K_REGISTRY, "numScrubs", o.leaky() ? 0 : n / 3);
            // the timeline map with the current values
            int tmap = inst(K_TMAP);
            int cap = Integer.highestOneBit(Math.max(4, entries) * 2);
            int elements = objArray(OBJ_ARR, cap);
            set(tmap, K_TMAP, "elements", id(elements));
            set(tmap, K_TMAP, "size", entries);
            set(tmap, K_TMAP, "snapshotRegistry", id(reg));
            long[] keys = new long[entries];
            for (int e = 0; e < entries; e++) {
                int entry = inst(K_TENTRY);
                int key = boxLong(1000L + e);
                keys[e] = id(key);
                set(entry, K_TENTRY, "key", id(key));
                set(entry, K_TENTRY, "value", id(record(streams, 1000L + e, 0)));
                set(entry, K_TENTRY, "startEpoch", rng.nextLong(n));
                placeOpen(elements, cap, e, id(entry));
            }
            int tlong = inst(K_TLONG);
            set(tlong, K_TLONG, "snapshotRegistry", id(reg));
            set(tlong, K_TLONG, "value", 1000L + entries);
            // revertables: weak references to what registered itself with the registry
            int revList = inst(ARRAYLIST);
            int revArr = objArray(OBJ_ARR, 10);
            set(revList, ARRAYLIST, "size", 2);
            set(revList, ARRAYLIST, "elementData", id(revArr));
            for (int i = 0; i < 2; i++) {
                int wr = inst(WEAKREF);
                set(wr, WEAKREF, "referent", i == 0 ? id(tmap) : id(tlong));
                set(wr, WEAKREF, "queue", refQueueNull);
                elem(revArr, i, id(wr));
                weakReferents++;
            }
            set(reg, K_REGISTRY, "revertables", id(revList));
            // snapshots: a circular list through the sentinel head, and a HashMap epoch -> snapshot
            long first = o.leaky() ? 0 : n - 2;
            int count = (int) (n - first);
            int head = snapshot(Long.MIN_VALUE);
            set(reg, K_REGISTRY, "head", id(head));
            int map = inst(HASHMAP);
            int mcap = tableSizeFor(count);
            int table = objArray(NODE_ARR, mcap);
            set(map, HASHMAP, "table", id(table));
            set(map, HASHMAP, "size", count);
            set(map, HASHMAP, "modCount", count + (o.leaky() ? 0 : (int) first));
            set(map, HASHMAP, "threshold", (int) (mcap * 0.75f));
            set(map, HASHMAP, "loadFactor", Float.floatToIntBits(0.75f));
            set(reg, K_REGISTRY, "snapshots", id(map));
            set(reg, K_REGISTRY, "numRegistrationsSinceScrub", 2);
            int prev = head;
            int[] tail = new int[mcap];
            Arrays.fill(tail, -1);
            for (long e = first; e < n; e++) {
                int s = snapshot(e);
                set(s, K_SNAPSHOT, "prev", id(prev));
                set(prev, K_SNAPSHOT, "next", id(s));
                // the deltas: old values the epoch replaced, and the counter's old value
                fillDeltas(s, tmap, tlong, keys, streams, e);
                int node = inst(NODE);
                int key = boxLong(e);
                int h = (int) (e ^ (e >>> 32));
                h ^= h >>> 16;
                set(node, NODE, "hash", h);
                set(node, NODE, "key", id(key));
                set(node, NODE, "value", id(s));
                int bkt = h & (mcap - 1);
                if (tail[bkt] < 0) {
                    elem(table, bkt, id(node));
                } else {
                    set(tail[bkt], NODE, "next", id(node));
                }
                tail[bkt] = node;
                prev = s;
                if (mode == LIVE) {
                    multiExtra++; // a snapshot: prev's next, next's prev and the map's node
                }
            }
            set(prev, K_SNAPSHOT, "next", id(head));
            set(head, K_SNAPSHOT, "prev", id(prev));
            multiExtra++; // the sentinel
            // the shared live-epoch list, its handles, and the handles dropped without release
            int liveList = inst(ARRAYLIST);
            int liveArr = objArray(OBJ_ARR, arrayListCapacity(live.length));
            set(liveList, ARRAYLIST, "size", live.length);
            set(liveList, ARRAYLIST, "modCount", (int) n);
            set(liveList, ARRAYLIST, "elementData", id(liveArr));
            for (int i = 0; i < live.length; i++) {
                elem(liveArr, i, id(boxLong(live[i])));
            }
            int current = handle(reg, n - 1, liveList);
            int reader = handle(reg, n - 2, liveList);
            int saved = mode;
            mode = GARBAGE;
            if (o.leaky()) {
                handle(reg, 0, liveList); // dropped by the catch-up path without release: unreachable
                handle(reg, 1, liveList);
            }
            handle(reg, n - 3, liveList); // released properly; garbage in both variants
            mode = saved;
            return new int[]{current, reader, tmap, tlong, reg};
        }

        /** Open addressing into the timeline map's elements, as BaseHashTable does (linear probing here). */
        void placeOpen(int elements, int cap, int e, long entryId) {
            int slot = (int) ((e * 0x9E3779B1L) & (cap - 1));
            while (getElem(elements, slot) != 0) {
                slot = (slot + 1) & (cap - 1);
            }
            elem(elements, slot, entryId);
        }

        int snapshot(long epoch) {
            int s = inst(K_SNAPSHOT);
            set(s, K_SNAPSHOT, "epoch", epoch);
            int ihm = inst(IHM);
            int table = objArray(OBJ_ARR, 16); // new IdentityHashMap<>(4): a table of 2 x 8
            set(ihm, IHM, "table", id(table));
            set(s, K_SNAPSHOT, "map", id(ihm));
            lastIhm = ihm;
            lastIhmTable = table;
            return s;
        }

        int lastIhm, lastIhmTable;

        void fillDeltas(int snapshot, int tmap, int tlong, long[] keys, boolean streams, long epoch) {
            int ihm = lastIhm, table = lastIhmTable;
            int size = 0;
            int tier = inst(K_TIER);
            int base = inst(K_BASE);
            int k = 1 + rng.nextInt(4);
            int elements = objArray(OBJ_ARR, 8);
            set(tier, K_TIER, "size", keys.length);
            set(tier, K_TIER, "deltaTable", id(base));
            set(base, K_BASE, "elements", id(elements));
            set(base, K_BASE, "size", k);
            for (int i = 0; i < k; i++) {
                int entry = inst(K_TENTRY);
                long key = keys[rng.nextInt(keys.length)];
                set(entry, K_TENTRY, "key", key);
                set(entry, K_TENTRY, "value", id(record(streams, 0, epoch)));
                set(entry, K_TENTRY, "startEpoch", Math.max(0, epoch - rng.nextInt(5)));
                elem(elements, i, id(entry));
            }
            elem(table, 0, id(tmap));
            elem(table, 1, id(tier));
            size++;
            if (rng.nextInt(2) == 0) {
                int c = inst(K_LONGC);
                set(c, K_LONGC, "value", 1000L + keys.length - rng.nextInt(10));
                elem(table, 6, id(tlong));
                elem(table, 7, id(c));
                size++;
            }
            set(ihm, IHM, "size", size);
            set(ihm, IHM, "modCount", size);
        }

        int record(boolean streams, long id, long epoch) {
            int attrLen = 16 + rng.nextInt(112);
            int attrs = primArray(BYTE, attrLen, random, rng.nextInt(TEXT_LEN - attrLen));
            if (streams) {
                int r = inst(K_STREAMREC);
                set(r, K_STREAMREC, "streamId", id != 0 ? id : rng.nextInt(100_000));
                set(r, K_STREAMREC, "streamEpoch", epoch);
                set(r, K_STREAMREC, "state", streamStates[rng.nextInt(2)]);
                set(r, K_STREAMREC, "startOffset", rng.nextInt(1 << 20));
                set(r, K_STREAMREC, "endOffset", (1 << 20) + rng.nextInt(1 << 24));
                set(r, K_STREAMREC, "nodeId", rng.nextInt(16));
                set(r, K_STREAMREC, "rangeIndex", id(attrs));
                return r;
            }
            int r = inst(K_OBJREC);
            set(r, K_OBJREC, "objectId", id != 0 ? id : rng.nextInt(100_000));
            set(r, K_OBJREC, "objectSize", 4096 + rng.nextInt(1 << 26));
            set(r, K_OBJREC, "state", objStates[rng.nextInt(3)]);
            set(r, K_OBJREC, "committedTimeMs", 1_700_000_000_000L + epoch * 1000);
            set(r, K_OBJREC, "attributes", id(attrs));
            return r;
        }

        int handle(int reg, long epoch, int liveList) {
            int ref = inst(K_REF);
            int cnt = inst(ATOMIC_INT);
            set(cnt, ATOMIC_INT, "value", mode == LIVE ? 1 : 0);
            set(ref, K_REF, "registry", id(reg));
            set(ref, K_REF, "epoch", epoch);
            set(ref, K_REF, "liveEpochs", id(liveList));
            set(ref, K_REF, "refCnt", id(cnt));
            return ref;
        }

        // ---------------------------------------------------------------- roots and the end
        void finish() {
            long[] regions = primary.finish();
            long[] idx = index.finish();
            mode = LIVE;
            int s = inst(SERVER);
            int regArr = objArray(OBJ_ARR, regions.length);
            for (int i = 0; i < regions.length; i++) {
                elem(regArr, i, regions[i]);
            }
            int idxRoot = inst(LRU); // the second index: held only by the static LruIndex.GLOBAL
            int idxArr = objArray(OBJ_ARR, idx.length);
            for (int i = 0; i < idx.length; i++) {
                elem(idxArr, i, idx[i]);
            }
            set(idxRoot, LRU, "items", id(idxArr));
            set(idxRoot, LRU, "size", idx.length);
            set(idxRoot, LRU, "level", -1);
            set(s, SERVER, "regions", id(regArr));
            forward("com.acme.cache.LruIndex.GLOBAL", id(idxRoot));
            set(s, SERVER, "metadataLoader", kafkaLoader);
            set(s, SERVER, "controlManagers", managers);
            set(s, SERVER, "journal", journal);
            set(s, SERVER, "config", byName.get("com.acme.config.ConfigRegistry").svals.get(0));
            set(s, SERVER, "startedAt", 1_700_000_000_000L);
            server = id(s);
            forward("com.acme.server.ServerMain.INSTANCE", server);
            List<Long> handlers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                int h = inst(HANDLER);
                set(h, HANDLER, "server", server);
                set(h, HANDLER, "id", i);
                handlers.add(id(h));
            }
            done();
            // roots, in JDK 17's order: threads with their frames, JNI globals, sticky classes
            for (int t = 0; t < threadSpecs.size(); t++) {
                long[] th = threads.get(t);
                out.sub(17);
                out.u1(0x08);
                out.u8(th[0]);
                out.u4((int) th[1]);
                out.u4((int) th[2]);
                String name = threadSpecs.get(t).name();
                if (name.equals("main")) {
                    frameRoot(server, t + 1, 2);
                } else if (name.startsWith("request-handler-")) {
                    int i = Integer.parseInt(name.substring(name.lastIndexOf('-') + 1));
                    frameRoot(handlers.get(i), t + 1, 2);
                    if (i == 0) {
                        frameRoot(readerImage, t + 1, 1); // a slow reader still on the previous image
                    }
                    long r = recent[(i * 3) % Math.max(1, Math.min(recentN, recent.length))];
                    if (r != 0) {
                        frameRoot(r, t + 1, 1);
                    }
                } else if (name.equals("metadata-loader-event-handler")) {
                    frameRoot(kafkaLoader, t + 1, 1);
                }
            }
            long jni = 0x7f3a_2000_0000L;
            for (long g : new long[]{server, appLoaderId, refQueueNull}) {
                out.sub(17);
                out.u1(0x01);
                out.u8(g);
                out.u8(jni);
                jni += 8;
            }
            for (Cls c : classes) {
                if (c.boot) {
                    out.sub(9);
                    out.u1(0x05);
                    out.u8(c.id);
                }
            }
            out.endSegment();
            out.top(0x2C, 0);
        }

        void forward(String field, long value) {
            out.patches.add(new long[]{forwardAt.get(field), value});
            refs++;
        }

        void frameRoot(long obj, int thread, int depth) {
            out.sub(17);
            out.u1(0x03);
            out.u8(obj);
            out.u4(thread);
            out.u4(depth);
        }

        // ---------------------------------------------------------------- the run
        void run() throws IOException {
            defineClasses();
            defineThreads();
            for (Cls c : classes) {
                nameId(internal(c.name));
                for (String f : c.fnames) {
                    nameId(f);
                }
                for (String s : c.snames) {
                    nameId(s);
                }
            }
            primary = new Directory(SHARD);
            index = new Directory(LRU);
            // The bootstrap objects are written to a buffer of their own first: the class dumps, which
            // come before them in the file, point at them from static fields.
            byte[] mainBuf = out.buf;
            out.buf = new byte[1 << 20];
            planBootstrap();
            out.endSegment();
            byte[] bootstrap = Arrays.copyOf(out.buf, out.pos);
            out.buf = mainBuf;
            out.pos = 0;
            writeHeader();
            writeNames();
            writeTraces();
            writeClassDumps();
            out.endSegment();
            out.ensure(bootstrap.length);
            out.bytes(bootstrap, 0, bootstrap.length);
            done();
            long target = o.size();
            long tail = 64L << 10;
            long kafkaAt = (long) (target * 0.30);
            long listAt = (long) (target * 0.50);
            long listCount = Math.max(10_000, Math.round(600_000.0 * target / (1L << 30)));
            long step = target / 10;
            long nextReport = step;
            while (out.position() + tail < target) {
                long pos = out.position();
                if (!kafkaDone && pos >= kafkaAt) {
                    kafka();
                    kafkaDone = true;
                } else if (!listDone && pos >= listAt) {
                    linkedList(listCount);
                    listDone = true;
                } else {
                    cluster();
                }
                if (pos >= nextReport) {
                    System.err.printf(Locale.ROOT, "realistic-dump: %d%% (%,d objects)%n", pos * 100 / target, objects);
                    nextReport += step;
                }
            }
            if (!kafkaDone) {
                kafka();
            }
            if (!listDone) {
                linkedList(listCount);
            }
            finish();
            out.close();
        }

        static String loadAverage() {
            try {
                String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
                return f[0] + " " + f[1] + " " + f[2];
            } catch (IOException | RuntimeException e) {
                return "unknown";
            }
        }

        void report(double secs, double cpu) {
            long bytes = out.flushed;
            long live = byMode[LIVE];
            long multi = sharedObjs.multi + sharedStrings.multi + multiExtra;
            System.out.printf(Locale.ROOT, "wrote %s: %,d bytes (target %,d), %s variant, seed %d, in %.1f s (%.0f MB/s)%n",
                    o.out(), bytes, o.size(), o.leaky() ? "leaky" : "fixed", o.seed(), secs, bytes / 1e6 / secs);
            System.out.printf(Locale.ROOT, "CPU: generating thread %.1f s, writing thread %.1f s (load average %s)%n",
                    cpu, out.writerCpuNanos / 1e9, loadAverage());
            System.out.printf(Locale.ROOT, "objects %,d (%,d instances, %,d object arrays, %,d primitive arrays) + %,d classes; heap %,d bytes (%.1f per object)%n",
                    objects, instances, objArrays, primArrays, classes.size(), next - heapStart, (double) (next - heapStart) / objects);
            System.out.printf(Locale.ROOT, "dump bytes per object %.1f; references %,d (%.2f per object; non-null fields and Object[] elements, %,d of them weak referents)%n",
                    (double) bytes / objects, refs, (double) refs / objects, weakReferents);
            System.out.printf(Locale.ROOT, "references to shared earlier objects %,d (%.1f%% of references)%n",
                    sharedRefs, 100.0 * sharedRefs / refs);
            System.out.printf(Locale.ROOT, "live objects with >= 2 incoming references from live objects: at least %,d (%.1f%% of objects)%n",
                    multi, 100.0 * multi / objects);
            System.out.printf(Locale.ROOT, "garbage (unreachable) %,d objects (%.2f%%, %,d of %,d clusters); reachable only through weak references %,d (%.2f%%)%n",
                    byMode[GARBAGE], 100.0 * byMode[GARBAGE] / objects, garbageClusters, clusters, byMode[WEAK],
                    100.0 * byMode[WEAK] / objects);
            System.out.printf(Locale.ROOT, "linked list: java.util.LinkedList 0x%x with %,d nodes%n", listId, listNodes);
            System.out.printf(Locale.ROOT, "snapshot chains: 2 x %,d snapshots; RegistryRef.liveEpochs %s, handles reachable for epochs %d and %d%n",
                    snapshotsPerChain, liveEpochsText, chainLength() - 1, chainLength() - 2);
        }
    }
}
