package dev.herald;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.ApplicationModule.Type;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules of the codebase that the module boundaries alone do not catch.
 */
class ArchitectureTests {

	private static final JavaClasses HERALD = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.herald");

	@Test
	void controllersArePackagePrivate() {
		classes().that()
			.areAnnotatedWith(Controller.class)
			.or()
			.areAnnotatedWith(RestController.class)
			.should()
			.notBePublic()
			.because("a controller is reached through its routes, never called from another class")
			.check(HERALD);
	}

	@Test
	void onlyTheCampaignModuleTalksToQuartz() {
		noClasses().that()
			.resideOutsideOfPackage("dev.herald.campaign..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.quartz..", "org.springframework.scheduling.quartz..")
			.because("campaigns decide when a run starts; the delivery engine has its own claim loop (ADR)")
			.check(HERALD);
	}

	@Test
	void onlyTheTencentClientCallsOutOverHttp() {
		noClasses().that()
			.resideOutsideOfPackages("dev.herald.tencent..", "dev.herald.simulator..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("java.net.http..", "org.apache.hc..", "org.springframework.web.client..",
					"org.springframework.web.reactive.function.client..")
			.orShould()
			.dependOnClassesThat()
			.haveFullyQualifiedName("java.net.HttpURLConnection")
			.because("every outbound call goes through the tencent module's clients with their timeouts, masking"
					+ " and metrics (its MediaProbe fetches user-given media URLs, through the SSRF guard);"
					+ " the simulator plays Tencent's side, its callbacks included")
			.check(HERALD);
	}

	@Test
	void transactionsAreSpringTransactions() {
		noClasses().should()
			.dependOnClassesThat()
			.haveFullyQualifiedName("jakarta.transaction.Transactional")
			.because("Spring's @Transactional carries the propagation and read-only settings Herald relies on")
			.check(HERALD);
	}

	@Test
	void everyModuleDeclaresWhatItMayDependOn() throws ClassNotFoundException {
		for (ApplicationModule module : ApplicationModules.of(HeraldApplication.class)) {
			String name = module.getBasePackage().getName();
			org.springframework.modulith.ApplicationModule declared = Class.forName(name + ".package-info")
				.getAnnotation(org.springframework.modulith.ApplicationModule.class);
			assertThat(declared).as(name + " is declared a module").isNotNull();
			if (declared.type() != Type.OPEN) {
				assertThat(declared.allowedDependencies()).as(name + " lists its allowed dependencies")
					.doesNotContain(org.springframework.modulith.ApplicationModule.OPEN_TOKEN);
			}
		}
	}

}
