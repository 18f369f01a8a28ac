package dev.heapchain.report.redact;

import dev.heapchain.analysis.RootThread;
import dev.heapchain.analysis.StackFrame;
import dev.heapchain.graph.PlatformClasses;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a name becomes under {@link Redaction#NAMES}, and the dictionary that finds names inside
 * sentences. The platform's classes ({@link PlatformClasses}) keep their names, as MAT's export keeps
 * {@code java.*}: they are public and make a path readable. A field name is kept only when platform
 * classes declare it and no other class of the dump does, so a name the program chose never shows,
 * wherever it stands. Thread names, methods and source files of the program's frames, and owner
 * details read from strings ({@code __consumer_offsets-7}) always become placeholders.
 *
 * <p>Sentences (a verdict's reasons, a pin's explanation, an identity) were written with the real
 * names. In them, every class of the dump is found by its full name, by a full name followed by
 * fields ({@code com.acme.Cache.sessions}), by a package of the program's, or by its simple name
 * ({@code QuorumController.snapshotRegistry}); a field name on its own only when the report names
 * that field in a structured place too (a path step, a watermark, a pin's field), and it is not one
 * of the words heapchain's sentences are made of: otherwise an English word that happens to be some
 * field's name would be replaced everywhere. Thread names are
 * found quoted, root details and owner details as they were written.
 */
final class Names {
    private static final Pattern PLACEHOLDER = Pattern.compile("(?:class|field|method|file|thread|value)#[0-9a-f]{8}");
    /** Path labels that are not names: {@code [3]}, {@code [*]}, {@code <class>}, {@code static#2}, {@code field#1}. */
    private static final Pattern LABEL = Pattern.compile("\\[.*]|<[^>]*>|(?:static|field)#\\d+|\\?|");
    private static final Pattern INDEXED = Pattern.compile("([^\\[]+)(\\[.*])");
    private static final Pattern NUMBERS = Pattern.compile("[-+0-9.,: ]*");
    private static final Pattern DESCRIPTOR_CLASS = Pattern.compile("L([^;]+);");
    /** What prose leaves alone (placeholders, labels) or looks up (a dotted name; hidden classes end in /0x...). */
    private static final Pattern TOKEN = Pattern.compile("(?<keep>" + PLACEHOLDER.pattern() + "|(?:static|field)#\\d+|thread #\\d+|<[a-z]+>)"
            + "|(?<![\\p{L}\\p{N}_$#])(?<name>[\\p{L}_$][\\p{L}\\p{N}_$]*(?:\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*(?:[/+]0x[0-9a-fA-F]+)?)");

    /**
     * Words heapchain's own sentences use. One of them standing alone in a sentence is left as it
     * is even when the report names a field so ("the oldest epoch 5", a profile's "epoch" field):
     * every report has these words anyway, and replacing them would garble every sentence.
     */
    private static final Set<String> VOCABULARY = Set.of("a", "an", "the", "is", "in", "at", "of", "to", "by", "it", "its",
            "and", "or", "no", "not", "none", "epoch", "epochs", "snapshot", "snapshots", "offset", "offsets", "head", "chain",
            "chains", "owner", "owners", "value", "values", "next", "prev", "size", "count", "length", "list", "map", "table",
            "key", "name", "id", "state", "thread", "class", "field", "frame", "static", "root", "pin", "live", "written",
            "registry", "container", "holder", "handle", "watermark");

    private record Literal(String text, String replacement, boolean wordBounded) {
    }

    private final Placeholders placeholders;
    private final Function<String, RootThread> rootThreads;
    private final Set<String> classes = new HashSet<>();
    private final Set<String> userPackages = new HashSet<>();
    private final Map<String, String> userSimple = new HashMap<>();
    private final Set<String> platformSimple = new HashSet<>();
    private final Set<String> userFields = new HashSet<>();
    private final Set<String> platformFields = new HashSet<>();
    private final Set<String> learnedFields = new HashSet<>();
    private final Map<String, Literal> literals = new HashMap<>();
    private List<Literal> sorted;

    /** @param rootThreads the parts of a root detail string, or null when it is not one */
    Names(Placeholders placeholders, Function<String, RootThread> rootThreads) {
        this.placeholders = placeholders;
        this.rootThreads = rootThreads;
    }

    // ---- the dictionary ----

    /** A class of the dump (source form) and the names of the fields it declares, static ones too. */
    void addClass(String className, List<String> fieldNames) {
        String name = bare(className);
        if (name.isEmpty()) {
            return;
        }
        boolean platform = PlatformClasses.is(name);
        classes.add(name);
        String simple = simpleName(name);
        if (platform) {
            platformSimple.add(simple);
        } else {
            userSimple.merge(simple, name, (a, b) -> a.compareTo(b) <= 0 ? a : b);
            int dot = name.lastIndexOf('.');
            if (dot > 0) {
                userPackages.add(name.substring(0, dot));
            }
        }
        for (String f : fieldNames) {
            if (f != null) {
                (platform ? platformFields : userFields).add(f);
            }
        }
    }

    void addThread(String name) {
        if (name != null && !name.isEmpty()) {
            literal("\"" + name + "\"", "\"" + thread(name) + "\"", false);
        }
    }

    /** A class named in a structured place (a profile's class may not be in the dump). */
    void learnClass(String className) {
        String name = className == null ? "" : bare(className);
        if (!name.isEmpty() && !PlatformClasses.is(name) && !PLACEHOLDER.matcher(name).matches() && !name.contains(" ")) {
            addClass(name, List.of());
        }
    }

    void learnField(String path) {
        if (path == null) {
            return;
        }
        for (String segment : path.split("\\.")) {
            Matcher m = INDEXED.matcher(segment);
            String name = m.matches() ? m.group(1) : segment;
            if (!member(name).equals(name)) {
                learnedFields.add(name);
            }
        }
    }

    void learnValue(String value) {
        String v = value(value);
        if (v != null && !v.equals(value)) {
            literal(value, v, true);
        }
    }

    void learnDetail(String detail) {
        if (detail != null && rootThreads.apply(detail) != null) {
            literal(detail, detail(detail), false);
        }
    }

    private void literal(String text, String replacement, boolean wordBounded) {
        literals.putIfAbsent(text, new Literal(text, replacement, wordBounded));
        sorted = null;
    }

    // ---- structured names ----

    /** {@code com.acme.Foo}, {@code class com.acme.Foo}, {@code com.acme.Foo[][]}. */
    String className(String display) {
        if (display == null) {
            return null;
        }
        String prefix = display.startsWith("class ") ? "class " : "";
        String name = display.substring(prefix.length());
        int dims = 0;
        while (name.endsWith("[]")) {
            name = name.substring(0, name.length() - 2);
            dims++;
        }
        if (name.isEmpty() || name.startsWith("<") || PlatformClasses.is(name) || PLACEHOLDER.matcher(name).matches()) {
            return display;
        }
        if (name.contains(" ")) {
            return prose(display); // "unknown array class 0x1234": words, not a name
        }
        return prefix + placeholders.of("class", name) + "[]".repeat(dims);
    }

    /** A field path: {@code offsetControl.lastStableOffset}, {@code liveEpochs[0]}, {@code [3]}. */
    String fieldPath(String path) {
        if (path == null) {
            return null;
        }
        String[] segments = path.split("\\.", -1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            b.append(i == 0 ? "" : ".").append(member(segments[i]));
        }
        return b.toString();
    }

    private String member(String segment) {
        if (LABEL.matcher(segment).matches() || PLACEHOLDER.matcher(segment).matches()) {
            return segment;
        }
        Matcher m = INDEXED.matcher(segment);
        if (m.matches()) {
            return member(m.group(1)) + m.group(2);
        }
        if (platformFields.contains(segment) && !userFields.contains(segment)) {
            return segment;
        }
        return placeholders.of("field", segment);
    }

    String thread(String name) {
        return name == null ? null : placeholders.of("thread", name);
    }

    /** A value read from a string ({@code __consumer_offsets-7}); numbers are kept. */
    String value(String value) {
        if (value == null || NUMBERS.matcher(value).matches() || PLACEHOLDER.matcher(value).matches()) {
            return value;
        }
        return placeholders.of("value", value);
    }

    /** The program's frames lose method, descriptor classes and file; the platform's keep them. */
    StackFrame frame(StackFrame f) {
        if (f == null || f.className() != null && PlatformClasses.is(f.className())) {
            return f;
        }
        String method = f.method() == null || f.method().startsWith("<") ? f.method() : placeholders.of("method", f.method());
        return new StackFrame(className(f.className()), method, signature(f.signature()),
                f.sourceFile() == null ? null : placeholders.of("file", f.sourceFile()), f.line());
    }

    /** {@code (Lcom/acme/Foo;I)V} -> {@code (Lclass#1a2b3c4d;I)V}. */
    String signature(String descriptor) {
        if (descriptor == null) {
            return null;
        }
        return DESCRIPTOR_CLASS.matcher(descriptor).replaceAll(m -> {
            String internal = m.group(1);
            String source = internal.replace('/', '.');
            String shown = className(source);
            return Matcher.quoteReplacement("L" + (shown.equals(source) ? internal : shown) + ";");
        });
    }

    /** A path's root detail, rebuilt from its parts when this analysis made it. */
    String detail(String detail) {
        RootThread t = detail == null ? null : rootThreads.apply(detail);
        if (t == null) {
            return prose(detail);
        }
        return new RootThread(t.threadSerial(), thread(t.threadName()), t.frameDepth(), frame(t.frame())).text();
    }

    // ---- sentences ----

    String prose(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        List<int[]> spans = new ArrayList<>(); // start, end, index into sortedLiterals()
        List<Literal> all = sortedLiterals();
        for (int k = 0; k < all.size(); k++) {
            Literal l = all.get(k);
            for (int at = s.indexOf(l.text()); at >= 0; at = s.indexOf(l.text(), at + 1)) {
                int end = at + l.text().length();
                if (!l.wordBounded() || !wordChar(s, at - 1) && !wordChar(s, end)) {
                    spans.add(new int[]{at, end, k});
                }
            }
        }
        spans.sort(Comparator.<int[]>comparingInt(x -> x[0]).thenComparingInt(x -> -(x[1] - x[0])));
        StringBuilder out = new StringBuilder();
        int done = 0;
        for (int[] span : spans) {
            if (span[0] < done) {
                continue; // inside a longer literal already replaced
            }
            tokens(s, done, span[0], out);
            out.append(all.get(span[2]).replacement());
            done = span[1];
        }
        tokens(s, done, s.length(), out);
        return out.toString();
    }

    private List<Literal> sortedLiterals() {
        if (sorted == null) {
            sorted = new ArrayList<>(literals.values());
            sorted.sort(Comparator.comparingInt((Literal l) -> -l.text().length()).thenComparing(Literal::text));
        }
        return sorted;
    }

    private static boolean wordChar(String s, int i) {
        if (i < 0 || i >= s.length()) {
            return false;
        }
        char c = s.charAt(i);
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '-';
    }

    private void tokens(String s, int from, int to, StringBuilder out) {
        Matcher m = TOKEN.matcher(s).region(from, to).useTransparentBounds(true);
        int at = from;
        while (m.find()) {
            out.append(s, at, m.start());
            out.append(m.group("keep") != null ? m.group() : token(m.group("name")));
            at = m.end();
        }
        out.append(s, at, to);
    }

    private String token(String t) {
        if (classes.contains(t)) {
            return className(t);
        }
        String[] segments = t.split("\\.");
        for (int k = segments.length - 1; k >= 1; k--) {
            String prefix = String.join(".", java.util.Arrays.copyOfRange(segments, 0, k));
            if (classes.contains(prefix)) {
                return className(prefix) + "." + members(segments, k);
            }
            if (userPackages.contains(prefix)) {
                return className(t); // a class of the program's that this dump does not hold
            }
        }
        String full = userSimple.get(segments[0]);
        if (full != null) {
            return placeholders.of("class", full) + (segments.length > 1 ? "." + members(segments, 1) : "");
        }
        if (segments.length > 1 && platformSimple.contains(segments[0])) {
            return segments[0] + "." + members(segments, 1);
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            String seg = segments[i];
            boolean field = segments.length > 1 ? learnedFields.contains(seg) || userFields.contains(seg)
                    : learnedFields.contains(seg) && !VOCABULARY.contains(seg);
            b.append(i == 0 ? "" : ".").append(field ? placeholders.of("field", seg) : seg);
        }
        return b.toString();
    }

    private String members(String[] segments, int from) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < segments.length; i++) {
            b.append(i == from ? "" : ".").append(member(segments[i]));
        }
        return b.toString();
    }

    private static String bare(String className) {
        String name = className.startsWith("class ") ? className.substring(6) : className;
        while (name.endsWith("[]")) {
            name = name.substring(0, name.length() - 2);
        }
        return name;
    }

    private static String simpleName(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
