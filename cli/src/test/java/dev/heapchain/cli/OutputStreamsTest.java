package dev.heapchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stdout carries only the report; warnings go to stderr, and {@code --quiet} silences them. */
class OutputStreamsTest {
    @TempDir
    Path dir;

    @Test
    void warningsGoToStderr() throws IOException {
        Cli r = Cli.run("histogram", TinyDumps.twoDumps(dir).toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.err().contains("warning") && r.err().contains("holds 2 heap dumps"), r::toString);
        assertFalse(r.out().contains("warning"), r::toString);
        assertFalse(r.out().contains("holds 2 heap dumps"), r::toString);
    }

    @Test
    void quietSilencesWarnings() throws IOException {
        String dump = TinyDumps.twoDumps(dir).toString();
        Cli loud = Cli.run("histogram", dump);
        Cli quiet = Cli.run("histogram", "--quiet", dump);
        assertEquals(0, quiet.code(), quiet::toString);
        assertEquals("", quiet.err());
        assertEquals(loud.out(), quiet.out(), "--quiet changes stderr only");
    }

    @Test
    void jsonOnStdoutIsTheWholeOfStdout() throws IOException {
        Cli r = Cli.run("histogram", "--json", "-", TinyDumps.twoDumps(dir).toString());
        assertEquals(0, r.code(), r::toString);
        // readTree would accept trailing text after the document; parse it as the whole input.
        new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .readTree(r.out());
        assertTrue(r.err().contains("holds 2 heap dumps"), r::toString);
    }
}
