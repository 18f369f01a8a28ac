package dev.heapchain.report.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.heapchain.report.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a page template from this package's resources. Every report page (analyze now; compare
 * and trend later) is a template plus a JSON data island that the page's own script renders, so
 * no markup is built from dump data in Java. Placeholders, replaced in one pass over the template
 * only (inserted text is never scanned again):
 * <ul>
 *   <li>{@code {{text:NAME}}}: a value from the slots, HTML-escaped (static markup for readers without script);</li>
 *   <li>{@code {{include:FILE}}}: a resource of this package inlined as is (our CSS and JS, trusted);</li>
 *   <li>{@code {{data}}}: the data island, escaped so it cannot close its script element;</li>
 *   <li>{@code {{csp}}}: a Content-Security-Policy allowing only the included scripts and styles, by hash,
 *       and no network address at all.</li>
 * </ul>
 */
public final class HtmlPage {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(text:|include:)?([\\w.-]+)}}");

    private HtmlPage() {
    }

    public static void write(String template, Map<String, String> slots, JsonNode data, Writer out) throws IOException {
        out.write(render(template, slots, data));
        out.flush();
    }

    static String render(String template, Map<String, String> slots, JsonNode data) {
        String page = resource(template);
        String json;
        try {
            json = Html.scriptJson(Json.mapper().writeValueAsString(data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
        StringBuilder b = new StringBuilder(page.length() + json.length() + 65536);
        Matcher m = PLACEHOLDER.matcher(page);
        int at = 0;
        while (m.find()) {
            b.append(page, at, m.start());
            String kind = m.group(1);
            String name = m.group(2);
            if ("text:".equals(kind)) {
                String v = slots.get(name);
                if (v == null) {
                    throw new IllegalArgumentException("template " + template + " needs slot '" + name + "'");
                }
                b.append(Html.text(v));
            } else if ("include:".equals(kind)) {
                b.append(resource(name));
            } else if (name.equals("data")) {
                b.append(json);
            } else if (name.equals("csp")) {
                b.append(csp(page));
            } else {
                throw new IllegalArgumentException("template " + template + " has unknown placeholder " + m.group());
            }
            at = m.end();
        }
        b.append(page, at, page.length());
        return b.toString();
    }

    /**
     * default-src 'none' forbids every fetch (images, fonts, XHR, frames); scripts and styles run only
     * if their text hashes to one we included, so even an escaping bug could not run injected script.
     */
    private static String csp(String page) {
        List<String> scripts = new ArrayList<>();
        List<String> styles = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(page);
        while (m.find()) {
            if ("include:".equals(m.group(1))) {
                String name = m.group(2);
                String hash = "'sha256-" + sha256(resource(name)) + "'";
                (name.endsWith(".css") ? styles : scripts).add(hash);
            }
        }
        return "default-src 'none'; script-src " + String.join(" ", scripts) + "; style-src " + String.join(" ", styles)
                + "; img-src data:; base-uri 'none'; form-action 'none'";
    }

    private static String sha256(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    static String resource(String name) {
        try (InputStream in = HtmlPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " next to " + HtmlPage.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
