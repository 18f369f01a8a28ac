package dev.heapchain.hprof;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** HotSpot's internal names and the agent's/Android's dotted names both print in source form. */
class HprofClassNamesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "java/lang/String | java.lang.String",
        "java.lang.String | java.lang.String",
        "[Ljava/lang/String; | java.lang.String[]",
        "java.lang.String[] | java.lang.String[]",
        "[[I | int[][]",
        "int[][] | int[][]",
        "[B | byte[]",
        "[Z | boolean[]",
        "[J | long[]",
        "[[[Ljava/util/Map$Entry; | java.util.Map$Entry[][][]",
        "java.util.Map$Entry[][] | java.util.Map$Entry[][]",
        "com/example/Foo$$Lambda$14+0x0000000800c01000 | com.example.Foo$$Lambda$14/0x0000000800c01000",
        "com/example/Foo$$Lambda$14/0x0000000800c01000 | com.example.Foo$$Lambda$14/0x0000000800c01000",
    })
    void sourceForm(String raw, String expected) {
        assertEquals(expected, HprofClassNames.toSourceForm(raw));
    }
}
