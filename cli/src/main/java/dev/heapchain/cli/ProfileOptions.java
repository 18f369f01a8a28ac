package dev.heapchain.cli;

import dev.heapchain.analysis.chain.Profile;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Which snapshot chains to look for: shared by analyze and by compare and trend when given dumps. */
final class ProfileOptions {
    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "automq", description = "Built-in profile (default: ${DEFAULT-VALUE}).")
    String profileName;

    @Option(names = "--profile-file", paramLabel = "FILE", description = "A profile of your own, as JSON (see docs/guide.md).")
    Path profileFile;

    @Option(names = "--class", paramLabel = "NAME", description = "Ad-hoc profile: a class whose instances carry an epoch (repeatable).")
    List<String> classes;

    @Option(names = "--epoch-field", paramLabel = "PATH", description = "Ad-hoc profile: the epoch field, e.g. epoch or provenance.offset.")
    String epochField;

    @Option(names = "--link-field", paramLabel = "NAME", description = "Ad-hoc profile: a field linking snapshots, e.g. prev (repeatable).")
    List<String> linkFields;

    @Option(names = "--max-live-epochs", paramLabel = "N", defaultValue = "32",
            description = "A chain longer than this, or whose oldest epoch trails the newest by more, is a leak (default: ${DEFAULT-VALUE}).")
    int maxLiveEpochs;

    int maxLiveEpochs(CommandLine cmd) {
        if (maxLiveEpochs < 1) {
            throw new CommandLine.ParameterException(cmd, "--max-live-epochs must be 1 or more, not " + maxLiveEpochs);
        }
        return maxLiveEpochs;
    }

    Profile profile(CommandLine cmd) {
        boolean adHoc = classes != null || epochField != null || linkFields != null;
        if (adHoc) {
            if (classes == null || epochField == null) {
                throw new CommandLine.ParameterException(cmd, "an ad-hoc profile needs --class and --epoch-field (and usually --link-field)");
            }
            if (profileFile != null) {
                throw new CommandLine.ParameterException(cmd, "use either --profile-file or --class/--epoch-field, not both");
            }
            return Profile.adHoc(classes, epochField, linkFields == null ? List.of() : linkFields);
        }
        if (profileFile != null) {
            try {
                return Profile.fromFile(profileFile);
            } catch (IOException | IllegalArgumentException e) {
                throw new Errors.UserError(ExitCode.USAGE, "cannot use profile " + profileFile + ": " + e.getMessage());
            }
        }
        try {
            return Profile.builtIn(profileName);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cmd, e.getMessage());
        }
    }
}
