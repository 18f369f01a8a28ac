package dev.heapchain.hprof;

/** HPROF basic type codes (HotSpot heapDumper.cpp, "basic type" table). OBJECT is id-sized. */
public enum HprofBasicType {
    OBJECT(2, -1, "Object"),
    BOOLEAN(4, 1, "boolean"),
    CHAR(5, 2, "char"),
    FLOAT(6, 4, "float"),
    DOUBLE(7, 8, "double"),
    BYTE(8, 1, "byte"),
    SHORT(9, 2, "short"),
    INT(10, 4, "int"),
    LONG(11, 8, "long");

    private static final HprofBasicType[] BY_CODE = new HprofBasicType[12];

    static {
        for (HprofBasicType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;
    private final int size;
    private final String javaName;

    HprofBasicType(int code, int size, String javaName) {
        this.code = code;
        this.size = size;
        this.javaName = javaName;
    }

    public int code() {
        return code;
    }

    /** Size in the dump; OBJECT answers the id size. */
    public int size(int idSize) {
        return size < 0 ? idSize : size;
    }

    public boolean isPrimitive() {
        return this != OBJECT;
    }

    /** Java keyword for primitives ("int"), "Object" for references. */
    public String javaName() {
        return javaName;
    }

    /** Null for codes outside the table: callers turn that into a format error with an offset. */
    public static HprofBasicType ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
