package dev.heapchain.hprof;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.heapchain.hprof.testing.HprofWriter;
import org.junit.jupiter.api.Test;

/** JVMS 4.4.7 modified UTF-8, decoded leniently: bad bytes become U+FFFD, never an exception. */
class ModifiedUtf8Test {

    private static String decode(byte... b) {
        return ModifiedUtf8.decode(b, 0, b.length);
    }

    @Test
    void nulIsTwoBytes() {
        assertEquals("a\u0000b", decode((byte) 'a', (byte) 0xC0, (byte) 0x80, (byte) 'b'));
    }

    @Test
    void supplementaryCharactersAreTwoEncodedSurrogates() {
        String s = "x\uD83D\uDE00y"; // U+1F600
        byte[] encoded = HprofWriter.modifiedUtf8(s);
        assertEquals(1 + 6 + 1, encoded.length, "each surrogate takes 3 bytes");
        assertEquals(s, ModifiedUtf8.decode(encoded, 0, encoded.length));
    }

    @Test
    void standardFourByteUtf8IsAcceptedToo() {
        assertEquals("\uD83D\uDE00", decode((byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80));
    }

    @Test
    void invalidBytesBecomeReplacementCharacters() {
        assertEquals("A\uFFFDB", decode((byte) 'A', (byte) 0xFF, (byte) 'B'));
        assertEquals("A\uFFFD", decode((byte) 'A', (byte) 0xC3));
        assertEquals("\uFFFD\uFFFD", decode((byte) 0x80, (byte) 0xBF));
        assertEquals("\uFFFD(", decode((byte) 0xE2, (byte) 0x28));
    }

    @Test
    void decodesASliceOnly() {
        byte[] b = {'x', 'a', 'b', 'y'};
        assertEquals("ab", ModifiedUtf8.decode(b, 1, 2));
    }
}
