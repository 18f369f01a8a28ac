package dev.heapchain.analysis.chain;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * What a snapshot chain looks like in one system: data, not code, so users can describe their own
 * ("MetadataSnapshot" with an epoch under {@code provenance.offset}) in a JSON file.
 *
 * @param targetClasses  classes whose instances (and subclasses') carry an epoch
 * @param epochField     field path to the epoch: {@code epoch} or {@code provenance.offset}
 * @param linkFields     reference fields that chain targets together ({@code prev}, {@code next})
 * @param sentinelEpochs epoch values of list sentinels, not counted as snapshots
 * @param container      the owner of a chain, or null
 * @param bookkeeping    live-epoch bookkeeping that decides trimming, or null
 * @param owners         who holds a chain's container, and that owner's trim watermark; tried in order
 */
public record Profile(String name, String description, List<String> targetClasses, String epochField,
                      List<String> linkFields, List<Long> sentinelEpochs, Container container, Bookkeeping bookkeeping,
                      List<Owner> owners) {

    /**
     * An owner of containers: instances of {@code className} whose {@code field} references a
     * chain's container. Chains are labelled {@code SimpleName.field} after it.
     *
     * @param watermark how the owner trims its chain, or null when unknown
     * @param detail    field paths whose values tell owners of one kind apart ({@code tp.topic},
     *                  {@code tp.partition}); numbers and strings
     */
    public record Owner(@JsonProperty("class") String className, String field, Watermark watermark, List<String> detail) {
        public Owner {
            if (blank(className) || blank(field)) {
                throw new IllegalArgumentException("an owner needs a class and a field");
            }
            detail = detail == null ? List.of() : List.copyOf(detail);
        }
    }

    /**
     * An owner's trim watermark: the trim deletes every snapshot whose epoch is below it (Kafka's
     * {@code SnapshotRegistry.deleteSnapshotsUpTo(epoch)}), so after a trim none may lie below.
     *
     * @param fields         field paths of the owner holding it, the first that resolves wins
     *                       (different versions name it differently)
     * @param liveEpochsHead the head of the bookkeeping's live-epoch list instead of a field
     * @param written        optional: field paths of the newest write, which bounds the writes in flight
     * @param trimmedBy      where the trim happens, for the reader of the report
     * @param trimMethods    {@code Class.method}s that move the watermark and trim after it: a thread in
     *                       one of them when the dump was taken explains snapshots below the watermark
     */
    public record Watermark(List<String> fields, boolean liveEpochsHead, List<String> written, String trimmedBy,
                            List<String> trimMethods) {
        public Watermark {
            fields = fields == null ? List.of() : List.copyOf(fields);
            written = written == null ? List.of() : List.copyOf(written);
            trimMethods = trimMethods == null ? List.of() : List.copyOf(trimMethods);
            if (fields.isEmpty() == !liveEpochsHead) {
                throw new IllegalArgumentException("a watermark needs either fields or liveEpochsHead: true");
            }
        }
    }

    /**
     * @param fields the container's fields that own a chain (documentation and pin context); empty
     *               or left out: any field
     */
    public record Container(List<String> classes, List<String> fields) {
        public Container {
            // Optional in profile files: Containers treats empty lists as "no class" and "any field".
            classes = classes == null ? List.of() : List.copyOf(classes);
            fields = fields == null ? List.of() : List.copyOf(fields);
        }
    }

    /**
     * Reference-counted handles that put their epoch into a shared list; the owner trims only when
     * the list's head changes.
     *
     * @param containerField optional: without it no chain can be tied to the list
     */
    public record Bookkeeping(List<String> classes, String epochField, String liveEpochsField, String containerField) {
        public Bookkeeping {
            if (classes == null || classes.isEmpty() || blank(epochField) || blank(liveEpochsField)) {
                throw new IllegalArgumentException("bookkeeping needs classes, epochField and liveEpochsField");
            }
            classes = List.copyOf(classes);
        }
    }

    public Profile {
        if (targetClasses == null) {
            throw new IllegalArgumentException("a profile needs targetClasses and an epochField");
        }
        targetClasses = List.copyOf(targetClasses);
        linkFields = linkFields == null ? List.of() : List.copyOf(linkFields);
        sentinelEpochs = sentinelEpochs == null ? List.of() : List.copyOf(sentinelEpochs);
        owners = owners == null ? List.of() : List.copyOf(owners);
        if (targetClasses.isEmpty() || blank(epochField)) {
            throw new IllegalArgumentException("a profile needs targetClasses and an epochField");
        }
    }

    public static Profile builtIn(String name) {
        try (InputStream in = Profile.class.getResourceAsStream("/dev/heapchain/profiles/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no built-in profile named " + name + " (built in: automq)");
            }
            return mapper().readValue(in, Profile.class);
        } catch (IOException e) {
            throw new IllegalStateException("built-in profile " + name + " is unreadable", e);
        }
    }

    /** @throws IOException with a one-line message naming the file, and the line and column when known */
    public static Profile fromFile(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IOException("no such file: " + file, e);
        }
        try {
            return mapper().readValue(bytes, Profile.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            JsonLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            // Jackson's messages may span lines; a CLI error is one line.
            String why = String.valueOf(e.getOriginalMessage()).replaceAll("\\s*\\R\\s*", " ");
            throw new IOException(file + " is not a valid profile" + where + ": " + why, e);
        }
    }

    /**
     * An ad-hoc profile for any class that carries an epoch.
     *
     * @param sentinelEpochs epochs of list heads; null: Long.MIN_VALUE, the head's epoch in Kafka's
     *                       SnapshotRegistry and the usual "before everything" marker
     */
    public static Profile adHoc(List<String> classes, String epochField, List<String> linkFields, List<Long> sentinelEpochs) {
        return new Profile("ad-hoc", "from --class/--epoch-field/--link-field", classes, epochField, linkFields,
                sentinelEpochs == null ? List.of(Long.MIN_VALUE) : sentinelEpochs, null, null, List.of());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * Classes whose field values the analysis reads, to capture while the graph is built: the
     * targets, the bookkeeping handles, and boxed numbers (boxed epochs, live-epoch list elements).
     */
    public java.util.Set<String> captureClasses() {
        java.util.Set<String> out = new java.util.TreeSet<>(targetClasses);
        if (bookkeeping != null && bookkeeping.classes() != null) {
            out.addAll(bookkeeping.classes());
        }
        owners.forEach(o -> out.add(o.className()));
        out.addAll(List.of("java.lang.Long", "java.lang.Integer", "java.lang.Short", "java.lang.Byte"));
        return out;
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    }
}
