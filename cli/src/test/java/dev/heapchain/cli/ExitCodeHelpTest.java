package dev.heapchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The exit-code list users read in {@code --help} is the {@link ExitCode} enum, no more, no less. */
class ExitCodeHelpTest {
    private static final Pattern ENTRY = Pattern.compile("^\\s+(\\d+)\\s{2,}(.*)$");

    /** Code to meaning as printed, continuation lines joined. */
    static Map<Integer, String> listed(String help) {
        int start = help.indexOf("Exit codes:");
        assertTrue(start >= 0, "no exit-code section in:\n" + help);
        Map<Integer, String> map = new LinkedHashMap<>();
        Integer last = null;
        for (String line : help.substring(start).lines().skip(1).toList()) {
            Matcher m = ENTRY.matcher(line);
            if (m.matches()) {
                last = Integer.parseInt(m.group(1));
                map.put(last, m.group(2).strip());
            } else if (last != null && !line.isBlank() && line.startsWith("    ")) {
                map.put(last, map.get(last) + " " + line.strip());
            } else {
                last = null;
            }
        }
        return map;
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "histogram"})
    void helpListsExactlyTheEnum(String command) {
        List<String> args = new ArrayList<>();
        if (!command.isEmpty()) {
            args.add(command);
        }
        args.add("--help");
        Map<Integer, String> listed = listed(Cli.run(args.toArray(String[]::new)).out());
        Map<Integer, String> expected = new LinkedHashMap<>();
        for (ExitCode e : ExitCode.values()) {
            expected.put(e.code(), e.meaning());
        }
        assertEquals(expected, listed);
    }
}
