package dev.heapchain.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the parts of an hprof-slurp result file that are counts: the "File content summary"
 * ({@code label: n} lines) and the instance column of the "Top 20 raw shallow heap classes" table.
 * Sizes are left out on purpose: they follow hprof-slurp's own size model.
 */
record SlurpResults(Map<String, Long> summary, int heapDumps, Map<String, Long> topClassInstances) {
    private static final Pattern SUMMARY = Pattern.compile("^(?:\\.\\.)?([A-Za-z][A-Za-z0-9 -]*): (\\d+)$");
    private static final Pattern DUMPS = Pattern.compile("^(\\d+) heap dumps containing.*");
    private static final Pattern ROW = Pattern.compile("^\\|\\s*[^|]+\\|\\s*(\\d+) \\|\\s*[^|]+\\| (\\S+)\\s*\\|$");

    static SlurpResults read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Long> summary = new LinkedHashMap<>();
        Map<String, Long> top = new LinkedHashMap<>();
        int dumps = -1;
        String section = "";
        for (String line : lines) {
            if (line.startsWith("Found ") || line.startsWith("Top ")) {
                section = line;
            }
            Matcher m = SUMMARY.matcher(line);
            Matcher d = DUMPS.matcher(line);
            Matcher r = ROW.matcher(line);
            if (section.isEmpty() && m.matches()) {
                summary.put(m.group(1), Long.parseLong(m.group(2)));
            } else if (section.isEmpty() && d.matches()) {
                dumps = Integer.parseInt(d.group(1));
            } else if (section.startsWith("Top 20 raw shallow heap classes") && r.matches()) {
                top.put(r.group(2), Long.parseLong(r.group(1)));
            }
        }
        return new SlurpResults(summary, dumps, top);
    }
}
