package dev.heapchain.report;

import java.util.List;

/**
 * One CI check (a leak verdict, a regression, growth) as a JUnit test case would carry it.
 *
 * @param suite   the command that made it, e.g. "analyze": the JUnit test suite and class name
 * @param name    what was checked and on what, e.g. "leak verdict: node-3.hprof"
 * @param reasons why it failed or could not run; empty when it passed
 * @param details extra lines for the report (the rates, the verdict), shown as system-out
 */
public record Check(String suite, String name, Status status, List<String> reasons, List<String> details) {
    public enum Status { PASSED, FAILED, ERROR }

    public Check {
        reasons = List.copyOf(reasons);
        details = List.copyOf(details);
    }

    public static Check of(String suite, String name, boolean failed, List<String> reasons, List<String> details) {
        return new Check(suite, name, failed ? Status.FAILED : Status.PASSED, failed ? reasons : List.of(), details);
    }
}
