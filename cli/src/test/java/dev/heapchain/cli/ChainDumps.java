package dev.heapchain.cli;

import dev.heapchain.hprof.testing.BasicType;
import dev.heapchain.hprof.testing.DumpBuilder;
import dev.heapchain.hprof.testing.HeapClass;
import dev.heapchain.hprof.testing.HeapInstance;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Snapshot chains for the HTML report's tests: a registry holds the oldest snapshot through
 * {@code registryField}, snapshots link by {@code next} and carry their epoch in {@code e}, and a
 * Java frame of a named thread roots the registry. Analyze them with
 * {@code --class SNAPSHOT --epoch-field e --link-field next}.
 */
final class ChainDumps {
    /** Markup that must never run: a class name (no '/', which HPROF turns into '.'), a field name, a thread name. */
    static final String IMG = "<img src=x onerror=alert(1)>";
    static final String SCRIPT = "</script><script>alert(1)</script>";
    static final String THREAD = "<b>secret thread</b>" + SCRIPT;

    private ChainDumps() {
    }

    static Path write(Path dir, String name, String snapshotClass, String registryClass, String registryField,
                      String threadName, int snapshots) throws IOException {
        DumpBuilder b = DumpBuilder.hotspot();
        HeapClass snap = b.newClass(snapshotClass).instanceField("e", BasicType.LONG).instanceField("next", BasicType.OBJECT);
        HeapClass registry = b.newClass(registryClass).instanceField(registryField, BasicType.OBJECT);
        HeapInstance newer = null;
        for (int epoch = snapshots - 1; epoch >= 0; epoch--) {
            newer = b.newInstance(snap).set("e", (long) epoch).set("next", newer);
        }
        HeapInstance reg = b.newInstance(registry).set(registryField, newer);
        int thread = b.thread(threadName, b.frame("run", "()V", "Soak.java", registry, 7));
        b.rootJavaFrame(reg.id(), thread, 0);
        return TinyDumps.write(dir, name, b.toBytes());
    }

    /** 50 snapshots (a leak at the default --max-live-epochs 32) under hostile names. */
    static Path hostile(Path dir) throws IOException {
        return write(dir, "hostile.hprof", IMG, "com.example.Registry" + "\"'><script>alert(2)<.script>", SCRIPT, THREAD, 50);
    }

    /** The argument list that makes the hostile snapshot class the analyze target. */
    static String[] hostileProfile() {
        return new String[]{"--class", IMG, "--epoch-field", "e", "--link-field", "next"};
    }
}
