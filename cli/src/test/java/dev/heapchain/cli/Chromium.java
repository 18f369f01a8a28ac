package dev.heapchain.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's chromium and chromedriver, driven by Selenium with both paths set explicitly so that
 * Selenium Manager never looks for (or downloads) a browser or driver. .ci/run installs them.
 */
final class Chromium {
    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    /**
     * Selenium warns at every start that it has no CDP binding for this Chromium version; the test
     * uses none (network events come from chromedriver's performance log), so the warning is noise.
     * Held here so the logger, and its level, are not collected.
     */
    private static final Logger CDP_LOG = Logger.getLogger("org.openqa.selenium.devtools");

    private Chromium() {
    }

    /** Skips the calling test class with a notice when the browser is missing; in CI a missing browser is a failure. */
    static void requireOrSkip() {
        if (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER)) {
            return;
        }
        String missing = BROWSER + " or " + DRIVER + " is missing (apt-get install chromium chromium-driver)";
        if ("true".equals(System.getenv("CI"))) {
            fail("CI=true but " + missing + "; .ci/run should have installed them");
        }
        System.err.println("NOTICE: skipping the HTML report's browser test: " + missing);
        Assumptions.abort(missing);
    }

    static ChromeDriver start(Path profileDir) {
        CDP_LOG.setLevel(Level.SEVERE);
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeOptions o = new ChromeOptions();
        o.setBinary(BROWSER.toFile());
        // Without the background-networking flags Chromium itself calls out at start, which this
        // test would count against the page; --user-data-dir keeps every run fresh.
        o.addArguments(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,2600", "--user-data-dir=" + profileDir));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL); // Network.* events: every request the page makes
        o.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort().build();
        return new ChromeDriver(service, o);
    }
}
