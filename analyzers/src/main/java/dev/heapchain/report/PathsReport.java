package dev.heapchain.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heapchain.analysis.EngineSummary;
import dev.heapchain.analysis.MergedPaths;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Locale;

/**
 * Text and JSON ({@value #SCHEMA}) for {@code paths --class}: the targets' GC-root paths as one
 * merged forest, each shared step written once. Both are written in one pass over the nodes in
 * preorder, without recursion, so their size grows with the number of distinct steps.
 */
public final class PathsReport {
    public static final String SCHEMA = "heapchain.paths/2";
    /**
     * Branches nested deeper than this are drawn at this indent, and each branch start there
     * names its parent: beyond it the indent would cost more than the steps (a tree of a million
     * nested branches would otherwise write terabytes of spaces).
     */
    static final int MAX_INDENT_LEVEL = 32;

    private PathsReport() {
    }

    /**
     * One tree per GC root; a node whose parent has several children starts a branch, marked
     * {@code + }, and its subtree is indented one level more. Targets are marked with their rank.
     */
    public static void text(String title, EngineSummary s, MergedPaths p, PrintWriter out) {
        ObjectsReport.header(s, out);
        out.println(title);
        int reachable = 0;
        for (MergedPaths.Target t : p.targets()) {
            reachable += t.node() >= 0 ? 1 : 0;
        }
        out.printf(Locale.ROOT, "%s %s on the paths from %s %s, each written once; targets are marked [#rank].%n",
                Units.count(p.size()), p.size() == 1 ? "object" : "objects", Units.count(p.rootCount()),
                p.rootCount() == 1 ? "GC root" : "GC roots");
        int[] level = new int[p.size()];
        int tree = -1;
        for (int i = 0; i < p.size(); i++) {
            int parent = p.parent(i);
            if (parent < 0) {
                tree++;
                out.println();
                out.println("GC root: " + p.rootKind(tree) + (p.rootDetail(tree) == null ? "" : " (" + p.rootDetail(tree) + ")"));
                out.println("  " + p.className(i) + " " + Units.hexId(p.objectId(i)) + mark(p, i));
                continue;
            }
            boolean branch = p.childCount(parent) > 1;
            level[i] = level[parent] + (branch ? 1 : 0);
            int shown = Math.min(level[i], MAX_INDENT_LEVEL);
            StringBuilder line = new StringBuilder(2 * shown + 80);
            line.append(" ".repeat(branch ? 2 * shown : 2 + 2 * shown)).append(branch ? "+ " : "");
            line.append('.').append(p.field(i)).append(" -> ").append(p.className(i)).append(' ')
                    .append(Units.hexId(p.objectId(i))).append(mark(p, i));
            if (branch && level[i] > MAX_INDENT_LEVEL) {
                line.append("  (branch level ").append(level[i]).append(", under ")
                        .append(Units.hexId(p.objectId(parent))).append(')');
            }
            out.println(line);
        }
        if (reachable < p.targets().size()) {
            out.println();
            out.println("Not reachable from any GC root:");
            int rank = 0;
            for (MergedPaths.Target t : p.targets()) {
                rank++;
                if (t.node() < 0) {
                    out.printf(Locale.ROOT, "  [#%d] %s %s, shallow %s%n", rank, t.className(), Units.hexId(t.objectId()),
                            Units.count(t.shallowBytes()));
                }
            }
        }
        if (p.targets().isEmpty()) {
            out.println("(none)");
        }
        out.flush();
    }

    private static String mark(MergedPaths p, int node) {
        int t = p.target(node);
        if (t < 0) {
            return "";
        }
        MergedPaths.Target target = p.targets().get(t);
        return String.format(Locale.ROOT, "  [#%d: retained %s (%s bytes), shallow %s]", t + 1,
                Units.bytes(target.retainedBytes()), Units.count(target.retainedBytes()), Units.count(target.shallowBytes()));
    }

    /**
     * The targets in rank order, each with its node, and the nodes in preorder with their parent's
     * index: a flat table rather than nested objects, so a million-deep chain is a million lines of
     * an array, not a million levels of nesting that JSON readers refuse. Streamed like
     * {@link ObjectsReport#json}.
     */
    public static void json(EngineSummary s, String className, int instances, MergedPaths p, String toolVersion, Writer out)
            throws IOException {
        ObjectMapper m = Json.mapper();
        try (JsonGenerator g = m.getFactory().createGenerator(out)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            g.writeStartObject();
            ObjectsReport.writeEngineFields(g, m, Json.engineDocument(m, SCHEMA, toolVersion, s, true));
            g.writeStringField("class", className);
            g.writeNumberField("instances", instances);
            g.writeArrayFieldStart("roots");
            for (int r = 0; r < p.rootCount(); r++) {
                g.writeStartObject();
                g.writeNumberField("node", p.root(r));
                g.writeStringField("rootKind", p.rootKind(r));
                g.writeStringField("rootDetail", p.rootDetail(r));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("targets");
            for (MergedPaths.Target t : p.targets()) {
                g.writeStartObject();
                g.writeStringField("objectId", Units.hexId(t.objectId()));
                g.writeStringField("class", t.className());
                g.writeNumberField("shallowBytes", t.shallowBytes());
                writeNumberOrNull(g, "retainedBytes", t.node() < 0 ? null : t.retainedBytes());
                g.writeStringField("rootKind", t.rootKind());
                g.writeStringField("rootDetail", t.rootDetail());
                writeNumberOrNull(g, "depth", t.node() < 0 ? null : (long) t.depth());
                writeNumberOrNull(g, "node", t.node() < 0 ? null : (long) t.node());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("nodes");
            for (int i = 0; i < p.size(); i++) {
                g.writeStartObject();
                g.writeStringField("objectId", Units.hexId(p.objectId(i)));
                g.writeStringField("class", p.className(i));
                g.writeStringField("field", p.field(i));
                writeNumberOrNull(g, "parent", p.parent(i) < 0 ? null : (long) p.parent(i));
                writeNumberOrNull(g, "target", p.target(i) < 0 ? null : (long) p.target(i));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    private static void writeNumberOrNull(JsonGenerator g, String name, Long value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value);
        }
    }
}
