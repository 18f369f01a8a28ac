package dev.heapchain.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** Every exit code heapchain uses. The help's exit-code list is generated from this enum. */
public enum ExitCode {
    OK(0, "Done: no leak, a SUSPECT chain without --fail-on-suspect, not applicable, or a LEAK without --fail-on-leak."),
    INTERNAL_ERROR(1, "Internal error (a bug: please report it with the command line), or out of memory (the message says how much heap to give)."),
    USAGE(2, "Usage error: unknown command or option, or a bad value."),
    UNREADABLE_DUMP(3, "The dump is unreadable or unsupported (the message names the offset)."),
    LEAK(4, "A LEAK was found with --fail-on-leak, a LEAK or SUSPECT with --fail-on-suspect, or another --fail-on check failed.");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    /** For picocli's usage help: code to description, in order. */
    public static Map<String, String> helpList() {
        Map<String, String> map = new LinkedHashMap<>();
        for (ExitCode e : values()) {
            map.put(String.format("%3d", e.code), e.meaning);
        }
        return map;
    }
}
