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

    @Option(names = "--sentinel-epoch", paramLabel = "N", description = {"Ad-hoc profile: the epoch of a list-head sentinel, counted apart",
            "(repeatable; default: -9223372036854775808, Long.MIN_VALUE)."})
    List<Long> sentinelEpochs;

    @Option(names = {"--max-snapshots", "--max-live-epochs"}, paramLabel = "N", defaultValue = "32",
            description = {"Snapshots a chain may keep waiting above its owner's trim watermark (or, with no watermark",
                    "known, hold) before it is SUSPECT; a count, never an epoch difference (default: ${DEFAULT-VALUE}).",
                    "LEAK needs evidence: a pin or a breached watermark."})
    int maxSnapshots;

    int maxSnapshots(CommandLine cmd) {
        if (maxSnapshots < 1) {
            throw new CommandLine.ParameterException(cmd, "--max-snapshots must be 1 or more, not " + maxSnapshots);
        }
        return maxSnapshots;
    }

    Profile profile(CommandLine cmd) {
        boolean adHoc = classes != null || epochField != null || linkFields != null || sentinelEpochs != null;
        if (adHoc) {
            if (classes == null || epochField == null) {
                throw new CommandLine.ParameterException(cmd, "an ad-hoc profile needs --class and --epoch-field (and usually --link-field)");
            }
            if (profileFile != null) {
                throw new CommandLine.ParameterException(cmd, "use either --profile-file or --class/--epoch-field, not both");
            }
            return Profile.adHoc(classes, epochField, linkFields == null ? List.of() : linkFields, sentinelEpochs);
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
