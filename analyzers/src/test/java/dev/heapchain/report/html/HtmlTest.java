package dev.heapchain.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void textEscapesMarkupAndBothQuotes() {
        assertEquals("&lt;img src=x onerror=alert(1)&gt;", Html.text("<img src=x onerror=alert(1)>"));
        assertEquals("a &amp; b &quot;c&quot; &#39;d&#39;", Html.text("a & b \"c\" 'd'"));
        assertEquals("plain java.util.HashMap$Node[]", Html.text("plain java.util.HashMap$Node[]"));
    }

    @Test
    void scriptJsonCannotCloseItsElementAndStillParsesBack() throws Exception {
        ObjectMapper m = new ObjectMapper();
        String hostile = "</script><script>alert(1)</script><!-- & \u2028\u2029";
        String json = m.writeValueAsString(m.createObjectNode().put("class", hostile));
        String safe = Html.scriptJson(json);
        for (String forbidden : new String[]{"<", ">", "&", "\u2028", "\u2029"}) {
            assertFalse(safe.contains(forbidden), "raw " + forbidden + " in " + safe);
        }
        assertEquals(hostile, m.readTree(safe).get("class").asText());
    }
}
