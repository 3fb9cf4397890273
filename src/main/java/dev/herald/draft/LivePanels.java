package dev.herald.draft;

import java.util.Locale;

import dev.herald.tencent.MessageValidator;
import dev.herald.tencent.ValidationReport;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Builds live panels with the validator's findings in the reader's language.
 */
@Component
class LivePanels {

	private final MessageValidator validator;

	private final MessageSource messages;

	LivePanels(MessageValidator validator, MessageSource messages) {
		this.validator = validator;
		this.messages = messages;
	}

	ValidationReport validate(Composition composition) {
		return DraftContent.validate(this.validator, composition.message());
	}

	LivePanel of(Composition composition) {
		return of(composition, validate(composition));
	}

	LivePanel of(Composition composition, ValidationReport report) {
		Locale locale = LocaleContextHolder.getLocale();
		return LivePanel.of(composition, report, (problem) -> this.messages.getMessage(problem, locale));
	}

	/** The panel of a stored version: its JSON exactly as stored. */
	LivePanel of(DraftVersion version) {
		LivePanel panel = of(Composition.of(Composition.toForm(version.getContentJson())),
				DraftContent.validate(this.validator, DraftContent.fromJson(version.getContentJson())));
		return new LivePanel(version.getContentJson(), panel.sizeBytes(), panel.maxBytes(), panel.errors(),
				panel.warnings(), panel.pushTitle(), panel.pushText(), panel.pushDisabled(), panel.bubbles(), false);
	}

}
