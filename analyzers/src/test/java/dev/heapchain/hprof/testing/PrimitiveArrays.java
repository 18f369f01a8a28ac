package dev.heapchain.hprof.testing;

import java.nio.ByteBuffer;

/** Turns a Java primitive array into HPROF's big-endian element bytes. */
final class PrimitiveArrays {
    record Encoded(BasicType type, int count, byte[] bytes) {
    }

    private PrimitiveArrays() {
    }

    static Encoded encode(Object a) {
        if (a instanceof byte[] v) {
            return new Encoded(BasicType.BYTE, v.length, v.clone());
        }
        if (a instanceof boolean[] v) {
            byte[] out = new byte[v.length];
            for (int i = 0; i < v.length; i++) {
                out[i] = (byte) (v[i] ? 1 : 0);
            }
            return new Encoded(BasicType.BOOLEAN, v.length, out);
        }
        if (a instanceof char[] v) {
            ByteBuffer b = ByteBuffer.allocate(v.length * 2);
            b.asCharBuffer().put(v);
            return new Encoded(BasicType.CHAR, v.length, b.array());
        }
        if (a instanceof short[] v) {
            ByteBuffer b = ByteBuffer.allocate(v.length * 2);
            b.asShortBuffer().put(v);
            return new Encoded(BasicType.SHORT, v.length, b.array());
        }
        if (a instanceof int[] v) {
            ByteBuffer b = ByteBuffer.allocate(v.length * 4);
            b.asIntBuffer().put(v);
            return new Encoded(BasicType.INT, v.length, b.array());
        }
        if (a instanceof long[] v) {
            ByteBuffer b = ByteBuffer.allocate(v.length * 8);
            b.asLongBuffer().put(v);
            return new Encoded(BasicType.LONG, v.length, b.array());
        }
        if (a instanceof float[] v) {
            ByteBuffer b = ByteBuffer.allocate(v.length * 4);
            b.asFloatBuffer().put(v);
            return new Encoded(BasicType.FLOAT, v.length, b.array());
        }
        if (a instanceof double[] v) {
            ByteBuffer b = ByteBuffer.allocate(v.length * 8);
            b.asDoubleBuffer().put(v);
            return new Encoded(BasicType.DOUBLE, v.length, b.array());
        }
        throw new IllegalArgumentException("not a primitive array: " + a);
    }
}
