package dev.heapchain.hprof.testing;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/** Turns a {@link DumpModel} into file bytes, in the record order HotSpot's dumper uses. */
final class DumpAssembler {
    private DumpAssembler() {
    }

    static byte[] assemble(DumpModel m) {
        DumpOptions o = m.opts;
        // Heap bodies first: serialising class dumps interns field names, which need UTF8 records.
        List<List<byte[]>> bodies = new ArrayList<>();
        for (List<Consumer<HeapRecordWriter>> dump : m.dumps) {
            HeapRecordWriter h = new HeapRecordWriter(o.idSize);
            for (HeapClass c : m.classes) {
                for (int k = 0; k < c.classDumpRecords; k++) {
                    h.classDump(classDump(m, c));
                }
            }
            dump.forEach(item -> item.accept(h));
            bodies.add(h.subRecords());
        }
        HprofWriter w = HprofWriter.inMemory(o.version, o.idSize, o.timestampMillis);
        for (Map.Entry<ByteBuffer, Long> name : m.names.entrySet()) {
            w.utf8(name.getValue(), name.getKey().array());
        }
        for (HeapClass c : m.classes) {
            for (int k = 0; k < c.loadClassRecords; k++) {
                w.loadClass(c.serial(), c.id(), DumpModel.DUMMY_TRACE_SERIAL, m.nameId(c.nameBytes));
            }
        }
        for (DumpModel.Frame f : m.frames) {
            w.frame(f.id(), f.methodNameId(), f.signatureId(), f.sourceFileId(), f.classSerial(),
                    f.line());
        }
        w.trace(DumpModel.DUMMY_TRACE_SERIAL, 0);
        for (DumpModel.Trace t : m.traces) {
            w.trace(t.serial(), t.threadSerial(), t.frameIds());
        }
        for (int d = 0; d < bodies.size(); d++) {
            writeDump(w, o, bodies.get(d), d);
        }
        m.unloadedSerials.forEach(w::unloadClass);
        return w.toByteArray();
    }

    /** Own declared fields first, then each superclass's, as INSTANCE_DUMP requires. */
    static byte[] fieldValues(DumpModel m, HeapInstance i) {
        if (i.rawFieldBytes != null) {
            return i.rawFieldBytes;
        }
        ByteSink s = new ByteSink(m.opts.idSize);
        for (HeapClass c : m.hierarchy(i.classId())) {
            for (HeapClass.Field f : c.fields) {
                s.value(i.values.getOrDefault(f, HprofValue.zero(f.type())));
            }
        }
        return s.toByteArray();
    }

    private static void writeDump(HprofWriter w, DumpOptions o, List<byte[]> body, int index) {
        List<byte[]> subs = new ArrayList<>(body);
        if (o.shuffleSeed != null) {
            Collections.shuffle(subs, new Random(o.shuffleSeed + index));
        }
        if (o.singleHeapDump) {
            w.heapDump(subs);
        } else {
            for (int s = 0; s < o.segments; s++) {
                int from = (int) ((long) s * subs.size() / o.segments);
                int to = (int) ((long) (s + 1) * subs.size() / o.segments);
                w.heapDumpSegment(subs.subList(from, to));
            }
        }
        if (o.heapDumpEnd) {
            w.heapDumpEnd();
        }
    }

    private static ClassDump classDump(DumpModel m, HeapClass c) {
        List<ClassDump.StaticField> statics = new ArrayList<>();
        for (HeapClass.Static s : c.statics) {
            statics.add(new ClassDump.StaticField(m.nameId(s.nameBytes()), s.value()));
        }
        List<ClassDump.InstanceField> fields = new ArrayList<>();
        for (HeapClass.Field f : c.fields) {
            fields.add(new ClassDump.InstanceField(m.nameId(f.nameBytes()), f.type()));
        }
        int size = c.instanceSize != null ? c.instanceSize : instanceSize(m, c);
        return new ClassDump(c.id(), DumpModel.DUMMY_TRACE_SERIAL, c.superclassId, c.loaderId, 0, 0,
                size, c.constantPool, statics, fields);
    }

    /** HotSpot's figure: the dump sizes of all fields up the hierarchy, not the real object size. */
    private static int instanceSize(DumpModel m, HeapClass c) {
        int size = 0;
        for (HeapClass k : m.hierarchy(c.id())) {
            for (HeapClass.Field f : k.fields) {
                size += f.type().size(m.opts.idSize);
            }
        }
        return size;
    }
}
