package dev.heapchain.hprof.testing;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Finds record and sub-record boundaries in written bytes, for {@link DumpDamage}. */
final class HprofScan {
    private final ByteBuffer buf;
    final int idSize;
    final int headerLength;

    HprofScan(byte[] hprof) {
        buf = ByteBuffer.wrap(hprof);
        int nul = 0;
        while (hprof[nul] != 0) {
            nul++;
        }
        idSize = buf.getInt(nul + 1);
        headerLength = nul + 1 + 4 + 8;
    }

    /** Complete top-level records only: scanning stops where a length overshoots the end. */
    List<DumpDamage.Span> records() {
        List<DumpDamage.Span> spans = new ArrayList<>();
        int pos = headerLength;
        while (pos + 9 <= buf.limit()) {
            long end = pos + 9L + Integer.toUnsignedLong(buf.getInt(pos + 5));
            if (end > buf.limit()) {
                break;
            }
            spans.add(new DumpDamage.Span(pos, (int) end, buf.get(pos) & 0xFF));
            pos = (int) end;
        }
        return spans;
    }

    List<DumpDamage.Span> subRecords(DumpDamage.Span record) {
        List<DumpDamage.Span> spans = new ArrayList<>();
        int pos = record.offset() + 9;
        while (pos < record.end()) {
            int tag = buf.get(pos) & 0xFF;
            int end = pos + 1 + subRecordBodySize(tag, pos + 1);
            spans.add(new DumpDamage.Span(pos, end, tag));
            pos = end;
        }
        return spans;
    }

    private int subRecordBodySize(int tag, int body) {
        int id = idSize;
        RootKind root = RootKind.ofSubTag(tag);
        if (root != null) {
            return root.bodySize(id);
        }
        switch (tag) {
            case HprofTag.CLASS_DUMP:
                return classDumpSize(body);
            case HprofTag.INSTANCE_DUMP:
                return id + 4 + id + 4 + buf.getInt(body + id + 4 + id);
            case HprofTag.OBJ_ARRAY_DUMP:
                return id + 4 + 4 + id + buf.getInt(body + id + 4) * id;
            case HprofTag.PRIM_ARRAY_DUMP: {
                int count = buf.getInt(body + id + 4);
                BasicType t = BasicType.ofCode(buf.get(body + id + 8));
                return id + 4 + 4 + 1 + count * t.size(id);
            }
            case HprofTag.PRIM_ARRAY_NODATA:
                return id + 4 + 4 + 1;
            case HprofTag.HEAP_DUMP_INFO:
                return 4 + id;
            default:
                throw new IllegalArgumentException(String.format(
                        "unknown heap sub-tag 0x%02x at offset 0x%x", tag, body - 1));
        }
    }

    private int classDumpSize(int body) {
        int pos = body + 7 * idSize + 4 + 4;
        int constants = buf.getShort(pos) & 0xFFFF;
        pos += 2;
        for (int i = 0; i < constants; i++) {
            pos += 2 + 1 + BasicType.ofCode(buf.get(pos + 2)).size(idSize);
        }
        int statics = buf.getShort(pos) & 0xFFFF;
        pos += 2;
        for (int i = 0; i < statics; i++) {
            pos += idSize + 1 + BasicType.ofCode(buf.get(pos + idSize)).size(idSize);
        }
        int fields = buf.getShort(pos) & 0xFFFF;
        pos += 2 + fields * (idSize + 1);
        return pos - body;
    }
}
