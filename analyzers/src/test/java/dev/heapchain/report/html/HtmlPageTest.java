package dev.heapchain.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlPageTest {
    private static final String HOSTILE = "</script><script>alert(1)</script><img src=x onerror=alert(1)>";

    private static Map<String, String> slots(String value) {
        Map<String, String> s = new HashMap<>();
        for (String k : new String[]{"title", "verdict", "verdictClass", "reasons", "file", "format", "objects",
                "reachableHeap", "sizeModel", "profile", "snapshots", "chains", "groups", "largestChain", "tool"}) {
            s.put(k, value);
        }
        return s;
    }

    @Test
    void hostileSlotsAndDataStayText() {
        ObjectMapper m = new ObjectMapper();
        String page = HtmlPage.render("analyze.html", slots(HOSTILE), m.createObjectNode().put("class", HOSTILE));
        // Only the template's own three script elements open, and none is closed early.
        assertEquals(3, count(page, "<script"), page);
        assertEquals(3, count(page, "</script>"));
        assertEquals(0, count(page, "<img"));
        assertTrue(page.contains("&lt;/script&gt;&lt;script&gt;alert(1)"));
        assertTrue(page.contains("\\u003c/script\\u003e"));
    }

    @Test
    void cspAllowsExactlyTheInlinedScriptsAndNoNetwork() throws Exception {
        String page = HtmlPage.render("analyze.html", slots("x"), new ObjectMapper().createObjectNode());
        Matcher csp = Pattern.compile("Content-Security-Policy\" content=\"([^\"]*)\"").matcher(page);
        assertTrue(csp.find());
        String policy = csp.group(1);
        assertTrue(policy.startsWith("default-src 'none';"), policy);
        Matcher scripts = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(page);
        int n = 0;
        while (scripts.find()) {
            n++;
            assertTrue(policy.contains("'sha256-" + sha256(scripts.group(1)) + "'"), "script " + n + " not allowed by " + policy);
        }
        assertEquals(2, n);
    }

    @Test
    void pageScriptsNeverParseStringsAsMarkup() {
        for (String script : new String[]{"report.js", "analyze.js"}) {
            String code = HtmlPage.resource(script);
            for (String sink : new String[]{"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("}) {
                assertTrue(!code.contains(sink), script + " uses " + sink);
            }
        }
    }

    @Test
    void aMissingSlotIsAnError() {
        Map<String, String> s = slots("x");
        s.remove("verdict");
        var e = assertThrows(IllegalArgumentException.class,
                () -> HtmlPage.render("analyze.html", s, new ObjectMapper().createObjectNode()));
        assertTrue(e.getMessage().contains("verdict"));
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static String sha256(String s) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
