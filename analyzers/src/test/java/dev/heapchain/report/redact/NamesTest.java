package dev.heapchain.report.redact;

import dev.heapchain.analysis.RootThread;
import dev.heapchain.analysis.StackFrame;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of --redact names, on names and on the sentences that were written with them. */
class NamesTest {
    private static final String DETAIL = "thread \"acme-worker\", frame 1: com.acme.Cache.fill(Cache.java:12)";
    private Names names;
    private Placeholders p;

    @BeforeEach
    void dictionary() {
        p = new Placeholders(null);
        RootThread root = new RootThread(3, "acme-worker", 1, new StackFrame("com.acme.Cache", "fill", "(Lcom/acme/Entry;J)V",
                "Cache.java", 12));
        names = new Names(p, Map.of(DETAIL, root)::get);
        names.addClass("com.acme.Cache", List.of("sessions", "value", "table"));
        names.addClass("com.acme.Cache$Entry", List.of("next"));
        names.addClass("java.util.HashMap", List.of("table", "size"));
        names.addClass("java.util.HashMap$Node", List.of("next", "key"));
        names.addThread("acme-worker");
    }

    private String c(String name) {
        return p.of("class", name);
    }

    private String f(String name) {
        return p.of("field", name);
    }

    @Test
    void placeholdersAreStableAndKeyed() {
        assertEquals(new Placeholders(null).of("class", "com.acme.Cache"), c("com.acme.Cache"));
        assertTrue(c("com.acme.Cache").matches("class#[0-9a-f]{8}"));
        assertNotEquals(c("com.acme.Cache"), new Placeholders("secret".getBytes()).of("class", "com.acme.Cache"));
        assertEquals(new Placeholders("secret".getBytes()).of("class", "x"), new Placeholders("secret".getBytes()).of("class", "x"));
    }

    @Test
    void theProgramsClassesGoThePlatformsStay() {
        assertEquals(c("com.acme.Cache"), names.className("com.acme.Cache"));
        assertEquals("class " + c("com.acme.Cache"), names.className("class com.acme.Cache"));
        assertEquals(c("com.acme.Cache") + "[][]", names.className("com.acme.Cache[][]"));
        assertEquals("java.util.HashMap$Node[]", names.className("java.util.HashMap$Node[]"));
        assertEquals("byte[]", names.className("byte[]"));
        assertEquals(c("com.acme.Cache"), names.className(c("com.acme.Cache")), "a placeholder stays as it is");
    }

    @Test
    void aFieldNameStaysOnlyWhenOnlyThePlatformDeclaresIt() {
        assertEquals("size", names.fieldPath("size"));
        assertEquals(f("table"), names.fieldPath("table"), "com.acme.Cache declares a table too");
        assertEquals(f("next"), names.fieldPath("next"));
        assertEquals(f("sessions") + "." + f("value"), names.fieldPath("sessions.value"));
        assertEquals(f("liveEpochs") + "[0]", names.fieldPath("liveEpochs[0]"));
        assertEquals("[17]", names.fieldPath("[17]"));
        assertEquals("<classloader>", names.fieldPath("<classloader>"));
        assertEquals("static#2", names.fieldPath("static#2"));
    }

    @Test
    void framesOfTheProgramLoseMethodFileAndDescriptorClasses() {
        StackFrame mine = names.frame(new StackFrame("com.acme.Cache", "fill", "(Lcom/acme/Entry;Ljava/lang/String;)V", "Cache.java", 12));
        assertEquals(c("com.acme.Cache") + "." + p.of("method", "fill") + "(" + p.of("file", "Cache.java") + ":12)", mine.text());
        assertEquals("(L" + c("com.acme.Entry") + ";Ljava/lang/String;)V", mine.signature());
        StackFrame jdk = new StackFrame("java.lang.Thread", "run", "()V", "Thread.java", 833);
        assertEquals(jdk, names.frame(jdk));
        assertEquals("<init>", names.frame(new StackFrame("com.acme.Cache", "<init>", "()V", null, -1)).method());
        assertFalse(names.frame(new StackFrame(null, "secretMethod", null, "Secret.java", 3)).text().contains("secret"),
                "without a class, nothing says it is the platform's");
    }

    @Test
    void rootDetailsAreRebuiltFromTheirParts() {
        assertEquals("thread \"" + p.of("thread", "acme-worker") + "\", frame 1: " + c("com.acme.Cache") + "."
                + p.of("method", "fill") + "(" + p.of("file", "Cache.java") + ":12)", names.detail(DETAIL));
        assertEquals("thread #4, frame 2", names.detail("thread #4, frame 2"));
    }

    @Test
    void sentencesLoseEveryNameTheyWereWrittenWith() {
        names.learnField("sessions");
        names.learnDetail(DETAIL);
        names.learnValue("__consumer_offsets-7");
        assertEquals("static " + c("com.acme.Cache") + "." + f("sessions"), names.prose("static com.acme.Cache.sessions"));
        assertEquals(c("com.acme.Cache") + "." + f("sessions") + " __x", names.prose("Cache.sessions __x"), "simple name");
        assertEquals(c("com.acme.Cache$Entry") + " holds it", names.prose("Cache$Entry holds it"));
        assertEquals("the trim watermark " + f("sessions") + " = 3", names.prose("the trim watermark sessions = 3"));
        assertEquals("a value, the next one", names.prose("a value, the next one"), "English words that are only some field's name stay");
        names.learnField("epoch");
        assertEquals("oldest epoch 5, " + f("epoch") + "." + f("sessions"), names.prose("oldest epoch 5, epoch.sessions"),
                "heapchain's own words stay alone, never in a path");
        assertEquals("held by " + names.detail(DETAIL), names.prose("held by " + DETAIL));
        assertEquals("thread \"" + p.of("thread", "acme-worker") + "\" was trimming", names.prose("thread \"acme-worker\" was trimming"));
        assertEquals("X " + p.of("value", "__consumer_offsets-7") + ": 3", names.prose("X __consumer_offsets-7: 3"));
        assertEquals(c("com.acme.Other$$Lambda$12/0x0000000800c03000") + " is new",
                names.prose("com.acme.Other$$Lambda$12/0x0000000800c03000 is new"), "a class of the program's package");
        assertEquals("java.util.HashMap.size and HashMap.size", names.prose("java.util.HashMap.size and HashMap.size"));
        assertEquals("field#3 <class> thread #7 " + c("com.acme.Cache"), names.prose("field#3 <class> thread #7 " + c("com.acme.Cache")),
                "labels and placeholders are not names");
        assertEquals("0x7f00001f18 and 5.8 KB", names.prose("0x7f00001f18 and 5.8 KB"));
    }
}
