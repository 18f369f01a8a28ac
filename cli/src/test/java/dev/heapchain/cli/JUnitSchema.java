package dev.heapchain.cli;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/** Validates --junit output against the Ant/Jenkins JUnit format in src/test/resources. */
final class JUnitSchema {
    private JUnitSchema() {
    }

    static void assertValid(Path xml) throws IOException {
        URL xsd = JUnitSchema.class.getResource("/junit-jenkins.xsd");
        assertNotNull(xsd, "junit-jenkins.xsd on the test classpath");
        try {
            Schema schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd);
            schema.newValidator().validate(new StreamSource(xml.toFile()));
        } catch (SAXException e) {
            throw new AssertionError(xml + " is not valid JUnit XML: " + e.getMessage(), e);
        }
    }
}
