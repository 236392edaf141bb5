package io.grposcope.app;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of the architecture (docs: architecture.md), checked on the production classes of core,
 * app and every plugin module on the app's test class path. Lives in app because only app sees all three.
 */
class ArchitectureTest {

    private static JavaClasses production;

    /** Test classes are left out whatever the build directory is called (-Dgrposcope.buildDir=target-x). */
    private static final ImportOption PRODUCTION_ONLY = (Location l) -> !l.contains("/test-classes/")
            && !l.contains("-tests.jar");

    @BeforeAll
    static void importClasses() {
        // Dependency targets are judged by their package names; loading DJL's and JavaFX's classes is not needed.
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
        production = new ClassFileImporter().withImportOption(PRODUCTION_ONLY).importPaths(projectClassPath());
    }

    @AfterAll
    static void restoreArchUnitDefaults() {
        ArchConfiguration.get().reset();
    }

    /** Only the project's own class-path entries (module outputs or grposcope-*.jar): scanning DJL's and
     *  JavaFX's jars for our package is what made a whole-class-path import slow. */
    private static List<Path> projectClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .filter(p -> !p.toString().contains(File.separator + ".m2" + File.separator)
                        || p.getFileName().toString().startsWith("grposcope-"))
                .filter(Files::exists)
                .toList();
    }

    static ArchRule coreIsHeadless(String corePackage) {
        return noClasses().that().resideInAPackage(corePackage)
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("core must run headless (CLI, tests, CI) and the engine thread never touches JavaFX");
    }

    static ArchRule coreDependsOnNoOuterModule(String corePackage) {
        return noClasses().that().resideInAPackage(corePackage)
                .should().dependOnClassesThat().resideInAnyPackage("io.grposcope.app..", "io.grposcope.plugins..")
                .because("core is the bottom layer: app and plugins depend on it, never the other way round");
    }

    static ArchRule pluginsUseOnlyTheSpiAndMath(String pluginPackage) {
        return noClasses().that().resideInAPackage(pluginPackage)
                .should().dependOnClassesThat(resideInAPackage("io.grposcope.core..")
                        .and(not(resideInAnyPackage("io.grposcope.core.algo.."))))
                .because("a method plugin may use only core's SPI and math (io.grposcope.core.algo..), so the "
                        + "engine, store and UI can change without breaking plugins")
                .allowEmptyShould(true);
    }

    @Test
    void coreImportsNoJavaFx() {
        coreIsHeadless("io.grposcope.core..").check(production);
    }

    @Test
    void coreImportsNothingFromAppOrPlugins() {
        coreDependsOnNoOuterModule("io.grposcope.core..").check(production);
    }

    @Test
    void pluginsImportOnlyAlgoFromCore() {
        pluginsUseOnlyTheSpiAndMath("io.grposcope.plugins..").check(production);
    }

    @Test
    void theClassesUnderTestWereFound() {
        assertThat(production.containPackage("io.grposcope.core.algo.spi")).isTrue();
        assertThat(production.containPackage("io.grposcope.app")).isTrue();
        // the plugin modules are runtime dependencies of app, so the plugin rule is not vacuous
        assertThat(production.stream().anyMatch(c -> c.getPackageName().startsWith("io.grposcope.plugins.")))
                .as("plugin classes on app's test class path").isTrue();
        assertThat(production.stream().noneMatch(c -> c.getSimpleName().equals("ArchitectureTest"))).isTrue();
    }

    /** The rules can fail: applied to app's packages, which do use JavaFX and core's engine, they report it. */
    @Test
    void theRulesDetectViolations() {
        assertThat(coreIsHeadless("io.grposcope.app..").evaluate(production).hasViolation()).isTrue();
        assertThat(pluginsUseOnlyTheSpiAndMath("io.grposcope.app..").evaluate(production).hasViolation()).isTrue();
    }
}
