package dev.heapchain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one-way layering of the analyzers library: a package may use its own layer and those below,
 * never one above, and no layer may know about the CLI library (picocli), which belongs to cli/.
 */
final class LayerRules {
    /** Lowest first. A package not listed here is itself a violation: place it in the order. */
    static final List<String> ORDER = List.of("util", "hprof", "graph", "analysis", "report", "history");

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+dev\\.heapchain\\.(\\w+)", Pattern.MULTILINE);
    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.heapchain\\.(\\w+)\\b");
    private static final Pattern PICOCLI = Pattern.compile("\\bpicocli\\b");
    private static final Pattern COMMENTS = Pattern.compile("//[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern STRINGS = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"");

    private LayerRules() {
    }

    /** Violations in one source file, each a readable line naming the file. */
    static List<String> check(String fileName, String source) {
        List<String> problems = new ArrayList<>();
        // Comments and string literals may mention anything; only code counts.
        String code = STRINGS.matcher(COMMENTS.matcher(source).replaceAll(" ")).replaceAll("\"\"");
        Matcher pkg = PACKAGE.matcher(code);
        if (!pkg.find()) {
            problems.add(fileName + ": no dev.heapchain.<layer> package declaration");
            return problems;
        }
        String own = pkg.group(1);
        int ownRank = ORDER.indexOf(own);
        if (ownRank < 0) {
            problems.add(fileName + ": package dev.heapchain." + own + " is in no layer (add it to LayerRules.ORDER)");
            return problems;
        }
        Matcher ref = REFERENCE.matcher(code);
        while (ref.find()) {
            String used = ref.group(1);
            int usedRank = ORDER.indexOf(used);
            if (usedRank > ownRank || usedRank < 0 && !used.equals(own)) {
                problems.add(fileName + ": " + own + " uses dev.heapchain." + used + ", a layer above it (order: "
                        + String.join(" < ", ORDER) + ")");
            }
        }
        if (PICOCLI.matcher(code).find()) {
            problems.add(fileName + ": uses picocli; only the cli module may");
        }
        return problems;
    }
}
