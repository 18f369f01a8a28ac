package dev.heapchain.cli;

import dev.heapchain.hprof.testing.BasicType;
import dev.heapchain.hprof.testing.DumpBuilder;
import dev.heapchain.hprof.testing.HeapClass;
import dev.heapchain.hprof.testing.HeapInstance;

import java.nio.file.Path;

/**
 * A small program's heap with threads and stacks, for frame details, the threads command and
 * redaction. Its own names are distinctive ({@code com.acme.secret}, {@code pendingOrders},
 * {@code acme-order-worker}) so a test can grep output for them.
 *
 * <p>Thread "acme-order-worker" (daemon, WAITING, JDK 17 layout: daemon and threadStatus on the
 * Thread) has six frames, one per line encoding: 0 {@code java.lang.Object.wait} native; 1
 * {@code OrderWorker.drain} at line 212, holding the {@code OrderCache} (Java frame) and a
 * {@code byte[]} (JNI local); 2 {@code OrderWorker.run} without a line; 3 an unknown line and no
 * source file; 4 compiled; 5 a frame whose class serial names no class. Thread "main" (JDK 21
 * layout: daemon and status in {@code holder}) holds nothing. A static field
 * {@code OrderRegistry.current} of a sticky class holds an {@code Order}.
 */
final class ThreadDumps {
    static final String WORKER = "acme-order-worker";
    static final String CACHE = "com.acme.secret.OrderCache";
    static final String WORKER_CLASS = "com.acme.secret.OrderWorker";

    /** Names of the program's that must never show under --redact names. */
    static final String[] SECRETS = {"acme", "OrderCache", "OrderWorker", "pendingOrders", "OrderRegistry",
            "drain", "OrderWorker.java", "Mystery", "customerName", WORKER};

    record Ids(long cache, long local, long registered) {
    }

    private ThreadDumps() {
    }

    static Path write(Path file) {
        DumpBuilder b = DumpBuilder.hotspot();
        build(b);
        return b.writeTo(file);
    }

    static Ids build(DumpBuilder b) {
        HeapClass thread = b.threadClass().instanceField("daemon", BasicType.BOOLEAN).instanceField("threadStatus", BasicType.INT)
                .instanceField("holder", BasicType.OBJECT);
        HeapClass holder = b.newClass("java.lang.Thread$FieldHolder").instanceField("daemon", BasicType.BOOLEAN)
                .instanceField("threadStatus", BasicType.INT);
        HeapClass order = b.newClass("com.acme.secret.Order").instanceField("customerName", BasicType.OBJECT)
                .instanceField("payload", BasicType.OBJECT);
        HeapClass cache = b.newClass(CACHE).instanceField("pendingOrders", BasicType.OBJECT);
        HeapClass worker = b.newClass(WORKER_CLASS);
        long[] orders = new long[20];
        for (int i = 0; i < orders.length; i++) {
            orders[i] = b.newInstance(order).set("customerName", b.string("customer " + i))
                    .set("payload", b.primitiveArray(new byte[100 + i])).id();
        }
        HeapInstance c = b.newInstance(cache).set("pendingOrders", b.objectArray(orders));
        long local = b.primitiveArray(new byte[64]);
        int workerThread = b.thread(WORKER,
                b.frame("wait", "(J)V", "Object.java", b.objectClass(), -3),
                b.frame("drain", "(Lcom/acme/secret/OrderCache;)V", "OrderWorker.java", worker, 212),
                b.frame("run", "()V", "OrderWorker.java", worker, 0),
                b.frame("poll", "()V", null, worker, -1),
                b.frame("spin", "()V", "OrderWorker.java", worker, -2),
                b.frame("mystery", "()V", "Mystery.java", null, 7));
        // 0x191: alive, waiting, waiting indefinitely, in Object.wait (JVMTI bits), as jstack's WAITING.
        b.threadObject(workerThread).set("daemon", true).set("threadStatus", 0x191);
        b.rootJavaFrame(c.id(), workerThread, 1);
        b.root(dev.heapchain.hprof.testing.RootKind.JNI_LOCAL, local, workerThread, 1);
        int mainThread = b.thread("main");
        // RUNNABLE | ALIVE in the JDK 19+ holder; the Thread's own fields stay zero.
        b.threadObject(mainThread).set("holder", b.newInstance(holder).set("daemon", false).set("threadStatus", 0x5));
        HeapInstance registered = b.newInstance(order).set("customerName", b.string("registered"));
        HeapClass registry = b.newClass("com.acme.secret.OrderRegistry").staticField("current", BasicType.OBJECT, registered);
        b.rootStickyClass(registry);
        return new Ids(c.id(), local, registered.id());
    }

    /** The same program on Android: no stack records, so frames are known by depth only. */
    static Path android(Path file) {
        DumpBuilder b = DumpBuilder.android();
        HeapClass cache = b.newClass(CACHE).instanceField("pendingOrders", BasicType.OBJECT);
        HeapInstance c = b.newInstance(cache).set("pendingOrders", b.primitiveArray(new byte[256]));
        HeapInstance t = b.newInstance(b.threadClass()).set("name", b.string("main"));
        b.rootThreadObject(t.id(), 1, 0);
        b.rootJavaFrame(c.id(), 1, 2);
        return b.writeTo(file);
    }
}
