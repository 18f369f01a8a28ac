package dev.heapchain.hprof.testing;

import java.util.Arrays;

/** Growable big-endian buffer that knows the dump's identifier size. */
final class ByteSink {
    private final int idSize;
    private byte[] buf = new byte[64];
    private int size;

    ByteSink(int idSize) {
        if (idSize != 4 && idSize != 8) {
            throw new IllegalArgumentException("id size must be 4 or 8, not " + idSize);
        }
        this.idSize = idSize;
    }

    int size() {
        return size;
    }

    ByteSink u1(int v) {
        ensure(1);
        buf[size++] = (byte) v;
        return this;
    }

    ByteSink u2(int v) {
        return number(v, 2);
    }

    ByteSink u4(long v) {
        return number(v, 4);
    }

    ByteSink u8(long v) {
        return number(v, 8);
    }

    /** 4-byte ids are unsigned addresses; refusing wider values catches id-allocation bugs early. */
    ByteSink id(long v) {
        if (idSize == 4 && (v >>> 32) != 0) {
            throw new IllegalArgumentException(
                    "id 0x" + Long.toHexString(v) + " does not fit 4-byte ids");
        }
        return number(v, idSize);
    }

    ByteSink value(HprofValue v) {
        return v.type() == BasicType.OBJECT ? id(v.bits()) : number(v.bits(), v.type().size(idSize));
    }

    ByteSink bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
        return this;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    private ByteSink number(long v, int width) {
        ensure(width);
        for (int shift = (width - 1) * 8; shift >= 0; shift -= 8) {
            buf[size++] = (byte) (v >>> shift);
        }
        return this;
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }
}
