package dev.heapchain.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heapchain.analysis.ClassRetention;
import dev.heapchain.analysis.EngineSummary;
import dev.heapchain.analysis.LeakSuspects;
import dev.heapchain.analysis.PathStep;
import dev.heapchain.analysis.RootPath;
import dev.heapchain.analysis.chain.ChainDiscovery;
import dev.heapchain.analysis.chain.ChainReport;
import dev.heapchain.analysis.chain.Verdicts;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The {@code heapchain.analyze/2} document, published as docs/schema/analyze-2.schema.json. What
 * changed from /1 is listed in docs/schema/CHANGES.md.
 */
public final class AnalyzeJson {
    public static final String SCHEMA = "heapchain.analyze/2";
    /** Classes kept in "classes", largest retained first: bounds the document on heaps with 50,000 classes. */
    public static final int CLASSES_KEPT = 200;

    private AnalyzeJson() {
    }

    public static ObjectNode tree(EngineSummary s, ChainReport r, List<ClassRetention.Row> classes,
                                  List<LeakSuspects.Suspect> suspects, String toolVersion) {
        ObjectMapper m = Json.mapper();
        ObjectNode root = Json.engineDocument(m, SCHEMA, toolVersion, s, false);
        root.set("profile", m.valueToTree(r.profile()));
        root.putObject("limits").put("maxSnapshots", r.maxSnapshots());
        ObjectNode targets = root.putObject("targets");
        targets.put("classesPresent", r.targetClassesPresent());
        targets.put("snapshots", r.targets());
        targets.put("sentinels", r.sentinels());
        targets.put("unreachable", r.unreachable());
        ObjectNode verdict = root.putObject("verdict");
        verdict.put("outcome", r.verdict().outcome().label());
        verdict.set("reasons", reasons(m, r.verdict().reasons()));
        root.put("epochRetainedBasis", r.epochRetainedBasis());
        ArrayNode groups = root.putArray("groups");
        for (ChainReport.Group g : r.groups()) {
            ObjectNode o = groups.addObject();
            o.put("owner", g.label());
            o.put("outcome", g.outcome().label());
            o.put("chainCount", g.chains().size());
            o.put("snapshots", g.snapshots());
            o.put("retainedBytes", g.retainedBytes());
            ArrayNode members = o.putArray("chains");
            g.chains().forEach(members::add);
            o.set("epochs", epochs(m, g.epochs()));
        }
        ArrayNode chains = root.putArray("chains");
        for (ChainReport.Chain c : r.chains()) {
            chains.add(chain(m, c));
        }
        ArrayNode discovered = root.putArray("discovered");
        for (ChainDiscovery.Candidate c : r.discovered()) {
            discovered.addObject().put("class", c.className()).put("linkField", c.linkField())
                    .put("epochField", c.epochField()).put("instances", c.instances()).put("chains", c.chains())
                    .put("longestChain", c.longestChain()).put("command", c.command(s.dump().file()));
        }
        ArrayNode suspectRows = root.putArray("suspects");
        for (LeakSuspects.Suspect x : suspects) {
            ObjectNode o = suspectRows.addObject();
            o.put("kind", x.kind());
            o.put("class", x.className());
            o.put("objectId", Units.hexId(x.objectId()));
            o.put("instances", x.instances());
            o.put("retainedBytes", x.retainedBytes());
            o.put("share", Math.round(x.share() * 10_000) / 10_000.0);
            putNullable(o, "heldBy", x.heldBy());
            LeakSuspects.Accumulation acc = x.accumulation();
            ObjectNode at = o.putObject("accumulation");
            at.put("objectId", Units.hexId(acc.objectId()));
            at.put("class", acc.className());
            at.put("retainedBytes", acc.retainedBytes());
            at.put("children", acc.children());
            putNullable(at, "childClass", acc.childClass());
            at.put("childClassCount", acc.childClassCount());
            at.put("childClassBytes", acc.childClassBytes());
            putNullable(o, "rootKind", x.path().rootKind());
            putNullable(o, "rootDetail", x.path().rootDetail());
            o.set("pathToAccumulation", steps(m, x.path()));
        }
        ArrayNode classRows = root.putArray("classes");
        for (ClassRetention.Row c : classes.subList(0, Math.min(CLASSES_KEPT, classes.size()))) {
            classRows.addObject().put("class", c.className()).put("instances", c.instances())
                    .put("shallowBytes", c.shallowBytes()).put("retainedBytes", c.retainedBytes());
        }
        return root;
    }

    private static ArrayNode epochs(ObjectMapper m, List<ChainReport.EpochStats> stats) {
        ArrayNode epochs = m.createArrayNode();
        for (ChainReport.EpochStats e : stats) {
            ObjectNode o = epochs.addObject();
            o.put("epoch", e.epoch());
            o.put("count", e.count());
            o.put("shallowBytes", e.shallowBytes());
            o.put("retainedBytes", e.retainedBytes());
            if (e.topRetainedClasses() == null) {
                o.putNull("topRetainedClasses");
            } else {
                ArrayNode top = o.putArray("topRetainedClasses");
                for (ChainReport.ClassShare c : e.topRetainedClasses()) {
                    top.addObject().put("class", c.className()).put("objects", c.objects()).put("retainedBytes", c.bytes());
                }
            }
        }
        return epochs;
    }

    public static ArrayNode reasons(ObjectMapper m, List<Verdicts.Reason> reasons) {
        ArrayNode out = m.createArrayNode();
        for (Verdicts.Reason x : reasons) {
            out.addObject().put("outcome", x.outcome().label()).put("kind", x.kind()).put("chain", x.chain()).put("text", x.text());
        }
        return out;
    }

    /** Writes a document built by {@link #tree}, indented, with a final newline. */
    public static void write(ObjectNode document, Writer out) throws IOException {
        Json.mapper().writer().with(SerializationFeature.INDENT_OUTPUT).writeValue(out, document);
        out.write('\n');
        out.flush();
    }

    private static ObjectNode chain(ObjectMapper m, ChainReport.Chain c) {
        ObjectNode o = m.createObjectNode();
        o.put("identity", c.identity());
        o.put("outcome", c.outcome().label());
        o.set("reasons", reasons(m, c.reasons()));
        ChainReport.Owner owner = c.owner();
        ObjectNode ow = o.putObject("owner");
        ow.put("label", owner.label());
        putNullable(ow, "class", owner.className());
        putNullable(ow, "objectId", owner.objectId() == null ? null : Units.hexId(owner.objectId()));
        putNullable(ow, "field", owner.field());
        putNullable(ow, "detail", owner.detail());
        Verdicts.Watermark w = c.watermark();
        if (w == null) {
            o.putNull("watermark");
        } else {
            ObjectNode x = o.putObject("watermark");
            x.put("field", w.field());
            x.put("liveEpochsHead", w.head());
            x.put("value", w.value());
            x.put("below", w.below());
            x.put("above", w.above());
            if (w.written() == null) {
                x.putNull("written");
            } else {
                x.put("written", w.written());
            }
        }
        if (c.containerId() == null) {
            o.putNull("container");
        } else {
            o.putObject("container").put("objectId", Units.hexId(c.containerId())).put("class", c.containerClass());
        }
        o.put("length", c.length());
        o.put("minEpoch", c.minEpoch());
        o.put("maxEpoch", c.maxEpoch());
        o.put("retainedBytes", c.retainedBytes());
        o.putObject("oldest").put("objectId", Units.hexId(c.oldestObjectId())).put("class", c.oldestClass());
        o.put("rootKind", c.rootKind());
        RootPath rooted = c.pathToContainer() != null ? c.pathToContainer() : c.pathToOldest();
        putNullable(o, "rootDetail", rooted.rootDetail());
        o.set("pathToContainer", c.pathToContainer() == null ? m.createArrayNode() : steps(m, c.pathToContainer()));
        o.set("pathToOldest", steps(m, c.pathToOldest()));
        ArrayNode pins = o.putArray("pins");
        for (ChainReport.Pin p : c.pins()) {
            ObjectNode x = pins.addObject();
            x.put("kind", p.kind());
            x.put("explanation", p.explanation());
            x.putObject("holder").put("objectId", Units.hexId(p.holderId())).put("class", p.holderClass());
            putNullable(x, "field", p.field());
            if (p.pinnedId() == null) {
                x.putNull("pinnedObjectId");
            } else {
                x.put("pinnedObjectId", Units.hexId(p.pinnedId()));
            }
            putNullable(x, "rootKind", p.pathToHolder().rootKind());
            x.set("pathToHolder", steps(m, p.pathToHolder()));
            putNullable(x, "liveEpochs", p.liveEpochs());
            if (p.liveEpochsLength() == null) {
                x.putNull("liveEpochsLength");
                x.putNull("headEpoch");
            } else {
                x.put("liveEpochsLength", p.liveEpochsLength());
                x.put("headEpoch", p.headEpoch());
            }
        }
        return o;
    }

    private static void putNullable(ObjectNode o, String key, String value) {
        if (value == null) {
            o.putNull(key);
        } else {
            o.put(key, value);
        }
    }

    static ArrayNode steps(ObjectMapper m, RootPath p) {
        ArrayNode steps = m.createArrayNode();
        for (PathStep step : p.steps()) {
            ObjectNode s = steps.addObject();
            s.put("objectId", Units.hexId(step.objectId()));
            s.put("class", step.className());
            putNullable(s, "field", step.field());
        }
        return steps;
    }
}
