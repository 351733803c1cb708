package org.alliance.app;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one Spring test configuration: the whole application on a random port over a fresh SQLite file. Every
 * Spring test uses exactly this annotation and nothing else that changes the context, so Spring starts the
 * application once (about ten seconds here) and caches it for all of them. Tests create their own data with
 * {@link TestWorld} and never depend on another test's rows.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = AllianceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public @interface AllianceWebTest {}
