package org.alliance.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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

    @Test
    void featurePackagesOfTheApplicationHaveNoCycles() {
        slices().matching("org.alliance.app.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void featurePackagesOfTheDomainHaveNoCycles() {
        slices().matching("org.alliance.core.(*)..").should().beFreeOfCycles().check(classes);
    }
}
