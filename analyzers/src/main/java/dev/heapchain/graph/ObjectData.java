package dev.heapchain.graph;

import dev.heapchain.hprof.HprofBasicType;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The body of one object as read from the dump.
 *
 * @param elementType null for instances; the element type for arrays
 * @param bytes       field bytes, or array element bytes (possibly capped)
 * @param length      array length (elements), or field byte count for instances
 */
public record ObjectData(HprofBasicType elementType, byte[] bytes, int length, int idSize) {

    /** Raw bits of a field at a byte offset (an id for OBJECT), or 0 when past the end. */
    public long value(int offset, HprofBasicType type) {
        int size = type.size(idSize);
        if (offset + size > bytes.length) {
            return 0;
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        return switch (type) {
            case OBJECT -> idSize == 8 ? b.getLong(offset) : b.getInt(offset) & 0xFFFFFFFFL;
            case BOOLEAN, BYTE -> b.get(offset);
            case CHAR -> b.getChar(offset);
            case SHORT -> b.getShort(offset);
            case INT, FLOAT -> b.getInt(offset);
            case LONG, DOUBLE -> b.getLong(offset);
        };
    }

    /** Elements kept (may be fewer than length when the array was capped). */
    public int elementsKept() {
        return elementType == null ? 0 : bytes.length / elementType.size(idSize);
    }
}
