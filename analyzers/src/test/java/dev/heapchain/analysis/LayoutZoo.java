package dev.heapchain.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Exchanger;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Objects whose field mixes leave holes, so that the self-dump tests see the packing rules at work
 * and not only the JDK's own classes: a long after a header that ends at 12, a subclass whose
 * fields fit a hole its superclass left (JDK 15+ fills it, JDK 14 and older do not), fields of
 * every width, and a record. The instance counts are odd so that they stand out in a histogram.
 */
final class LayoutZoo {
    static class ByteAndLong {
        byte b;
        long l;
    }

    static class FillsParentHole extends ByteAndLong {
        short s;
        boolean z;
        Object ref;
    }

    static class EveryWidth {
        boolean z;
        byte b;
        char c;
        short s;
        int i;
        float f;
        long j;
        double d;
        Object o;
    }

    static class OnlyRefs extends EveryWidth {
        Object a;
        Object b2;
        Object c2;
    }

    static class IntThenLong {
        int i;
    }

    static class LongChild extends IntThenLong {
        long l;
        byte b;
    }

    static final class Empty {
    }

    record Point(int x, long y, byte tag, String label) {
    }

    /** Below Thread, whose @Contended fields put padding in the way of subclass fields. */
    static class ThreadChild extends Thread {
        byte b;
    }

    static class ThreadGrandChild extends ThreadChild {
        long l;
        boolean z;
    }

    private LayoutZoo() {
    }

    /**
     * JDK objects with @Contended fields or classes: a ForkJoinPool with its work queues, and an
     * Exchanger whose timed-out exchange leaves this thread's Exchanger$Node behind.
     */
    private static List<Object> contendedJdkObjects() {
        ForkJoinPool pool = new ForkJoinPool(1);
        pool.submit(() -> 1).join();
        Exchanger<Object> exchanger = new Exchanger<>();
        try {
            exchanger.exchange("x", 1, TimeUnit.NANOSECONDS);
        } catch (TimeoutException | InterruptedException expected) {
            // nobody else exchanges: the node stays in this thread's ThreadLocal
        }
        return List.of(pool, exchanger);
    }

    /** Allocates a few of each, with arrays of every element type and lengths that probe padding. */
    static List<Object> build() {
        List<Object> all = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            all.add(new ByteAndLong());
            all.add(new FillsParentHole());
            all.add(new EveryWidth());
            all.add(new OnlyRefs());
            all.add(new LongChild());
            all.add(new Empty());
            all.add(new Point(i, i, (byte) i, "p" + i));
        }
        all.add(new ThreadChild());
        all.add(new ThreadGrandChild());
        all.add(StackWalker.getInstance().walk(frames -> frames.findFirst().orElseThrow())); // StackFrameInfo
        all.addAll(contendedJdkObjects());
        for (int len = 0; len < 9; len++) {
            all.add(new boolean[len]);
            all.add(new byte[len]);
            all.add(new char[len]);
            all.add(new short[len]);
            all.add(new int[len]);
            all.add(new float[len]);
            all.add(new long[len]);
            all.add(new double[len]);
            all.add(new Object[len]);
            all.add(new LayoutZoo.Point[len]);
            all.add(new int[len][]);
        }
        return all;
    }
}
