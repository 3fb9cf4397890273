package dev.herald.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.ModelMap;

/**
 * Herald asks before a change that cannot be undone, whatever the client does: a POST
 * without {@code confirmed=true} changes nothing and answers the question instead. A
 * handler declares a {@code Confirmation} parameter and starts with
 *
 * <pre>
 * if (!confirmation.given()) {
 * 	return confirmation.ask(Question.of("run.cancel.ask", id, unsent).backTo("/runs/" + id));
 * }
 * </pre>
 *
 * Without JavaScript the answer is a page with the question and a form that posts the
 * same fields again with {@code confirmed=true}. {@code app.js} asks the same POST for a
 * form marked {@code data-confirm} and shows the answer as a dialog instead (it sends
 * {@value #DIALOG_HEADER} and gets only the {@code <dialog>}).
 */
public final class Confirmation {

	/** The field that says the question was answered with yes. */
	public static final String FIELD = "confirmed";

	/** The header {@code app.js} sends when it wants the question as a dialog. */
	static final String DIALOG_HEADER = "X-Herald-Confirm";

	private static final String VIEW = "confirm";

	private static final String CSRF_FIELD = "_csrf";

	private final HttpServletRequest request;

	private final ModelMap model;

	private final MessageSource messages;

	Confirmation(HttpServletRequest request, ModelMap model, MessageSource messages) {
		this.request = request;
		this.model = model;
		this.messages = messages;
	}

	/**
	 * Whether the request says yes to the question.
	 * @return {@code true} when it carries {@code confirmed=true}
	 */
	public boolean given() {
		return "true".equals(this.request.getParameter(FIELD));
	}

	/**
	 * Answers the request with the question instead of making the change.
	 * @param question what to ask
	 * @return the view that asks it: the confirmation page, or only its dialog
	 */
	public String ask(Question question) {
		Locale locale = LocaleContextHolder.getLocale();
		List<String> lines = new ArrayList<>();
		lines.add(message(question.key() + ".text", question.arguments(), locale));
		question.more().forEach((line) -> lines.add(message(line.key(), line.arguments(), locale)));
		this.model.addAttribute("confirmation",
				new Asked(message(question.key() + ".title", question.arguments(), locale), lines,
						message(question.key() + ".confirm", question.arguments(), locale),
						this.request.getRequestURI(), question.back(), fields()));
		return "dialog".equals(this.request.getHeader(DIALOG_HEADER)) ? VIEW + " :: dialog" : VIEW;
	}

	private String message(String key, List<Object> arguments, Locale locale) {
		return this.messages.getMessage(key, arguments.toArray(), locale);
	}

	/** Every field as posted, to post again; the form brings its own CSRF token. */
	private List<Field> fields() {
		List<Field> fields = new ArrayList<>();
		for (Map.Entry<String, String[]> parameter : this.request.getParameterMap().entrySet()) {
			String name = parameter.getKey();
			if (!name.equals(FIELD) && !name.equals(CSRF_FIELD)) {
				for (String value : parameter.getValue()) {
					fields.add(new Field(name, value));
				}
			}
		}
		return fields;
	}

	/**
	 * The question in the viewer's words, for {@code confirm.html}.
	 *
	 * @param title the heading
	 * @param lines what will happen
	 * @param button the confirm button's label
	 * @param action where the form posts: the request's own path
	 * @param back the page to go back to
	 * @param fields the request's fields, posted again
	 */
	record Asked(String title, List<String> lines, String button, String action, String back, List<Field> fields) {
	}

	/** One posted field. */
	record Field(String name, String value) {
	}

}
