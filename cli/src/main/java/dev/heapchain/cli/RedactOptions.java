package dev.heapchain.cli;

import dev.heapchain.analysis.PathRenderer;
import dev.heapchain.analysis.ValuePolicy;
import dev.heapchain.report.redact.Redaction;
import dev.heapchain.report.redact.Redactor;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;

/**
 * --redact, for every command that writes what a dump names; --include-values is its old spelling of
 * "none". The redaction itself happens on the command's results ({@link Redactor}), before they are
 * rendered, so every format of every command agrees.
 */
final class RedactOptions {
    /** A secret that keys the placeholders (HMAC), so nobody without it can test a guessed name. */
    static final String KEY_VARIABLE = "HEAPCHAIN_REDACT_KEY";

    @Option(names = "--redact", paramLabel = "LEVEL", description = {
            "What to leave out: values (the default: string and array contents), names (also",
            "the program's class, field, method, file and thread names, as stable placeholders",
            "like class#1a2b3c4d; java.*, jdk.* ... keep theirs; " + KEY_VARIABLE + " keys them),",
            "or none."})
    String redact;

    @Option(names = "--include-values", description = "The same as --redact none.")
    boolean includeValues;

    /** The level asked for; a usage error for an unknown one or for --include-values beside another. */
    Redaction level(CommandLine cmd) {
        Redaction level;
        try {
            level = redact == null ? Redaction.VALUES : Redaction.of(redact);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cmd, "--redact: " + e.getMessage());
        }
        if (includeValues && redact != null && level != Redaction.NONE) {
            throw new CommandLine.ParameterException(cmd, "--include-values means --redact none, not --redact " + redact);
        }
        return includeValues ? Redaction.NONE : level;
    }

    /** What the level asked for means for the dump's values, for the results' paths; a usage error as {@link #level}. */
    ValuePolicy values(CommandLine cmd) {
        return level(cmd).valuePolicy();
    }

    /** The redactor for this run's results (whose paths {@code paths} made), or null when names are shown. */
    Redactor redactor(CommandLine cmd, PathRenderer paths) {
        return level(cmd) == Redaction.NAMES ? Redactor.of(paths, key()) : null;
    }

    static byte[] key() {
        String k = System.getenv(KEY_VARIABLE);
        return k == null || k.isEmpty() ? null : k.getBytes(StandardCharsets.UTF_8);
    }
}
