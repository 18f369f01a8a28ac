package dev.heapchain.analysis;

import dev.heapchain.corpus.Corpus;
import dev.heapchain.hprof.HprofFile;
import dev.heapchain.hprof.testing.BasicType;
import dev.heapchain.hprof.testing.DumpBuilder;
import dev.heapchain.hprof.testing.HeapClass;
import dev.heapchain.hprof.testing.HeapInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Leak suspects on a planted session cache: a static map of 20,000 sessions in a class that an
 * application class loader's class list holds, beside a heap of other, spread-out objects. The
 * loader and its class list hold everything and must be passed through; the cache's class is the
 * suspect, its map's table the accumulation point.
 */
class LeakSuspectsTest {
    private static final int SESSIONS = 20_000;

    @TempDir
    Path tmp;

    private HeapAnalysis sessionCache(boolean leak) {
        DumpBuilder b = DumpBuilder.hotspot();
        HeapClass loaderBase = b.newClass("java.lang.ClassLoader").instanceField("classes", BasicType.OBJECT);
        HeapClass appLoader = b.newClass("jdk.internal.loader.ClassLoaders$AppClassLoader").superclass(loaderBase);
        HeapClass arrayList = b.newClass("java.util.ArrayList").instanceField("elementData", BasicType.OBJECT)
                .instanceField("size", BasicType.INT);
        HeapClass node = b.newClass("java.util.concurrent.ConcurrentHashMap$Node").instanceField("key", BasicType.OBJECT)
                .instanceField("val", BasicType.OBJECT).instanceField("next", BasicType.OBJECT).instanceField("hash", BasicType.INT);
        HeapClass map = b.newClass("java.util.concurrent.ConcurrentHashMap").instanceField("table", BasicType.OBJECT);
        HeapClass session = b.newClass("com.acme.Session").instanceField("attributes", BasicType.OBJECT)
                .instanceField("id", BasicType.LONG);
        HeapClass other = b.newClass("com.acme.Request").instanceField("body", BasicType.OBJECT);
        int sessions = leak ? SESSIONS : 20;
        long[] nodes = new long[sessions];
        for (int i = 0; i < sessions; i++) {
            HeapInstance s = b.newInstance(session).set("attributes", b.primitiveArray(new byte[64])).set("id", (long) i);
            nodes[i] = b.newInstance(node).set("key", b.string("s" + i)).set("val", s.id()).set("hash", i).id();
        }
        HeapInstance sessionsMap = b.newInstance(map).set("table", b.objectArray(nodes));
        HeapClass cache = b.newClass("com.acme.SessionCache").staticField("sessions", BasicType.OBJECT, sessionsMap.id());
        HeapClass main = b.newClass("com.acme.Main");
        HeapInstance classList = b.newInstance(arrayList).set("elementData", b.objectArray(cache.id(), main.id()))
                .set("size", 2);
        HeapInstance loader = b.newInstance(appLoader).set("classes", classList.id());
        HeapClass loaders = b.newClass("jdk.internal.loader.ClassLoaders").staticField("APP_LOADER", BasicType.OBJECT, loader.id());
        b.rootStickyClass(loaders);
        // Spread-out work: 2,000 requests each held by its own frame root.
        int thread = b.thread("worker", b.frame("handle", "()V", "Worker.java", other, 12));
        for (int i = 0; i < 2_000; i++) {
            HeapInstance r = b.newInstance(other).set("body", b.primitiveArray(new byte[200]));
            b.rootJavaFrame(r.id(), thread, 0);
        }
        Path file = b.writeTo(tmp.resolve(leak ? "leak.hprof" : "fine.hprof"));
        return HeapAnalysis.run(HprofFile.open(file), AnalysisOptions.defaults());
    }

    private static List<LeakSuspects.Suspect> suspects(HeapAnalysis a) {
        return LeakSuspects.find(new PathRenderer(a, ValuePolicy.REDACTED), ClassRetention.compute(a));
    }

    @Test
    void plantedSessionCacheIsTheSuspectNotTheLoader() {
        HeapAnalysis a = sessionCache(true);
        List<LeakSuspects.Suspect> suspects = suspects(a);
        assertFalse(suspects.isEmpty());
        LeakSuspects.Suspect s = suspects.get(0);
        assertEquals("object", s.kind());
        assertEquals("class com.acme.SessionCache", s.className(), suspects.toString());
        assertTrue(s.share() > 0.5, suspects.toString());
        assertEquals("java.lang.Object[]", s.accumulation().className(), "the map's table (the test writer makes Object[] tables)");
        assertEquals(SESSIONS, s.accumulation().childClassCount(), "one node per session (the classes only their instances reach are children too)");
        assertEquals("java.util.concurrent.ConcurrentHashMap$Node", s.accumulation().childClass());
        assertEquals("static com.acme.SessionCache.sessions", s.heldBy());
        assertTrue(suspects.stream().noneMatch(x -> x.className().contains("ClassLoader") || x.className().equals("java.util.ArrayList")
                || x.className().equals("class jdk.internal.loader.ClassLoaders")), "holders of everything are passed through: " + suspects);
        // The sessions as a group are the same memory: reported once.
        assertTrue(suspects.stream().noneMatch(x -> x.kind().equals("class") && x.className().equals("com.acme.Session")), suspects.toString());
    }

    @Test
    void aSmallCacheIsNoSuspect() {
        HeapAnalysis a = sessionCache(false);
        List<LeakSuspects.Suspect> suspects = suspects(a);
        assertTrue(suspects.stream().noneMatch(x -> x.className().contains("SessionCache")), suspects.toString());
        assertTrue(suspects.stream().noneMatch(x -> x.className().contains("ClassLoader")), suspects.toString());
        // 2,000 requests under 2,000 frame roots hold 70% together but accumulate nowhere.
        assertTrue(suspects.stream().noneMatch(x -> x.className().equals("com.acme.Request")), suspects.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mat/oracle_jdk8_05_x64.hprof", "mat/oracle_jdk7_21_x64.hprof", "mat/sun_jdk6_18_x64.hprof",
            "mat/sun_jdk6_32bit.hprof", "android/dialer.android-hprof", "netbeans/heap_dump.bin", "jhat/hprof.bin"})
    void corpusSuspectsAreNeverHoldersOfEverything(String file) {
        HeapAnalysis a = HeapAnalysis.run(HprofFile.open(Corpus.file(file)), AnalysisOptions.defaults());
        List<LeakSuspects.Suspect> suspects = suspects(a);
        for (LeakSuspects.Suspect s : suspects) {
            System.out.printf("%s: suspect %s %s retains %.1f%%, accumulates in %s (%d children, mostly %s), held by %s%n", file,
                    s.kind(), s.className(), 100 * s.share(), s.accumulation().className(), s.accumulation().children(),
                    s.accumulation().childClass(), s.heldBy());
            assertTrue(s.share() >= LeakSuspects.SHARE);
            assertFalse(s.className().endsWith("ClassLoader") || s.className().contains("ClassLoader$"), s.toString());
        }
    }
}
