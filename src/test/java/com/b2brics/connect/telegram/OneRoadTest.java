package com.b2brics.connect.telegram;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import org.junit.jupiter.api.Test;
import org.springframework.context.event.EventListener;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Commands, buttons, texts and contacts reach their owners through the router alone: no module
 * listens for them as events (and filters), as they all did before it.
 */
class OneRoadTest {

	@Test
	void noModuleListensForRoutedUpdates() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("com.b2brics.connect");
		noMethods().that()
			.areAnnotatedWith(EventListener.class)
			.should()
			.haveRawParameterTypes(DescribedPredicate.anyElementThat(JavaClass.Predicates.assignableTo(CommandReceived.class)
				.or(JavaClass.Predicates.assignableTo(ButtonPressed.class))
				.or(JavaClass.Predicates.assignableTo(TextReceived.class))
				.or(JavaClass.Predicates.assignableTo(ContactShared.class))))
			.because("the router calls the module that declared a command, button, start payload, text or contact")
			.check(classes);
	}
}
