package com.triagedesk;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Code that reads what developers send uses RE2J, whose matching time is linear in the input,
 * never java.util.regex, which can take exponential time on a crafted text.
 */
class LinearTimePatternsTest {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("com.triagedesk");

	@Test
	void modulesReadingUserTextUseOnlyLinearTimePatterns() {
		noClasses().that()
			.resideInAnyPackage("com.triagedesk.checklist..", "com.triagedesk.secrets..", "com.triagedesk.intake..",
					"com.triagedesk.issues..", "com.triagedesk.mail..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("java.util.regex..")
			.because("patterns over user input must run in linear time (RE2J)")
			.check(classes);
	}

	@Test
	void noStringMethodThatCompilesARegexIsCalledThere() {
		noClasses().that()
			.resideInAnyPackage("com.triagedesk.checklist..", "com.triagedesk.secrets..", "com.triagedesk.intake..",
					"com.triagedesk.issues..", "com.triagedesk.mail..")
			.should()
			.callMethod(String.class, "matches", String.class)
			.orShould()
			.callMethod(String.class, "replaceAll", String.class, String.class)
			.orShould()
			.callMethod(String.class, "replaceFirst", String.class, String.class)
			.because("String.matches and replaceAll run java.util.regex")
			.check(classes);
	}

}
