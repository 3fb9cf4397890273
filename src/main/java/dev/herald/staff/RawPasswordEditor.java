package dev.herald.staff;

import java.beans.PropertyEditorSupport;

import org.springframework.web.bind.WebDataBinder;

/**
 * Passwords are taken exactly as typed: the app-wide trimming of form input must not
 * change them, or the sign-in (which never trims) would fail.
 */
class RawPasswordEditor extends PropertyEditorSupport {

	static void register(WebDataBinder binder, String... fields) {
		for (String field : fields) {
			binder.registerCustomEditor(String.class, field, new RawPasswordEditor());
		}
	}

	@Override
	public void setAsText(String text) {
		setValue(text.isEmpty() ? null : text);
	}

}
