package dev.heapchain.cli;

import dev.heapchain.hprof.testing.BasicType;
import dev.heapchain.hprof.testing.DumpBuilder;
import dev.heapchain.hprof.testing.HeapClass;
import dev.heapchain.hprof.testing.HeapInstance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small, byte-for-byte reproducible dumps for CLI tests. */
final class TinyDumps {
    private TinyDumps() {
    }

    /** A few classes with distinct counts, strings, arrays and a thread; one dump. */
    static DumpBuilder tiny(DumpBuilder b) {
        HeapClass entry = b.newClass("com.example.cache.Entry").instanceField("key", BasicType.OBJECT)
                .instanceField("value", BasicType.OBJECT).instanceField("next", BasicType.OBJECT);
        HeapClass cache = b.newClass("com.example.cache.Cache").instanceField("table", BasicType.OBJECT)
                .instanceField("size", BasicType.INT);
        HeapInstance prev = null;
        for (int i = 0; i < 9; i++) {
            prev = b.newInstance(entry).set("key", b.string("k" + i)).set("value", b.primitiveArray(new long[i]))
                    .set("next", prev);
        }
        long table = b.objectArray(b.newClass("com.example.cache.Entry[]"), prev.id(), 0);
        HeapInstance c = b.newInstance(cache).set("table", table).set("size", 9);
        int thread = b.thread("main", b.frame("main", "([Ljava/lang/String;)V", "Main.java", cache, 3));
        b.rootJavaFrame(c.id(), thread, 0);
        return b;
    }

    static Path write(Path dir, String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    static Path tiny(Path dir) throws IOException {
        return write(dir, "tiny.hprof", tiny(DumpBuilder.hotspot()).toBytes());
    }

    /** The tiny dump, then a second dump in the same file: reading it warns on stderr. */
    static Path twoDumps(Path dir) throws IOException {
        DumpBuilder b = tiny(DumpBuilder.hotspot());
        b.nextDump();
        b.newInstance(b.newClass("com.example.Other"));
        return write(dir, "two.hprof", b.toBytes());
    }
}
