package dev.heapchain.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heapchain.analysis.chain.Profile;
import dev.heapchain.graph.HeapGraph;
import dev.heapchain.hprof.testing.LinkChainWriter;
import dev.heapchain.hprof.testing.RootKind;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sizes that break recursive or quadratic code: a chain of 5 million objects (the graph code is
 * iterative; a recursive walk would overflow the stack long before) and a million GC roots on one
 * object. Written by {@link LinkChainWriter}, so the test's own memory stays small; analyzed as
 * {@code top} and {@code analyze} do, within {@link HostileStructureTest#LIMIT}.
 */
class HostileScaleTest {
    @TempDir
    Path dir;

    private static long id(long i) {
        return LinkChainWriter.id(i);
    }

    @Test
    void chainOfFiveMillionObjects() throws IOException {
        int length = 5_000_000;
        Path dump = LinkChainWriter.chain(dir.resolve("chain.hprof"), length);
        HostileStructureTest.Outcome o = HostileStructureTest.analyze(dump, Profile.builtIn("automq"));
        assertNull(o.error());
        HeapGraph g = o.analysis().graph();
        assertEquals(length + 2, g.nodeCount());
        assertEquals(id(0), o.top().get(0).objectId(), "the head retains everything");
        assertEquals(length - 1, o.analysis().paths().depth(g.node(id(length - 1))));
    }

    @Test
    void millionRootsOnOneObject() throws IOException {
        int roots = 1_000_000;
        Path dump = LinkChainWriter.write(dir.resolve("roots.hprof"), h -> {
            for (int i = 0; i < roots; i++) {
                h.root(RootKind.JAVA_FRAME, id(0), 1, i); // thread 1, frame depth i: all distinct
            }
        }, 1, false);
        HostileStructureTest.Outcome o = HostileStructureTest.analyze(dump, Profile.builtIn("automq"));
        assertNull(o.error());
        assertEquals(roots, o.analysis().graph().roots().size(), "distinct roots are all kept");
        assertEquals(id(0), o.top().get(0).objectId());
        assertTrue(o.paths().pathTo(o.analysis().graph().node(id(0))).steps().size() == 1);
    }
}
