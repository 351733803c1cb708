package org.alliance.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.alliance.stats.provenance.Traceable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module boundaries of docs/architecture.md, checked on the compiled classes. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.alliance");
    }

    @Test
    void statisticsDependOnlyOnTheJdkAndCommonsStatistics() {
        classes()
                .that()
                .resideInAPackage("org.alliance.stats..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "java..",
                        "org.alliance.stats..",
                        "org.apache.commons.statistics..",
                        "org.apache.commons.numbers..",
                        "org.jspecify..")
                .check(classes);
    }

    @Test
    void domainUsesNoFrameworkNoDatabaseAndNoWeb() {
        noClasses()
                .that()
                .resideInAPackage("org.alliance.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "java.sql..",
                        "javax.sql..",
                        "jakarta..",
                        "picocli..",
                        "org.alliance.app..")
                .check(classes);
    }

    @Test
    void statisticsKnowNothingOfTheDomainOrApplication() {
        noClasses()
                .that()
                .resideInAPackage("org.alliance.stats..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.alliance.core..", "org.alliance.app..")
                .allowEmptyShould(true)
                .check(classes);
    }

    /**
     * Every statistic's result says where it comes from: each record of the numerics named {@code Result} or
     * {@code ...Result} is {@link Traceable}, so it carries the one provenance record (issue 12).
     */
    @Test
    void everyStatisticsResultCarriesItsProvenance() {
        DescribedPredicate<JavaClass> records = DescribedPredicate.describe("records", JavaClass::isRecord);
        classes()
                .that()
                .resideInAPackage("org.alliance.stats..")
                .and()
                .haveSimpleNameEndingWith("Result")
                .and(records)
                .should()
                .implement(Traceable.class)
                .because("a number in a report must be traceable")
                .check(classes);
    }

    /**
     * Time is a dependency: only {@code org.alliance.app.time.Clocks} reads the wall clock; everything else, main
     * and test code of every module, asks an injected {@link java.time.Clock} (tests run on a fixed instant).
     */
    @Test
    void onlyClocksReadsTheWallClock() {
        // Main and test classes of every module (the other modules' test classes are there in a reactor build).
        List<Path> folders = new ArrayList<>();
        for (String module : List.of(".", "../alliance-core", "../alliance-stats")) {
            for (String kind : List.of("classes", "test-classes")) {
                Path folder = Path.of(module, "target", kind);
                if (Files.isDirectory(folder)) {
                    folders.add(folder);
                }
            }
        }
        JavaClasses everything = new ClassFileImporter().importPaths(folders);
        assertThat(everything.contain("org.alliance.app.time.Clocks")).isTrue();
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName("org.alliance.app.time.Clocks")
                .should()
                .callMethod(Instant.class, "now")
                .orShould()
                .callMethod(LocalDate.class, "now")
                .orShould()
                .callMethod(LocalDate.class, "now", ZoneId.class)
                .orShould()
                .callMethod(LocalDateTime.class, "now")
                .orShould()
                .callMethod(LocalDateTime.class, "now", ZoneId.class)
                .orShould()
                .callMethod(OffsetDateTime.class, "now")
                .orShould()
                .callMethod(OffsetDateTime.class, "now", ZoneId.class)
                .orShould()
                .callMethod(ZonedDateTime.class, "now")
                .orShould()
                .callMethod(ZonedDateTime.class, "now", ZoneId.class)
                .orShould()
                .callMethod(Clock.class, "systemUTC")
                .orShould()
                .callMethod(Clock.class, "systemDefaultZone")
                .orShould()
                .callMethod(Clock.class, "system", ZoneId.class)
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .orShould()
                .callConstructor(Date.class)
                .because("tests run on a fixed Clock and nothing may pass or fail with the calendar")
                .check(everything);
    }

    /**
     * The command line answers in about a second because only {@code serve} and {@code demo} start Spring: no
     * other class of the CLI wing may as much as name a Spring class (issue 12).
     */
    @Test
    void onlyTheServerCommandsOfTheCommandLineDependOnSpring() {
        assertThat(classes.contain("org.alliance.app.cli.server.ServeCommand")).isTrue();
        noClasses()
                .that()
                .resideInAPackage("org.alliance.app.cli..")
                .and()
                .resideOutsideOfPackage("org.alliance.app.cli.server..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.springframework..")
                .because("the tools run without starting Spring; serve and demo (cli.server) start it")
                .check(classes);
    }

    @Test
    void featurePackagesOfTheApplicationHaveNoCycles() {
        slices().matching("org.alliance.app.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void featurePackagesOfTheDomainHaveNoCycles() {
        slices().matching("org.alliance.core.(*)..").should().beFreeOfCycles().check(classes);
    }
}
