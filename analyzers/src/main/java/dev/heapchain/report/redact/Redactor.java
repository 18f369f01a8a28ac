package dev.heapchain.report.redact;

import dev.heapchain.analysis.PathRenderer;
import dev.heapchain.analysis.StackFrame;
import dev.heapchain.analysis.ThreadOverview;
import dev.heapchain.analysis.chain.ChainReport;
import dev.heapchain.analysis.chain.Profile;
import dev.heapchain.graph.GraphStats;
import dev.heapchain.graph.HeapClass;
import dev.heapchain.graph.SizeModel;
import dev.heapchain.hprof.HprofClassDump;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link Redaction#NAMES} in one place, at report time: an analysis result (records, lists of
 * them; top, paths, analyze, threads, and through analyze's document compare and trend) goes in
 * with the dump's names and comes out with placeholders, before any renderer sees it. So text,
 * JSON and HTML all show the same placeholders, and a renderer added later needs nothing.
 *
 * <p>What a string is comes from its component's name: {@code className}, {@code holderClass}...
 * are classes, {@code field}, {@code epochField}... field paths, {@code rootDetail} a root's thread
 * and frame; a few kinds ({@code kind}, {@code rootKind}, {@code file}: the dump's path as given)
 * are kept; every other string is a sentence searched for names ({@link Names}). An unknown
 * component is therefore searched, never passed through. Records are rebuilt through their
 * canonical constructor; a plain result object (the merged paths) has its string fields rewritten
 * in place; any other type is refused rather than let through.
 *
 * <p>Two passes: the first learns the names the results use in structured places (a pin's field, a
 * watermark's path, an owner's detail), the second rewrites, finding those names in sentences too.
 */
public final class Redactor {
    private enum Kind { CLASS, FIELD, DETAIL, THREAD, VALUE, KEEP, PROSE }

    private static final Map<String, Kind> BY_NAME = byName();
    /** Where one component name means different things in different records. */
    private static final Map<Class<?>, Map<String, Kind>> BY_RECORD = Map.of(
            ChainReport.Owner.class, Map.of("detail", Kind.VALUE),
            Profile.Owner.class, Map.of("detail", Kind.FIELD),
            ThreadOverview.ThreadInfo.class, Map.of("name", Kind.THREAD));
    private static final Set<Class<?>> KEPT_TYPES = Set.of(SizeModel.class, GraphStats.class);

    private final Names names;

    private Redactor(Names names) {
        this.names = names;
    }

    /**
     * With the dump's classes, fields and threads as the dictionary for sentences.
     *
     * @param paths the renderer that made the results' paths: it knows the parts of their root details
     * @param key   null or empty: placeholders are plain SHA-256 of the name; else HMAC-SHA256 with it
     */
    public static Redactor of(PathRenderer paths, byte[] key) {
        Names names = new Names(new Placeholders(key), paths::rootThread);
        var graph = paths.analysis().graph();
        var strings = graph.classes().strings();
        for (HeapClass c : graph.classes().all()) {
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < c.declaredFields().size(); i++) {
                fields.add(c.fieldName(i));
            }
            if (c.dump() != null) {
                for (HprofClassDump.StaticField f : c.dump().staticFields()) {
                    fields.add(strings.get(f.nameId()));
                }
            }
            names.addClass(c.name(), fields);
        }
        paths.analysis().reads().readThreadNames().values().forEach(names::addThread);
        return new Redactor(names);
    }

    /** Without a graph (histogram): class names are replaced, sentences know only what the results name. */
    public static Redactor withoutGraph(byte[] key) {
        return new Redactor(new Names(new Placeholders(key), detail -> null));
    }

    /** Redacted copies of the results, in order; learned from all of them together. */
    public Object[] apply(Object... results) {
        for (Object r : results) {
            walk(r, Kind.PROSE, true);
        }
        Object[] out = new Object[results.length];
        for (int i = 0; i < results.length; i++) {
            out[i] = walk(results[i], Kind.PROSE, false);
        }
        return out;
    }

    /** One result; see {@link #apply(Object...)} for several that must agree. */
    @SuppressWarnings("unchecked")
    public <T> T apply(T result) {
        return (T) apply(new Object[]{result})[0];
    }

    /** A class name as the redacted results write it (for a command's own title). */
    public String className(String name) {
        return names.className(name);
    }

    private Object walk(Object o, Kind kind, boolean learn) {
        if (o == null || o instanceof Enum<?> || o instanceof Number || o instanceof Boolean || o instanceof Character
                || KEPT_TYPES.contains(o.getClass())) {
            return o;
        }
        if (o instanceof String s) {
            return learn ? learn(s, kind) : string(s, kind);
        }
        if (o instanceof StackFrame f) {
            if (learn) {
                names.learnClass(f.className());
            }
            return learn ? f : names.frame(f);
        }
        if (o instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object x : list) {
                out.add(walk(x, kind, learn));
            }
            return learn ? o : Collections.unmodifiableList(out);
        }
        Class<?> type = o.getClass();
        if (type.isArray()) {
            if (type.getComponentType().isPrimitive()) {
                return o;
            }
            int n = Array.getLength(o);
            Object out = Array.newInstance(type.getComponentType(), n);
            for (int i = 0; i < n; i++) {
                Array.set(out, i, walk(Array.get(o, i), kind, learn));
            }
            return learn ? o : out;
        }
        if (type.isRecord()) {
            return record(o, learn);
        }
        if (type.getName().startsWith("dev.heapchain.") && Modifier.isFinal(type.getModifiers())) {
            return inPlace(o, learn);
        }
        throw new IllegalArgumentException("cannot redact a " + type.getName() + ": teach Redactor its fields");
    }

    private String learn(String s, Kind kind) {
        switch (kind) {
            case CLASS -> names.learnClass(s);
            case FIELD -> names.learnField(s);
            case DETAIL -> names.learnDetail(s);
            case VALUE -> names.learnValue(s);
            case THREAD -> names.addThread(s);
            default -> {
            }
        }
        return s;
    }

    private String string(String s, Kind kind) {
        return switch (kind) {
            case CLASS -> names.className(s);
            case FIELD -> names.fieldPath(s);
            case DETAIL -> names.detail(s);
            case THREAD -> names.thread(s);
            case VALUE -> names.value(s);
            case KEEP -> s;
            case PROSE -> names.prose(s);
        };
    }

    private Object record(Object o, boolean learn) {
        RecordComponent[] components = o.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                var accessor = components[i].getAccessor();
                accessor.setAccessible(true);
                values[i] = walk(accessor.invoke(o), kind(o.getClass(), components[i].getName()), learn);
                types[i] = components[i].getType();
            }
            if (learn) {
                return o;
            }
            Constructor<?> canonical = o.getClass().getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot redact a " + o.getClass().getName(), e);
        }
    }

    /** A final result class of heapchain's whose fields are all strings, lists, records or primitives. */
    private Object inPlace(Object o, boolean learn) {
        try {
            for (Field f : o.getClass().getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                Class<?> t = f.getType();
                if (t.isPrimitive() || t.isArray() && t.getComponentType().isPrimitive()) {
                    continue;
                }
                if (!(t == String.class || t == String[].class || t == List.class || t.isRecord() || t.isEnum())) {
                    throw new IllegalArgumentException("cannot redact " + o.getClass().getName() + "." + f.getName()
                            + " (a " + t.getName() + "): teach Redactor its fields");
                }
                f.setAccessible(true);
                Object value = f.get(o);
                Object redacted = walk(value, kind(o.getClass(), f.getName()), learn);
                if (!learn && redacted != value) {
                    f.set(o, redacted);
                }
            }
            return o;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot redact a " + o.getClass().getName(), e);
        }
    }

    private static Kind kind(Class<?> owner, String component) {
        Map<String, Kind> special = BY_RECORD.get(owner);
        Kind k = special == null ? null : special.get(component);
        return k != null ? k : BY_NAME.getOrDefault(component, Kind.PROSE);
    }

    private static Map<String, Kind> byName() {
        Map<String, Kind> m = new HashMap<>();
        for (String n : List.of("className", "classNames", "holderClass", "containerClass", "oldestClass", "childClass",
                "mostlyClass", "targetClasses", "classes", "threadClass")) {
            m.put(n, Kind.CLASS);
        }
        for (String n : List.of("field", "fields", "epochField", "linkField", "linkFields", "liveEpochsField",
                "containerField", "written")) {
            m.put(n, Kind.FIELD);
        }
        for (String n : List.of("rootDetail", "rootDetails", "heldBy")) {
            m.put(n, Kind.DETAIL);
        }
        // Words of heapchain's own ("direct", "Java frame", "set"), the dump's path as the user gave
        // it, and figures.
        for (String n : List.of("kind", "rootKind", "rootKinds", "epochRetainedBasis", "file", "format", "compression",
                "state", "liveEpochs", "schema", "basis")) {
            m.put(n, Kind.KEEP);
        }
        return Map.copyOf(m);
    }
}
