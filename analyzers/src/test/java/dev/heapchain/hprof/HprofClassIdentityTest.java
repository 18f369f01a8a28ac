package dev.heapchain.hprof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapchain.analysis.ClassHistogram;
import dev.heapchain.graph.ClassTableCollector;
import dev.heapchain.graph.HeapClassTable;
import dev.heapchain.hprof.testing.ClassNaming;
import dev.heapchain.hprof.testing.DumpBuilder;
import dev.heapchain.hprof.testing.HeapClass;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Classes are keyed by id; names are decoded leniently from modified UTF-8 and shown in source form. */
class HprofClassIdentityTest {
    @TempDir
    Path dir;

    @Test
    void duplicateLoadClassRecordsCountOneClass() {
        DumpBuilder b = DumpBuilder.hotspot();
        HeapClass arrays = b.newClass("com.example.Item[]").loadClassRecords(3);
        HeapClass twice = b.newClass("com.example.Twice").classDumpRecords(2);
        b.objectArray(arrays, b.unusedId());
        b.objectArray(arrays);
        b.newInstance(twice);
        Path p = Dumps.write(dir, "dup.hprof", b.toBytes());

        HprofReadSummary s = Dumps.read(p);
        ClassTableCollector collector = new ClassTableCollector();
        Dumps.read(p, 0, collector);
        HeapClassTable table = collector.classTable();
        assertEquals(1, table.all().stream().filter(c -> c.name().equals("com.example.Item[]")).count());
        assertEquals(1, table.all().stream().filter(c -> c.name().equals("com.example.Twice")).count());
        // Every declared class has one CLASS_DUMP except Twice, which has two, and Item[] has 2 extra LOAD_CLASS.
        assertEquals(s.counts().loadClassRecords() - 2, s.counts().classDumps() - 1);

        ClassHistogram h = Dumps.histogram(p);
        assertEquals(1, h.rows().stream().filter(r -> r.className().equals("com.example.Item[]")).count());
        assertEquals(2L, Dumps.instancesByClass(h).get("com.example.Item[]"));
        assertEquals(1L, Dumps.instancesByClass(h).get("com.example.Twice"));
    }

    @ParameterizedTest
    @EnumSource(ClassNaming.class)
    void modifiedUtf8NamesRoundTrip(ClassNaming naming) {
        DumpBuilder b = DumpBuilder.hotspot().naming(naming);
        String nul = "com.example.Nul\u0000Inside";
        String smile = "com.example.Smile\uD83D\uDE00";
        String accents = "com.example.Caf\u00e9\u4e2d";
        for (String name : new String[] {nul, smile, accents}) {
            b.newInstance(b.newClass(name));
        }
        b.objectArray(b.newClass(smile + "[]"));
        Map<String, Long> counts = Dumps.instancesByClass(Dumps.histogram(Dumps.write(dir, "utf.hprof", b.toBytes())));
        assertEquals(1L, counts.get(nul), counts::toString);
        assertEquals(1L, counts.get(smile), counts::toString);
        assertEquals(1L, counts.get(accents), counts::toString);
        assertEquals(1L, counts.get(smile + "[]"), counts::toString);
    }

    @Test
    void invalidNameBytesAreDecodedLeniently() {
        DumpBuilder b = DumpBuilder.hotspot();
        byte[] raw = "com/example/Bad".getBytes(StandardCharsets.US_ASCII);
        byte[] name = new byte[raw.length + 3];
        System.arraycopy(raw, 0, name, 0, raw.length);
        name[raw.length] = (byte) 0xFF;
        name[raw.length + 1] = 'X';
        name[raw.length + 2] = (byte) 0xC3; // a lead byte with nothing after it
        b.newInstance(b.newClassRawName(name));
        ClassHistogram h = Dumps.histogram(Dumps.write(dir, "bad.hprof", b.toBytes()));
        assertEquals(1L, Dumps.instancesByClass(h).get("com.example.Bad\uFFFDX\uFFFD"), h.rows()::toString);
    }

    @Test
    void primitiveArrayClassesAreNamedEvenWithoutLoadClass() {
        // Without core classes no [I LOAD_CLASS exists; the table must synthesise int[].
        DumpBuilder b = DumpBuilder.hotspot().withoutCoreClasses();
        b.primitiveArray(new int[] {1, 2, 3});
        b.primitiveArray(new char[] {'a'});
        Map<String, Long> counts = Dumps.instancesByClass(Dumps.histogram(Dumps.write(dir, "p.hprof", b.toBytes())));
        assertEquals(1L, counts.get("int[]"), counts::toString);
        assertEquals(1L, counts.get("char[]"), counts::toString);
        assertTrue(counts.keySet().stream().noneMatch(n -> n.startsWith("[")), counts::toString);
    }
}
