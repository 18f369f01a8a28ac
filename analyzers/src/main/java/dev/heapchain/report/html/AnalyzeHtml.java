package dev.heapchain.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heapchain.analysis.EngineSummary;
import dev.heapchain.analysis.HeapOverview;
import dev.heapchain.analysis.LeakSuspects;
import dev.heapchain.analysis.ObjectReport;
import dev.heapchain.analysis.chain.ChainReport;
import dev.heapchain.analysis.chain.Verdicts;
import dev.heapchain.report.AnalyzeJson;
import dev.heapchain.report.AnalyzeText;
import dev.heapchain.report.Headline;
import dev.heapchain.report.Json;
import dev.heapchain.report.ObjectsReport;
import dev.heapchain.report.Units;
import dev.heapchain.report.redact.Redaction;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The `analyze` report as one self-contained HTML page. The data island holds the analyze JSON
 * document ("report", with each group's per-epoch array replaced by the chart's compact series) and
 * an HTML-only "view" object, so the heapchain.analyze/2 schema does not change for the page.
 */
public final class AnalyzeHtml {
    static final int MAX_CHAINS = 100;
    static final int MAX_HISTOGRAM_ROWS = 2_000;
    static final int HEAVIEST_EPOCHS = 10;

    private AnalyzeHtml() {
    }

    public static void write(EngineSummary s, ChainReport r, List<LeakSuspects.Suspect> suspects, HeapOverview overview,
                             Redaction redaction, String toolVersion, Writer out) throws IOException {
        HtmlPage.write("analyze.html", slots(s, r, suspects, toolVersion), data(s, r, suspects, overview, redaction, toolVersion),
                out);
    }

    static ObjectNode data(EngineSummary s, ChainReport r, List<LeakSuspects.Suspect> suspects, HeapOverview overview,
                           Redaction redaction, String toolVersion) {
        ObjectMapper m = Json.mapper();
        // The page has its own histogram (from the overview) and epoch arrays: drop the JSON's.
        ObjectNode report = AnalyzeJson.tree(s, r, java.util.List.of(), suspects, toolVersion);
        report.remove("classes");
        for (JsonNode g : report.get("groups")) {
            ((ObjectNode) g).remove("epochs");
        }
        for (JsonNode x : report.get("suspects")) {
            ((ObjectNode) x).set("pathToAccumulation", PathSteps.bounded(m, (ArrayNode) x.get("pathToAccumulation")));
        }
        ArrayNode chains = (ArrayNode) report.get("chains");
        while (chains.size() > MAX_CHAINS) {
            chains.remove(chains.size() - 1);
        }
        for (JsonNode c : chains) {
            ObjectNode chain = (ObjectNode) c;
            chain.set("pathToContainer", PathSteps.bounded(m, (ArrayNode) chain.get("pathToContainer")));
            chain.set("pathToOldest", PathSteps.bounded(m, (ArrayNode) chain.get("pathToOldest")));
            for (JsonNode p : chain.get("pins")) {
                ((ObjectNode) p).set("pathToHolder", PathSteps.bounded(m, (ArrayNode) p.get("pathToHolder")));
            }
        }
        ObjectNode root = m.createObjectNode();
        root.put("page", "analyze");
        root.set("report", report);
        ObjectNode view = root.putObject("view");
        view.put("redact", redaction.label());
        view.put("chains", r.chains().size());
        view.put("chainsShown", chains.size());
        ArrayNode groups = view.putArray("groups");
        for (ChainReport.Group g : r.groups()) {
            ObjectNode x = groups.addObject();
            x.put("owner", g.label());
            x.set("epochSeries", EpochSeries.of(m, g.epochs()));
            x.set("heaviestEpochs", heaviest(m, g.epochs()));
        }
        ArrayNode top = view.putArray("topObjects");
        for (ObjectReport o : overview.topObjects()) {
            ObjectNode x = top.addObject();
            x.put("objectId", Units.hexId(o.objectId()));
            x.put("class", o.className());
            x.put("shallowBytes", o.shallowBytes());
            x.put("retainedBytes", o.retainedBytes());
            ObjectNode path = ObjectsReport.pathJson(m, o.path());
            path.set("steps", PathSteps.bounded(m, (ArrayNode) path.get("steps")));
            x.set("path", path);
        }
        view.set("histogram", HistogramColumns.of(m, overview.histogram(), MAX_HISTOGRAM_ROWS));
        return root;
    }

    private static ArrayNode heaviest(ObjectMapper m, List<ChainReport.EpochStats> epochs) {
        ArrayNode out = m.createArrayNode();
        for (ChainReport.EpochStats e : AnalyzeText.heaviest(epochs, HEAVIEST_EPOCHS)) {
            ObjectNode o = out.addObject();
            o.put("epoch", e.epoch());
            o.put("count", e.count());
            o.put("retainedBytes", e.retainedBytes());
            ChainReport.ClassShare first = e.topRetainedClasses() == null || e.topRetainedClasses().isEmpty() ? null
                    : e.topRetainedClasses().get(0);
            o.put("mostlyClass", first == null ? null : first.className());
            o.put("mostlyBytes", first == null ? null : first.bytes());
        }
        return out;
    }

    /** The banner's sentences: the reasons, or what was checked when there are none. */
    private static String reasons(ChainReport r) {
        if (!r.verdict().reasons().isEmpty()) {
            return String.join("\n", Headline.reasons(r));
        }
        if (r.verdict().outcome() == Verdicts.Outcome.NOT_APPLICABLE) {
            return "The dump holds no instance of " + String.join(", ", r.profile().targetClasses()) + " (profile "
                    + r.profile().name() + "): there is nothing for it to judge.";
        }
        return "Chains: " + Verdicts.checked(r.maxSnapshots()) + ".";
    }

    /** The few values that are in the static markup, readable without the script. */
    static Map<String, String> slots(EngineSummary s, ChainReport r, List<LeakSuspects.Suspect> suspects, String toolVersion) {
        Map<String, String> v = new LinkedHashMap<>();
        Verdicts.Outcome outcome = r.verdict().outcome();
        v.put("title", outcome.shout() + " - heapchain analyze " + s.dump().file());
        v.put("verdict", Headline.of(r, suspects, s.reachableBytes()));
        v.put("verdictClass", switch (outcome) {
            case LEAK -> "leak";
            case SUSPECT -> "suspect";
            case NO_LEAK -> "ok";
            case NOT_APPLICABLE -> "neutral";
        });
        v.put("reasons", reasons(r));
        v.put("file", s.dump().file());
        v.put("format", s.dump().format() + ", id size " + s.dump().idSize());
        v.put("objects", Units.count(s.nodes()) + " (" + Units.count(s.nodes() - s.classObjects()) + " instances and arrays, "
                + Units.count(s.classObjects()) + " class objects; " + Units.count(s.reachableObjects()) + " reachable)");
        v.put("reachableHeap", Units.bytes(s.reachableBytes()));
        v.put("sizeModel", s.sizeModel().id());
        v.put("profile", r.profile().name());
        v.put("snapshots", Units.count(r.targets()) + (r.sentinels() == 0 ? ""
                : " (and " + Units.count(r.sentinels()) + " list-head sentinels, counted apart)"));
        v.put("chains", Units.count(r.chains().size()) + (r.chains().size() == 1 ? " chain" : " chains"));
        v.put("groups", Units.count(r.groups().size()) + (r.groups().size() == 1 ? " owner group" : " owner groups"));
        long largest = r.chains().stream().mapToLong(ChainReport.Chain::retainedBytes).max().orElse(0);
        v.put("largestChain", Units.bytes(largest));
        v.put("tool", "heapchain " + toolVersion);
        return v;
    }
}
