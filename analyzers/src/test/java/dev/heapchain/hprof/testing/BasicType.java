package dev.heapchain.hprof.testing;

/** HPROF basic type codes, as used by field declarations, values and primitive arrays. */
public enum BasicType {
    OBJECT(2, 0, 'L', "java.lang.Object"),
    BOOLEAN(4, 1, 'Z', "boolean"),
    CHAR(5, 2, 'C', "char"),
    FLOAT(6, 4, 'F', "float"),
    DOUBLE(7, 8, 'D', "double"),
    BYTE(8, 1, 'B', "byte"),
    SHORT(9, 2, 'S', "short"),
    INT(10, 4, 'I', "int"),
    LONG(11, 8, 'J', "long");

    private final int code;
    private final int fixedSize;
    private final char descriptor;
    private final String javaName;

    BasicType(int code, int fixedSize, char descriptor, String javaName) {
        this.code = code;
        this.fixedSize = fixedSize;
        this.descriptor = descriptor;
        this.javaName = javaName;
    }

    public int code() {
        return code;
    }

    /** Object values take the dump's identifier size; everything else is fixed. */
    public int size(int idSize) {
        return this == OBJECT ? idSize : fixedSize;
    }

    /** JVM descriptor letter: 'B' for byte, 'L' for object. */
    public char descriptor() {
        return descriptor;
    }

    public String javaName() {
        return javaName;
    }

    public static BasicType ofCode(int code) {
        for (BasicType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("no basic type " + code);
    }

    static BasicType ofDescriptor(char c) {
        for (BasicType t : values()) {
            if (t.descriptor == c) {
                return t;
            }
        }
        throw new IllegalArgumentException("no basic type for descriptor " + c);
    }
}
