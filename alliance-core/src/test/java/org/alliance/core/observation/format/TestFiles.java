package org.alliance.core.observation.format;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/** Locations of the test files. */
final class TestFiles {

    private TestFiles() {}

    /** A copied (MIT) test resource. */
    static Path resource(String name) {
        try {
            return Path.of(TestFiles.class.getResource("/observation/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A file of the shared test data (GPL files may not be copied into the project). Resolved from the module
     * directory: {@code ../../shared/testdata/observation}, else the nearest such folder above it. The calling
     * test is skipped when the folder is absent.
     */
    static Path shared(String name) {
        Path module = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        Path folder = module.resolve("../../shared/testdata/observation").normalize();
        for (Path p = module; !Files.isDirectory(folder) && p != null; p = p.getParent()) {
            folder = p.resolve("shared/testdata/observation");
        }
        assumeTrue(Files.isDirectory(folder), "shared test data folder absent: " + folder);
        return folder.resolve(name);
    }

    static Schema eaf30() {
        try (InputStream xsd = TestFiles.class.getResourceAsStream("/observation/EAFv3.0.xsd")) {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(new StreamSource(xsd));
        } catch (SAXException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
