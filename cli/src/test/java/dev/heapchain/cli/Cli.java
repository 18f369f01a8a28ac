package dev.heapchain.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process with its own writers, as {@link Main#main} would but without exiting. */
record Cli(int code, String out, String err) {

    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Cli(code, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + code + "\n--- stdout:\n" + out + "\n--- stderr:\n" + err;
    }
}
