package dev.heapchain.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.heapchain.history.ReportFacts;
import dev.heapchain.history.ReportReader;
import dev.heapchain.report.Json;
import dev.heapchain.report.redact.Redaction;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Inputs of compare and trend: a dump, analyzed now, or an earlier `analyze --json` report, told
 * apart by content (a report starts with '{'; HPROF with "JAVA PROFILE", gzip with 0x1f 0x8b), so
 * CI can keep small reports instead of multi-GB dumps.
 */
final class ReportInputs {
    private final CommonOptions common;
    private final EngineOptions engine;
    private final ProfileOptions profile;
    private final CommandLine cmd;
    private final Redaction redaction;

    /** @param redaction applies to inputs that are dumps; a stored report stays as it was written */
    ReportInputs(CommonOptions common, EngineOptions engine, ProfileOptions profile, CommandLine cmd, Redaction redaction) {
        this.common = common;
        this.engine = engine;
        this.profile = profile;
        this.cmd = cmd;
        this.redaction = redaction;
    }

    ReportFacts load(Path input) {
        RunScope.current().input(input);
        if (isJson(input)) {
            try {
                JsonNode doc = Json.mapper().readTree(input.toFile());
                return ReportReader.read(doc, input.toString());
            } catch (JacksonException e) {
                throw new Errors.UserError(ExitCode.UNREADABLE_DUMP, input + " starts like JSON but is not valid JSON: "
                        + e.getOriginalMessage());
            } catch (IOException e) {
                throw new Errors.UserError(ExitCode.UNREADABLE_DUMP, "cannot read " + input + ": " + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new Errors.UserError(ExitCode.UNREADABLE_DUMP, e.getMessage());
            }
        }
        ChainRun run = ChainRun.of(input, profile.profile(cmd), profile.maxSnapshots(cmd), common, engine, cmd, redaction);
        return run.facts(input.toString());
    }

    /** Whether the file's first non-blank byte is '{'; unreadable files are left to the dump reader to report. */
    static boolean isJson(Path p) {
        if (!Files.isRegularFile(p)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(p)) {
            byte[] head = in.readNBytes(256);
            int i = 0;
            if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
                i = 3; // a UTF-8 byte-order mark, as some editors write
            }
            while (i < head.length && Character.isWhitespace(head[i])) {
                i++;
            }
            return i < head.length && head[i] == '{';
        } catch (IOException e) {
            return false;
        }
    }
}
