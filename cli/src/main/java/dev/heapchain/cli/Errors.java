package dev.heapchain.cli;

import dev.heapchain.hprof.HprofFormatException;
import picocli.CommandLine;

import java.io.PrintWriter;

/** Turns failures into one-line messages and exit codes; a stack trace only with HEAPCHAIN_DEBUG set. */
final class Errors {
    private Errors() {
    }

    /** A failure the user can act on: printed as-is with its exit code. */
    static final class UserError extends RuntimeException {
        final ExitCode code;

        UserError(ExitCode code, String message) {
            super(message);
            this.code = code;
        }
    }

    static final class ExitCodes implements CommandLine.IExitCodeExceptionMapper {
        @Override
        public int getExitCode(Throwable t) {
            return classify(t).code();
        }
    }

    static ExitCode classify(Throwable t) {
        if (t instanceof UserError u) {
            return u.code;
        }
        if (t instanceof HprofFormatException) {
            return ExitCode.UNREADABLE_DUMP;
        }
        if (t instanceof CommandLine.ParameterException) {
            return ExitCode.USAGE;
        }
        return ExitCode.INTERNAL_ERROR;
    }

    static final class Handler implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
            PrintWriter err = cmd.getErr();
            ExitCode code = classify(e);
            if (OutOfMemory.isCause(e)) {
                return OutOfMemory.report(err, RunScope.current().largestDumpBytes(), e);
            }
            if (e instanceof java.io.UncheckedIOException u) {
                err.println("heapchain: error: " + u.getCause().getMessage());
                code = ExitCode.UNREADABLE_DUMP;
            } else if (code == ExitCode.INTERNAL_ERROR) {
                err.println("heapchain: internal error: " + e + " (set HEAPCHAIN_DEBUG=1 for a stack trace)");
            } else {
                err.println("heapchain: error: " + e.getMessage());
            }
            if (System.getenv("HEAPCHAIN_DEBUG") != null) {
                e.printStackTrace(err);
            }
            err.flush();
            return code.code();
        }
    }

    static final class UsageHandler implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] args) {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("heapchain: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
            err.flush();
            return ExitCode.USAGE.code();
        }
    }
}
