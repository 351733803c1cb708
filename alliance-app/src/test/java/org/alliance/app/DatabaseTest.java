package org.alliance.app;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test on fresh databases from {@link TestDatabases}: the folder their SQLite files go into, and the SQLite pools
 * closed once the class has run.
 */
public abstract class DatabaseTest {

    @TempDir
    protected static Path folder;

    @AfterAll
    static void closeDatabases() {
        TestDatabases.closeAll();
    }
}
