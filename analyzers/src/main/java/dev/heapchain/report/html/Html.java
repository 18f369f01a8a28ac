package dev.heapchain.report.html;

/**
 * Escaping for the two places dump-derived text enters a page. A dump is untrusted input: class
 * names, field names and strings in it are chosen by whoever wrote the program (or the file).
 */
public final class Html {
    private Html() {
    }

    /**
     * Text for element content or a quoted attribute value. Quotes are escaped too, so the same
     * helper is safe in both places (OWASP's rule for HTML body and attribute contexts).
     */
    public static String text(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * JSON made safe inside a {@code <script>} element: no {@code </script>} or {@code <!--} can
     * form, since {@code <} and {@code >} never appear raw, and {@code &} is escaped as well so
     * the text means the same if it is ever read as HTML. U+2028/2029 are escaped because older
     * JavaScript parsers end a line there. All four are \\uXXXX escapes, so JSON.parse returns
     * the original strings.
     */
    public static String scriptJson(String json) {
        StringBuilder b = new StringBuilder(json.length() + 64);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> b.append("\\u003c");
                case '>' -> b.append("\\u003e");
                case '&' -> b.append("\\u0026");
                case '\u2028' -> b.append("\\u2028");
                case '\u2029' -> b.append("\\u2029");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
