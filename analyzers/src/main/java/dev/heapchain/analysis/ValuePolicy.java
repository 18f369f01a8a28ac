package dev.heapchain.analysis;

/**
 * Whether rendered results may show values: the contents of the dump's strings and primitive
 * arrays (a password in a {@code char[]}, a token in a {@code String}). Names are not values: the
 * class, field and method names on a path and the thread a root belongs to are shown under both
 * (replacing names is redaction's business, on the results: {@code report.redact.Redactor}).
 * {@link PathRenderer} takes one; {@code Redaction.valuePolicy()} maps a {@code --redact} level to it.
 */
public enum ValuePolicy {
    /** Values are left out: {@code --redact values} (the default) and {@code --redact names}. */
    REDACTED,
    /**
     * Values may be shown: {@code --redact none}. The steps of a path carry none today (field
     * names, classes, ids), so paths read the same under both policies.
     */
    SHOWN
}
