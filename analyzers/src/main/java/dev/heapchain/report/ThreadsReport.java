package dev.heapchain.report;

import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heapchain.analysis.EngineSummary;
import dev.heapchain.analysis.StackFrame;
import dev.heapchain.analysis.ThreadOverview;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/** Text and JSON (heapchain.threads/1) of the `threads` command: each thread, its stack, what each frame holds. */
public final class ThreadsReport {
    public static final String SCHEMA = "heapchain.threads/1";

    private ThreadsReport() {
    }

    public static void text(EngineSummary s, ThreadOverview o, int limit, PrintWriter out) {
        ObjectsReport.header(s, out);
        out.printf(Locale.ROOT, "Threads: %s, the most retained first; per frame, the %d largest objects it holds:%n",
                Units.count(o.threads().size()), limit);
        if (!o.stacksPresent()) {
            out.println("(the dump has no stack records, as Android dumps have none: frames are known by depth only)");
        }
        int i = 0;
        for (ThreadOverview.ThreadInfo t : o.threads()) {
            out.printf(Locale.ROOT, "%n%d. %s%n", ++i, headline(t));
            for (ThreadOverview.FrameInfo f : t.frames()) {
                out.println("     frame " + f.depth() + ": " + (f.frame() == null ? "(no stack record)" : f.frame().text())
                        + (f.objects() == 0 ? "" : "  holds " + objects(f.objects(), f.retainedBytes())));
                locals(f.largest(), f.objects(), f.retainedBytes(), out);
            }
            if (t.frames().isEmpty()) {
                out.println("     (no frames)");
            }
            ThreadOverview.FrameInfo u = t.unframed();
            if (u != null) {
                out.println("     on no frame: holds " + objects(u.objects(), u.retainedBytes()));
                locals(u.largest(), u.objects(), u.retainedBytes(), out);
            }
        }
        if (o.threads().isEmpty()) {
            out.println("(none)");
        }
        out.flush();
    }

    /** {@code thread "main" (serial 1, daemon, RUNNABLE): java.lang.Thread 0x... retains 112 B; its stack holds 5.8 KB more} */
    private static String headline(ThreadOverview.ThreadInfo t) {
        StringBuilder b = new StringBuilder(t.name() != null ? "thread \"" + t.name() + "\"" : "thread #" + t.serial());
        b.append(" (serial ").append(t.serial());
        if (t.daemon() != null) {
            b.append(t.daemon() ? ", daemon" : ", not daemon");
        }
        if (t.state() != null) {
            b.append(", ").append(t.state());
        }
        b.append(")");
        if (t.objectId() != null) {
            b.append(": ").append(t.className()).append(' ').append(Units.hexId(t.objectId())).append(" retains ")
                    .append(Units.bytes(t.retainedBytes()));
        } else {
            b.append(": no thread object in the dump");
        }
        b.append("; its stack holds ").append(Units.bytes(t.localsRetainedBytes()))
                .append(t.objectId() == null ? "" : " more");
        return b.toString();
    }

    private static String objects(long n, long bytes) {
        return Units.count(n) + (n == 1 ? " object, " : " objects, ") + Units.bytes(bytes);
    }

    private static void locals(List<ThreadOverview.Local> shown, long total, long totalBytes, PrintWriter out) {
        long bytes = 0;
        for (ThreadOverview.Local l : shown) {
            out.printf(Locale.ROOT, "         - %s %s  retained %s (%s bytes), shallow %s, %s%n", l.className(),
                    Units.hexId(l.objectId()), Units.bytes(l.retainedBytes()), Units.count(l.retainedBytes()),
                    Units.count(l.shallowBytes()), l.rootKind());
            bytes += l.retainedBytes();
        }
        if (total > shown.size()) {
            out.println("         ... and " + Units.count(total - shown.size()) + " more, " + Units.bytes(Math.max(0, totalBytes - bytes)));
        }
    }

    public static void json(EngineSummary s, ThreadOverview o, int limit, String toolVersion, Writer out) throws IOException {
        ObjectMapper m = Json.mapper();
        ObjectNode root = Json.engineDocument(m, SCHEMA, toolVersion, s, true);
        root.put("stacksPresent", o.stacksPresent());
        root.put("limit", limit);
        ArrayNode threads = root.putArray("threads");
        for (ThreadOverview.ThreadInfo t : o.threads()) {
            ObjectNode x = threads.addObject();
            x.put("serial", t.serial());
            x.put("name", t.name());
            x.put("objectId", t.objectId() == null ? null : Units.hexId(t.objectId()));
            x.put("class", t.className());
            x.put("daemon", t.daemon());
            x.put("state", t.state());
            x.put("retainedBytes", t.retainedBytes());
            x.put("localsRetainedBytes", t.localsRetainedBytes());
            ArrayNode frames = x.putArray("frames");
            for (ThreadOverview.FrameInfo f : t.frames()) {
                ObjectNode y = frames.addObject();
                y.put("depth", f.depth());
                y.set("frame", frame(m, f.frame()));
                held(m, y, f);
            }
            x.set("unframed", t.unframed() == null ? null : held(m, m.createObjectNode(), t.unframed()));
        }
        m.writer(new DefaultPrettyPrinter()).writeValue(out, root);
        out.write('\n');
        out.flush();
    }

    private static ObjectNode held(ObjectMapper m, ObjectNode y, ThreadOverview.FrameInfo f) {
        y.put("objects", f.objects());
        y.put("retainedBytes", f.retainedBytes());
        y.set("largest", locals(m, f.largest()));
        return y;
    }

    private static ObjectNode frame(ObjectMapper m, StackFrame f) {
        if (f == null) {
            return null;
        }
        ObjectNode o = m.createObjectNode();
        o.put("text", f.text());
        o.put("class", f.className());
        o.put("method", f.method());
        o.put("signature", f.signature());
        o.put("sourceFile", f.sourceFile());
        o.put("line", f.line());
        o.put("location", f.location());
        return o;
    }

    private static ArrayNode locals(ObjectMapper m, List<ThreadOverview.Local> locals) {
        ArrayNode a = m.createArrayNode();
        for (ThreadOverview.Local l : locals) {
            ObjectNode o = a.addObject();
            o.put("objectId", Units.hexId(l.objectId()));
            o.put("class", l.className());
            o.put("rootKind", l.rootKind());
            o.put("shallowBytes", l.shallowBytes());
            o.put("retainedBytes", l.retainedBytes());
        }
        return a;
    }
}
