package dev.heapchain.report.html;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heapchain.analysis.chain.ChainReport;

import java.util.List;

/**
 * Retained bytes by epoch for the chart, as parallel arrays of numbers (one key per column, not
 * per epoch) and in at most {@link #MAX_BARS} buckets of consecutive epochs: a leaked chain can
 * hold 100,000 epochs, more than a chart can show or a ticket attachment should carry. The full
 * per-epoch data stays in the JSON report (--json).
 */
final class EpochSeries {
    /** About one bar per two pixels of a 1,000-pixel chart; hover still finds each bar. */
    static final int MAX_BARS = 500;

    private EpochSeries() {
    }

    static ObjectNode of(ObjectMapper m, List<ChainReport.EpochStats> epochs) {
        int n = epochs.size();
        int size = Math.max(1, (n + MAX_BARS - 1) / MAX_BARS);
        ObjectNode o = m.createObjectNode();
        o.put("epochs", n);
        o.put("bucketSize", size);
        ArrayNode first = o.putArray("firstEpoch");
        ArrayNode last = o.putArray("lastEpoch");
        ArrayNode epochCount = o.putArray("epochCount");
        ArrayNode snapshots = o.putArray("snapshots");
        ArrayNode retained = o.putArray("retainedBytes");
        ArrayNode max = o.putArray("maxRetainedBytes");
        for (int i = 0; i < n; i += size) {
            List<ChainReport.EpochStats> bucket = epochs.subList(i, Math.min(n, i + size));
            long count = 0;
            long sum = 0;
            long top = 0;
            for (ChainReport.EpochStats e : bucket) {
                count += e.count();
                sum += e.retainedBytes();
                top = Math.max(top, e.retainedBytes());
            }
            first.add(bucket.get(0).epoch());
            last.add(bucket.get(bucket.size() - 1).epoch());
            epochCount.add(bucket.size());
            snapshots.add(count);
            retained.add(sum);
            max.add(top);
        }
        return o;
    }
}
