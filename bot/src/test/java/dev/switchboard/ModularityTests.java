package dev.switchboard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.stereotype.Component;


import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The module boundaries of both jars: every direct sub-package of {@code dev.switchboard} is a
 * module whose root package is its API; sub-packages are hidden unless a {@code package-info}
 * names them ({@code incident :: route}, {@code gateway :: sandbox}). Each module lists what it
 * may depend on in its {@code package-info} ({@code @ApplicationModule(allowedDependencies = …)}),
 * layered as in the style notes: lint, ownership, runbook, scenario, catalog; gateway alone;
 * incident, drill, conversation; the chat front ends on top. A new import across a line the
 * layering does not allow, or any cycle between modules, fails {@link #verifiesModularStructure()}.
 */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(SwitchboardApplication.class);

	@Test
	void verifiesModularStructure() {
		modules.verify();
	}

	/**
	 * The module picture the README links: a C4 component diagram of all modules, one per module
	 * with its neighbours, and a canvas per module (its API, services, events, properties), all in
	 * {@code docs/modules}, rewritten on every run so it never drifts from the code.
	 */
	@Test
	void writesModuleDocumentation() {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("../docs/modules"))
			.writeDocumentation()
			.writeAggregatingDocument();
	}

	/**
	 * The terminal is a renderer and a command mapping: it talks to the conversation (and reads the
	 * catalog and system settings), never to another module's services and never to the database.
	 * Modulith's allow-list lets it use the incident module's API for value types such as
	 * {@code IncidentIds}; this rule keeps it off that module's Spring components.
	 */
	private static final List<String> OTHER_FEATURES = List.of("dev.switchboard.incident", "dev.switchboard.drill",
			"dev.switchboard.gateway");

	@Test
	void terminalGoesThroughTheConversation() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dev.switchboard");
		noClasses().that()
			.resideInAPackage("dev.switchboard.shell..")
			.should()
			.dependOnClassesThat(DescribedPredicate.describe("Spring components of incident, drill or gateway",
					c -> c.isMetaAnnotatedWith(Component.class) && OTHER_FEATURES.stream()
						.anyMatch(p -> c.getPackageName().startsWith(p))))
			.because("the terminal reaches incidents only through the conversation")
			.check(classes);
		noClasses().that()
			.resideInAPackage("dev.switchboard.shell..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("java.sql..", "javax.sql..", "org.springframework.jdbc..",
					"org.springframework.transaction..", "..web..", "..internal..")
			.check(classes);
	}
}
