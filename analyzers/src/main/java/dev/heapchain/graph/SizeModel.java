package dev.heapchain.graph;

import dev.heapchain.hprof.HprofBasicType;

/**
 * How shallow sizes are computed: an explicit value, printed in every report. HPROF records neither
 * compressed oops nor the alignment, so {@link SizeModelInference} chooses a model from the dump.
 *
 * @param name                    short stable name, e.g. {@code hotspot-64-coops}
 * @param referenceSize           bytes per reference field or object-array element
 * @param headerSize              instance header bytes (mark word + class pointer)
 * @param arrayLengthOffset       where the array length sits; elements follow, aligned
 * @param alignment               object alignment in bytes
 * @param layout                  field packing rules
 * @param basis                   why this model was chosen, in words
 */
public record SizeModel(String name, int referenceSize, int headerSize, int arrayLengthOffset, int alignment,
                        FieldLayout layout, String basis) {

    public static SizeModel hotspot32(FieldLayout layout) {
        return new SizeModel("hotspot-32", 4, 8, 8, 8, layout, "");
    }

    public static SizeModel hotspot64(FieldLayout layout) {
        return new SizeModel("hotspot-64", 8, 16, 16, 8, layout, "");
    }

    public static SizeModel hotspot64CompressedOops(FieldLayout layout, int alignment) {
        return new SizeModel(alignment == 8 ? "hotspot-64-coops" : "hotspot-64-coops-align" + alignment,
                4, 12, 12, alignment, layout, "");
    }

    /** JDK 15+ with a heap too large for compressed oops but compressed class pointers on. */
    public static SizeModel hotspot64CompressedClassPointers() {
        return new SizeModel("hotspot-64-ccp", 8, 12, 12, 8, FieldLayout.COMPACT, "");
    }

    public static SizeModel art() {
        return new SizeModel("art", 4, 8, 8, 8, FieldLayout.ART, "");
    }

    public SizeModel withBasis(String basis) {
        return new SizeModel(name, referenceSize, headerSize, arrayLengthOffset, alignment, layout, basis);
    }

    /** Full name including the layout, e.g. {@code hotspot-64-coops/compact}. */
    public String id() {
        return name + "/" + layout.name().toLowerCase(java.util.Locale.ROOT);
    }

    public int elementSize(HprofBasicType type) {
        return type == HprofBasicType.OBJECT ? referenceSize : type.size(referenceSize);
    }

    /**
     * Offset of element 0: after the length, aligned to the element size on 64-bit HotSpot (header
     * rounded to a word), and to 8 for long/double on 32-bit (arrayOopDesc::header_size).
     */
    public int arrayBaseOffset(HprofBasicType type) {
        int afterLength = arrayLengthOffset + 4;
        int es = elementSize(type);
        if (layout == FieldLayout.ART) {
            return align(afterLength, es);
        }
        int word = referenceSize == 8 || headerSize > 8 ? 8 : 4;
        int base = align(afterLength, word);
        return es == 8 ? align(base, 8) : base;
    }

    public long arraySize(HprofBasicType type, long length) {
        return align(arrayBaseOffset(type) + length * elementSize(type), alignment);
    }

    public static long align(long value, int to) {
        return (value + to - 1) / to * to;
    }

    public static int align(int value, int to) {
        return (value + to - 1) / to * to;
    }
}
