package org.dicta;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.dicta.history.VersionedEditor;
import org.dicta.web.ProblemException;

/**
 * The layering of docs/architecture.md, checked over the compiled classes: dependencies point down, {@code web} knows
 * no feature, domain code does not speak HTTP, and every resource kind is edited through one lifecycle.
 */
@AnalyzeClasses(packages = "org.dicta", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String DOMAIN = "org.dicta.domain..";
    private static final String WEB = "org.dicta.web..";

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.dicta.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule layersPointDown = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Domain").definedBy(DOMAIN)
            .layer("Web").definedBy(WEB)
            .layer("Building blocks").definedBy("org.dicta.language..", "org.dicta.search..", "org.dicta.history..",
                    "org.dicta.auth..", "org.dicta.abuse..")
            .layer("Catalogue features").definedBy("org.dicta.speaker..", "org.dicta.source..", "org.dicta.topic..")
            .layer("Meetings").definedBy("org.dicta.meeting..")
            .layer("Quotes").definedBy("org.dicta.quote..")
            .layer("Statement finder").definedBy("org.dicta.finder..")
            .layer("Feeds").definedBy("org.dicta.feed..")
            .layer("Webhooks").definedBy("org.dicta.webhook..")
            .layer("Application").definedBy("org.dicta.seed..", "org.dicta.app..")
            .whereLayer("Application").mayNotBeAccessedByAnyLayer()
            .whereLayer("Statement finder").mayNotBeAccessedByAnyLayer()
            .whereLayer("Feeds").mayNotBeAccessedByAnyLayer()
            .whereLayer("Webhooks").mayNotBeAccessedByAnyLayer()
            .whereLayer("Quotes").mayOnlyBeAccessedByLayers("Statement finder", "Feeds", "Webhooks", "Application")
            .whereLayer("Meetings").mayOnlyBeAccessedByLayers("Quotes", "Statement finder", "Feeds", "Webhooks",
                    "Application")
            .whereLayer("Catalogue features").mayOnlyBeAccessedByLayers("Catalogue features", "Meetings", "Quotes",
                    "Statement finder", "Feeds", "Webhooks", "Application")
            .whereLayer("Building blocks").mayOnlyBeAccessedByLayers("Building blocks", "Catalogue features", "Meetings",
                    "Quotes", "Statement finder", "Feeds", "Webhooks", "Application")
            .whereLayer("Web").mayOnlyBeAccessedByLayers("Building blocks", "Catalogue features", "Meetings", "Quotes",
                    "Statement finder", "Feeds", "Webhooks", "Application");

    @ArchTest
    static final ArchRule theFinderReadsWithoutHttpOrDatabase = noClasses().that().resideInAPackage("org.dicta.finder..")
            .and().haveSimpleNameNotEndingWith("Resource").and().doNotHaveSimpleName("StatementFinding")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.jboss.resteasy..", "jakarta.persistence..",
                    "io.quarkus.hibernate..")
            .because("the finder's reading is plain text work over a catalogue of values, testable without a server");

    @ArchTest
    static final ArchRule webKnowsNoFeature = classes().that().resideInAPackage(WEB).should().onlyDependOnClassesThat(
            resideOutsideOfPackage("org.dicta..").or(resideInAnyPackage(WEB, DOMAIN)))
            .because("web holds what every feature shares (problem details, paging, negotiation, caching) and "
                    + "reaches features only through interfaces they implement");

    @ArchTest
    static final ArchRule domainVocabularyStandsAlone = classes().that().resideInAPackage(DOMAIN).should()
            .onlyDependOnClassesThat(resideOutsideOfPackage("org.dicta..").or(resideInAnyPackage(DOMAIN)))
            .because("the domain's vocabulary (its exceptions, violations, versions) is what every layer shares");

    @ArchTest
    static final ArchRule domainCodeDoesNotSpeakHttp = noClasses().that().resideInAnyPackage(DOMAIN, "org.dicta.history..")
            .or().areAssignableTo(VersionedEditor.class)
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.jboss.resteasy..")
            .orShould().dependOnClassesThat().areAssignableTo(ProblemException.class)
            .because("domain code throws DomainException, which ProblemMapper turns into a problem in one place");

    @ArchTest
    static final ArchRule oneEditingLifecycle = classes().that().haveSimpleNameEndingWith("Editor")
            .and().resideOutsideOfPackage("org.dicta.auth..").and().doNotHaveSimpleName("VersionedEditor")
            .should().beAssignableTo(VersionedEditor.class);

    @ArchTest
    static final ArchRule resourcesLiveInTheirFeature = noClasses().that().resideInAnyPackage(DOMAIN, WEB,
            "org.dicta.history..").should().beAnnotatedWith(jakarta.ws.rs.Path.class);
}
