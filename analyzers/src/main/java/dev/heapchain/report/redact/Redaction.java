package dev.heapchain.report.redact;


import dev.heapchain.analysis.ValuePolicy;
import java.util.Locale;

/**
 * How much of what the dump names a report leaves out, as Eclipse MAT's export {@code -redact}
 * has levels. Dumps hold secrets; names are the first clue in an incident.
 */
public enum Redaction {
    /** Everything the report has. */
    NONE("none"),
    /** String and primitive-array contents left out; class, field and thread names shown (the default). */
    VALUES("values"),
    /**
     * Also class, field, method, source-file and thread names (and owner details read from strings)
     * replaced by stable placeholders ({@code class#1a2b3c4d}), for reports that leave the company.
     */
    NAMES("names");

    private final String label;

    Redaction(String label) {
        this.label = label;
    }

    /** As on the command line and in the HTML page: "none", "values", "names". */
    public String label() {
        return label;
    }

    /** What the level means for the dump's values: left out, except under {@link #NONE}. */
    public ValuePolicy valuePolicy() {
        return this == NONE ? ValuePolicy.SHOWN : ValuePolicy.REDACTED;
    }

    public static Redaction of(String label) {
        for (Redaction r : values()) {
            if (r.label.equals(label.toLowerCase(Locale.ROOT))) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown redaction level '" + label + "' (none, values, names)");
    }
}
