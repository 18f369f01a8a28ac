package dev.heapchain.hprof.testing;

/**
 * One typed value as the dump stores it. Keeping raw bits (float and double as IEEE bits)
 * lets a single big-endian writer serialise every type by its size.
 */
public record HprofValue(BasicType type, long bits) {

    public static HprofValue object(long id) {
        return new HprofValue(BasicType.OBJECT, id);
    }

    public static HprofValue ofBoolean(boolean v) {
        return new HprofValue(BasicType.BOOLEAN, v ? 1 : 0);
    }

    public static HprofValue ofChar(char v) {
        return new HprofValue(BasicType.CHAR, v);
    }

    public static HprofValue ofFloat(float v) {
        return new HprofValue(BasicType.FLOAT, Float.floatToRawIntBits(v) & 0xFFFF_FFFFL);
    }

    public static HprofValue ofDouble(double v) {
        return new HprofValue(BasicType.DOUBLE, Double.doubleToRawLongBits(v));
    }

    public static HprofValue ofByte(byte v) {
        return new HprofValue(BasicType.BYTE, v);
    }

    public static HprofValue ofShort(short v) {
        return new HprofValue(BasicType.SHORT, v);
    }

    public static HprofValue ofInt(int v) {
        return new HprofValue(BasicType.INT, v);
    }

    public static HprofValue ofLong(long v) {
        return new HprofValue(BasicType.LONG, v);
    }

    public static HprofValue zero(BasicType type) {
        return new HprofValue(type, 0);
    }

    /**
     * Converts a convenient Java value to {@code type}, so tests can write {@code 3} for a long
     * field or pass a {@link DumpObject} for a reference. {@code null} means zero / null reference.
     */
    public static HprofValue of(BasicType type, Object v) {
        if (v == null) {
            return zero(type);
        }
        if (v instanceof HprofValue hv) {
            return hv;
        }
        if (v instanceof DumpObject o) {
            return new HprofValue(type, o.id());
        }
        return switch (type) {
            case BOOLEAN -> ofBoolean(v instanceof Boolean b ? b : ((Number) v).longValue() != 0);
            case CHAR -> ofChar(v instanceof Character c ? c : (char) ((Number) v).intValue());
            case FLOAT -> ofFloat(((Number) v).floatValue());
            case DOUBLE -> ofDouble(((Number) v).doubleValue());
            default -> new HprofValue(type, v instanceof Character c ? c : ((Number) v).longValue());
        };
    }
}
