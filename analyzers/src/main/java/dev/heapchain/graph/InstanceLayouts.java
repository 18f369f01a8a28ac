package dev.heapchain.graph;

import java.util.ArrayDeque;

/**
 * Computes the instance size of every class under a {@link SizeModel} by replaying the JVM's field
 * layout, superclass first. Classes are processed with an explicit stack: a hostile dump may hold
 * very deep hierarchies. The fields are the dump's declared fields plus the VM's hidden ones
 * ({@link InjectedFields}), with {@code @Contended} padding where the JDK asks for it
 * ({@link ContendedFields}).
 */
public final class InstanceLayouts {
    private InstanceLayouts() {
    }

    /** Instance size in bytes of each class, by class index. Array classes get 0. */
    public static int[] sizes(HeapClassTable classes, SizeModel model) {
        int n = classes.size();
        FieldBlock[] layouts = new FieldBlock[n];
        int[] sizes = new int[n];
        InjectedFields.Era era = InjectedFields.Era.of(classes);
        ArrayDeque<HeapClass> stack = new ArrayDeque<>();
        for (HeapClass c : classes.all()) {
            stack.push(c);
            while (!stack.isEmpty()) {
                HeapClass top = stack.peek();
                if (layouts[top.index()] != null) {
                    stack.pop();
                    continue;
                }
                HeapClass s = top.superclass();
                if (s != null && layouts[s.index()] == null) {
                    stack.push(s);
                    continue;
                }
                stack.pop();
                FieldBlock parent = s == null ? FieldBlock.root(model) : layouts[s.index()];
                FieldBlock own = parent.extend(ClassFields.of(top, model, era), model);
                layouts[top.index()] = own;
                sizes[top.index()] = top.isArray() ? 0 : own.instanceSize(model);
            }
        }
        return sizes;
    }
}
