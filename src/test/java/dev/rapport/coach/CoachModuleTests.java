package dev.rapport.coach;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The coach's engine is pure logic: apart from its Spring wiring, the base package uses nothing but the JDK and
 * Jackson (for the rule file). Only the web layer may look up a customer's name in the customers module.
 */
class CoachModuleTests {

    private final JavaClasses coach = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.rapport.coach");

    @Test
    void theEngineDependsOnNothingButTheJdkAndJackson() {
        classes().that().resideInAPackage("dev.rapport.coach")
                .and(not(simpleName("CoachConfiguration")))
                .and(not(simpleName("CoachSettings")))
                .and(not(simpleName("package-info")))
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "tools.jackson..",
                        "dev.rapport.coach", "org.springframework.modulith")
                .check(coach);
    }
}
