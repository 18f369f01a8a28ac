package dev.heapchain.analysis;

import dev.heapchain.hprof.HprofClassNames;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code jmap -histo} / {@code jcmd GC.class_histogram} text: per class, instances and
 * bytes. Accepts both the JDK 6 forms (with or without the {@code "  1:"} rank column, CRLF line
 * ends) and the JDK 9+ form with a {@code (module@version)} suffix. Names are turned into
 * heapchain's source form ({@code [Ljava.lang.String;} becomes {@code java.lang.String[]}).
 * VM-internal rows such as {@code <methodKlass>} are kept under their own name; callers skip them.
 */
record JmapHisto(Map<String, Row> rows) {
    record Row(String name, long instances, long bytes) {
    }

    private static final Pattern LINE = Pattern.compile(
            "^\\s*(?:\\d+:)?\\s*(\\d+)\\s+(\\d+)\\s+(\\S+)(?:\\s+\\(.*\\))?\\s*$");

    static JmapHisto parse(String text) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String line : text.split("\r?\n")) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                continue; // header, separator and "Total" lines
            }
            String raw = m.group(3);
            String name = raw.startsWith("<") ? raw : HprofClassNames.toSourceForm(raw);
            Row row = new Row(name, Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
            // One name can occur twice (one class name in two class loaders): add them up, as a
            // histogram keyed by name must.
            rows.merge(name, row, (a, b) -> new Row(name, a.instances + b.instances, a.bytes + b.bytes));
        }
        return new JmapHisto(Map.copyOf(rows));
    }

    /** VM-internal pseudo classes of JDK 6 ({@code <methodKlass>}, ...). */
    static boolean isVmInternal(String name) {
        return name.startsWith("<");
    }
}
