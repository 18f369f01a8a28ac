package dev.heapchain.report;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Checks as JUnit XML in the Ant/Jenkins form that GitHub, GitLab and Jenkins read: one testsuite
 * per command, one testcase per check, the reasons as the failure message. Times are 0 so the file
 * is deterministic: heapchain checks measure heaps, not durations.
 */
public final class JUnitXml {
    private JUnitXml() {
    }

    public static void write(String suite, List<Check> checks, Writer out) throws IOException {
        long failures = checks.stream().filter(c -> c.status() == Check.Status.FAILED).count();
        long errors = checks.stream().filter(c -> c.status() == Check.Status.ERROR).count();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            counts(x, checks.size(), failures, errors);
            x.writeCharacters("\n  ");
            x.writeStartElement("testsuite");
            x.writeAttribute("name", "heapchain " + suite);
            counts(x, checks.size(), failures, errors);
            x.writeAttribute("skipped", "0");
            for (Check c : checks) {
                testCase(x, c);
            }
            x.writeCharacters("\n  ");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.flush();
            x.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
        }
        out.flush();
    }

    private static void counts(XMLStreamWriter x, long tests, long failures, long errors) throws XMLStreamException {
        x.writeAttribute("tests", Long.toString(tests));
        x.writeAttribute("failures", Long.toString(failures));
        x.writeAttribute("errors", Long.toString(errors));
        x.writeAttribute("time", "0");
    }

    private static void testCase(XMLStreamWriter x, Check c) throws XMLStreamException {
        x.writeCharacters("\n    ");
        x.writeStartElement("testcase");
        x.writeAttribute("name", clean(c.name()));
        x.writeAttribute("classname", "heapchain." + c.suite());
        x.writeAttribute("time", "0");
        if (c.status() != Check.Status.PASSED) {
            x.writeCharacters("\n      ");
            x.writeStartElement(c.status() == Check.Status.FAILED ? "failure" : "error");
            x.writeAttribute("message", clean(String.join("; ", c.reasons())));
            x.writeAttribute("type", "heapchain." + c.suite());
            x.writeCharacters(clean(String.join("\n", c.reasons())));
            x.writeEndElement();
        }
        if (!c.details().isEmpty()) {
            x.writeCharacters("\n      ");
            x.writeStartElement("system-out");
            x.writeCharacters(clean(String.join("\n", c.details())));
            x.writeEndElement();
        }
        x.writeCharacters("\n    ");
        x.writeEndElement();
    }

    /** XML 1.0 cannot carry most control characters, even escaped; class names from a dump might. */
    private static String clean(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> b.appendCodePoint(cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r'
                || cp == 0xFFFE || cp == 0xFFFF ? '?' : cp));
        return b.toString();
    }
}
