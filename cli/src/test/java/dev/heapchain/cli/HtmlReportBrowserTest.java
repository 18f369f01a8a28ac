package dev.heapchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heapchain.fixtures.Variant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.logging.Level;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Opens `analyze --html` reports in headless Chromium: the fixtures' leaky dump and a dump whose
 * class, field and thread names are markup; then `compare --html` and `trend --html` pages, from
 * fixture reports and from reports whose class names are markup. Screenshots go to target/html-report/.
 */
class HtmlReportBrowserTest {
    private static final Path SHOTS = Path.of("target", "html-report");
    private static final Pattern REMOTE_URL = Pattern.compile("(?i)(src|href|action)\\s*=\\s*[\"']?\\s*(https?:)?//");

    @TempDir
    static Path dir;
    private static ChromeDriver driver;

    @BeforeAll
    static void startBrowser() throws Exception {
        Chromium.requireOrSkip();
        Files.createDirectories(SHOTS);
        driver = Chromium.start(Files.createDirectory(dir.resolve("profile")));
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void leakyFixtureReport() throws Exception {
        Path dump = dir.resolve("leaky.hprof");
        Cli f = Cli.run("fixture", "--variant", "leaky", "--images", "2000", "--catch-up", "3", "--out", dump.toString());
        assertEquals(0, f.code(), f.toString());
        Path html = report(dump, "leaky.html");
        open(html);

        assertTrue(text("#verdict-title").contains("VERDICT: LEAK"), text("#verdict-title"));
        List<WebElement> bars = driver.findElements(By.cssSelector("#chart rect.bar"));
        assertEquals(500, bars.size(), "2,000 epochs in 500 bars");
        new Actions(driver).moveToElement(bars.get(10)).perform();
        assertTrue(text("#chart-readout").matches("epochs \\d+.\\d+ \\(4 epochs\\): \\d+ snapshots, .* retained.*"),
                text("#chart-readout"));
        String linear = bars.get(10).getAttribute("height");
        driver.findElement(By.id("log-scale")).click();
        WebElement logBar = driver.findElements(By.cssSelector("#chart rect.bar")).get(10);
        assertFalse(linear.equals(logBar.getAttribute("height")), "log scale redraws the bars");
        driver.findElement(By.id("log-scale")).click();

        List<WebElement> steps = expandFirstChain();
        screenshot("leaky.png"); // verdict, chart and an unfolded path, before the checks below scroll away
        assertTrue(steps.stream().anyMatch(s -> s.getText().startsWith(".snapshotRegistry \u2192 org.apache.kafka.timeline.SnapshotRegistry")),
                "path steps show field and class");
        assertTrue(text("#pin-list").contains("live-epoch list"), text("#pin-list"));
        // The drawn chain: root, path, owner, container, oldest and newest snapshot, and the pin on the owner.
        String drawn = text("#chain-drawing");
        assertTrue(drawn.matches("(?s)GC ROOT\\s+Java frame.*PATH\\s+\\d+ objects.*OWNER\\s+RegistryRef\\.registry.*CONTAINER\\s+SnapshotRegistry"
                + ".*OLDEST SNAPSHOT\\s+epoch 0.*1,998 more.*NEWEST SNAPSHOT\\s+epoch 1999.*pins the owner:.*LIVE-EPOCH LIST\\s+\\[0, 1, 1999\\], head 0.*"),
                drawn);
        assertEquals(1, driver.findElements(By.cssSelector("#chain-drawing .box.pinned")).size(), "the pinned owner is marked");
        // Leak suspects: the loader of the images, with the path to where its memory accumulates, folded.
        List<WebElement> suspects = driver.findElements(By.cssSelector("#suspect-table > tbody > tr.expandable"));
        assertFalse(suspects.isEmpty(), text("#suspects-note"));
        assertTrue(suspects.get(0).getText().contains("org.apache.kafka.image.loader.MetadataLoader"), suspects.get(0).getText());
        WebElement suspectPath = driver.findElement(By.cssSelector("#suspect-table tr.detail"));
        assertFalse(suspectPath.isDisplayed());
        suspects.get(0).findElement(By.cssSelector("button.expand")).click();
        assertTrue(suspectPath.findElements(By.cssSelector("ol.path li.step")).size() >= 2, "the suspect's path unfolds");
        assertTrue(text("#facts").contains(" class objects; "), "the page splits the object count as the histogram does");
        List<WebElement> groups = driver.findElements(By.cssSelector("#group-table > tbody > tr.expandable"));
        assertEquals(1, groups.size(), "both registries' chains are one owner group");
        assertTrue(groups.get(0).getText().matches("\\W*RegistryRef.registry LEAK 2 4,000 .*"), groups.get(0).getText());
        WebElement members = driver.findElement(By.cssSelector("#group-table tr.detail"));
        assertFalse(members.isDisplayed());
        groups.get(0).findElement(By.cssSelector("button.expand")).click();
        List<WebElement> rows = members.findElements(By.cssSelector("table.inner > tbody > tr"));
        assertEquals(2, rows.size(), "the group unfolds to its chains");
        assertTrue(rows.get(0).getText().contains("LEAK 2,000 0\u20131999 liveEpochs[0] = 0: 0 below, 1,999 above"), rows.get(0).getText());
        assertTrue(driver.findElements(By.cssSelector("#histogram-table tbody tr")).size() > 100);
        driver.findElement(By.id("histogram-filter")).sendKeys("timeline.Snapshot");
        assertTrue(driver.findElements(By.cssSelector("#histogram-table tbody tr")).stream()
                .allMatch(r -> r.getText().contains("timeline.Snapshot")));
        driver.findElement(By.id("histogram-filter")).clear();

        checkQuietAndOffline(html);
    }

    @Test
    void kafkaOwnersGetAGroupAndAChartEach() throws Exception {
        // A controller (offsets in the 65,000s) and three coordinator shards (offsets from 0): two epoch spaces.
        dev.heapchain.analysis.chain.KafkaHeap heap = new dev.heapchain.analysis.chain.KafkaHeap()
                .controller(65528, 66894, dev.heapchain.analysis.chain.KafkaHeap.offsets(65528, 105, 14));
        for (int p = 0; p < 3; p++) {
            heap.coordinator("__consumer_offsets", p, 0, 2, 0, 1, 2);
        }
        Path html = report(heap.write(dir.resolve("kafka.hprof")), "kafka.html");
        open(html);

        assertTrue(text("#verdict-title").startsWith("VERDICT: no leak: 23 snapshots in 4 chains hold "), text("#verdict-title"));
        List<WebElement> groups = driver.findElements(By.cssSelector("#group-table > tbody > tr.expandable"));
        assertEquals(2, groups.size());
        List<WebElement> options = driver.findElements(By.cssSelector("#epoch-group option"));
        assertEquals(2, options.size(), "one chart per owner group");
        int first = driver.findElements(By.cssSelector("#chart rect.bar")).size();
        options.get(1).click();
        int second = driver.findElements(By.cssSelector("#chart rect.bar")).size();
        assertEquals(java.util.Set.of(3, 14), java.util.Set.of(first, second), "3 coordinator epochs, 14 controller offsets: "
                + first + ", " + second);
        assertTrue(text("#chain-table").contains("offsetControl.lastStableOffset = 65528: 0 below, 13 above"), text("#chain-table"));
        screenshot("kafka.png");

        checkQuietAndOffline(html);
    }

    @Test
    void hostileNamesStayText() throws Exception {
        Path html = report(ChainDumps.hostile(dir), "hostile.html", ChainDumps.hostileProfile());
        open(html);

        assertTrue(text("#verdict-title").contains("VERDICT: SUSPECT"), "50 snapshots without a watermark: suspect");
        assertEquals(50, driver.findElements(By.cssSelector("#chart rect.bar")).size());
        List<WebElement> steps = expandFirstChain();
        screenshot("hostile.png");
        assertTrue(steps.stream().anyMatch(s -> s.getText().equals("." + ChainDumps.SCRIPT + " \u2192 " + ChainDumps.IMG
                + " " + s.findElement(By.className("object-id")).getText())), "the names render as text");
        JavascriptExecutor js = driver;
        assertEquals(0L, js.executeScript("return document.querySelectorAll('img').length"));
        assertEquals(3L, js.executeScript("return document.scripts.length"), "no injected script element");
        // Thread names are shown by default (names, not values), as text like every other name.
        assertEquals(0L, js.executeScript("return document.querySelectorAll('b').length"), "the thread name is no markup");
        assertTrue(text("#values-note").startsWith("Redaction: values (the default)."), text("#values-note"));

        checkQuietAndOffline(html);
    }

    @Test
    void comparePageShowsVerdictChainsPinsAndClasses() throws Exception {
        Path html = dir.resolve("compare.html");
        Cli r = Cli.run("compare", "-q", FixtureSet.report(Variant.FIXED, 800, 1_000).toString(),
                FixtureSet.report(Variant.LEAKY, 800, 2_000).toString(), "--html", html.toString());
        assertEquals(0, r.code(), r.toString());
        open(html);

        assertEquals("COMPARE: REGRESSED", text("#verdict-title"));
        assertTrue(text("#verdict .reasons").contains("registryRef: no leak -> LEAK"), text("#verdict .reasons"));
        List<WebElement> chains = driver.findElements(By.cssSelector("#chain-table tbody tr"));
        assertEquals(2, chains.size());
        for (WebElement c : chains) {
            assertTrue(c.getText().startsWith("matched, worse (LEAK) RegistryRef.registry at SoakResult.loader.image."), c.getText());
            assertTrue(c.getText().contains(" 1 800 +799 "), "snapshots before, after and the delta: " + c.getText());
            assertEquals(2, c.findElements(By.cssSelector("svg.pair-bars rect")).size());
        }
        assertEquals("bookkeeping pin by java.util.ArrayList", text("#new-pins li"));
        assertEquals("No pin vanished.", text("#vanished-pins li"));
        List<WebElement> classes = driver.findElements(By.cssSelector("#class-table tbody tr"));
        assertEquals(10, classes.size(), "--top 10");
        assertTrue(classes.stream().anyMatch(c -> c.getText().startsWith("org.apache.kafka.timeline.Snapshot +")),
                "the snapshot class grew");
        screenshot("compare.png");

        checkQuietAndOffline(html);
    }

    @Test
    void trendPageDrawsBothLinesAndTheirFits() throws Exception {
        long t0 = 1_700_000_000_000L;
        long hour = 3_600_000L;
        Path html = dir.resolve("trend.html");
        Cli r = Cli.run("trend", "-q", FixtureSet.report(Variant.LEAKY, 800, t0 + 3 * hour).toString(),
                FixtureSet.report(Variant.LEAKY, 200, t0).toString(), FixtureSet.report(Variant.LEAKY, 400, t0 + hour).toString(),
                "--fail-on-growth", "100KB/h", "--html", html.toString());
        assertEquals(ExitCode.LEAK.code(), r.code(), r.toString());
        open(html);

        assertEquals("TREND: GROWTH over 100.0 KB/h", text("#verdict-title"));
        assertTrue(text("#verdict .reasons").startsWith("snapshot chains grow by "), text("#verdict .reasons"));
        // The chains start at a few hundred KB, too small a base for a percentage; the heap at over 1 MB.
        assertTrue(text("#chain-rate").matches("\\d+\\.\\d [KM]B/h \\(first dump \\d+\\.\\d KB, too small a base for a percentage\\)"),
                text("#chain-rate"));
        assertTrue(text("#heap-rate").matches("\\d+\\.\\d [KM]B/h \\(\\+\\d+\\.\\d%/h\\)"), text("#heap-rate"));
        List<WebElement> lines = driver.findElements(By.cssSelector("#chart polyline.line"));
        assertEquals(2, lines.size(), "chains and live heap");
        for (WebElement line : lines) {
            double[] y = ys(line.getAttribute("points"));
            assertEquals(3, y.length, "a point per dump");
            assertTrue(y[0] > y[1] && y[1] > y[2], "both rise over the leaky runs (SVG y grows downwards): "
                    + line.getAttribute("points"));
        }
        assertEquals(2, driver.findElements(By.cssSelector("#chart line.fit")).size());
        List<WebElement> dots = driver.findElements(By.cssSelector("#chart circle.dot.chains"));
        new Actions(driver).moveToElement(dots.get(2)).perform();
        assertTrue(text("#chart-readout").startsWith("snapshot chains retained: ") && text("#chart-readout").contains("at +3.0 h"),
                text("#chart-readout"));
        List<WebElement> rows = driver.findElements(By.cssSelector("#dump-table > tbody > tr.expandable"));
        assertEquals(3, rows.size());
        assertTrue(rows.get(0).getText().contains("2023-11-14 22:13:20 UTC +0.0 min LEAK 400 0\u2013199"), rows.get(0).getText());
        screenshot("trend.png");

        checkQuietAndOffline(html);
    }

    @Test
    void compareWithHostileClassNamesStaysText() throws Exception {
        Path html = dir.resolve("compare-hostile.html");
        Cli r = Cli.run("compare", "-q", HostileReports.write(dir, "h-base", 10, 1_000).toString(),
                HostileReports.write(dir, "h-cur", 50, 2_000).toString(), "--html", html.toString());
        assertEquals(0, r.code(), r.toString());
        open(html);

        assertEquals("COMPARE: REGRESSED", text("#verdict-title"));
        String key = text("#chain-table tbody td.key");
        assertTrue(key.endsWith("script> (Java frame root)"), key);
        assertTrue(driver.findElements(By.cssSelector("#class-table td.class-name")).stream()
                .anyMatch(c -> c.getText().equals(ChainDumps.IMG)), "the snapshot class's name as text");
        screenshot("compare-hostile.png");
        JavascriptExecutor js = driver;
        assertEquals(0L, js.executeScript("return document.querySelectorAll('img').length"));
        assertEquals(3L, js.executeScript("return document.scripts.length"), "no injected script element");

        checkQuietAndOffline(html);
    }

    /** The y coordinates of an SVG polyline's "x,y x,y ..." points. */
    private static double[] ys(String points) {
        return java.util.Arrays.stream(points.trim().split("\\s+")).mapToDouble(p -> Double.parseDouble(p.split(",")[1])).toArray();
    }

    private static Path report(Path dump, String name, String... more) {
        Path html = dir.resolve(name);
        List<String> args = new java.util.ArrayList<>(List.of("analyze", "-q", dump.toString(), "--html", html.toString()));
        args.addAll(List.of(more));
        Cli r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.toString());
        return html;
    }

    private static void open(Path html) {
        driver.manage().logs().get(LogType.BROWSER); // drop what earlier pages logged
        driver.manage().logs().get(LogType.PERFORMANCE);
        driver.get(html.toUri().toString());
    }

    private static String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    /** Clicks the first chain row open; returns the visible path steps under it. */
    private static List<WebElement> expandFirstChain() {
        WebElement detail = driver.findElement(By.cssSelector("#chain-table tr.detail"));
        assertFalse(detail.isDisplayed(), "paths start folded");
        driver.findElement(By.cssSelector("#chain-table button.expand")).click();
        assertTrue(detail.isDisplayed(), "a click unfolds the row");
        List<WebElement> steps = detail.findElements(By.cssSelector("ol.path li.step"));
        assertTrue(steps.size() >= 2, "path rows");
        return steps;
    }

    /** No console errors, no request but the file itself, no remote address in the markup. */
    private static void checkQuietAndOffline(Path html) throws Exception {
        List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).map(LogEntry::getMessage).toList();
        assertEquals(List.of(), errors, "console");
        String page = html.toUri().toString();
        ObjectMapper m = new ObjectMapper();
        for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE).getAll()) {
            JsonNode msg = m.readTree(e.getMessage()).get("message");
            if (msg.get("method").asText().equals("Network.requestWillBeSent")) {
                String url = msg.at("/params/request/url").asText();
                assertEquals(page, url, "the page requested something other than itself");
            }
        }
        assertEquals(0L, ((JavascriptExecutor) driver).executeScript("return performance.getEntriesByType('resource').length"));
        assertFalse(REMOTE_URL.matcher(Files.readString(html)).find(), "a remote address in src/href");
    }

    private static void screenshot(String name) throws Exception {
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
