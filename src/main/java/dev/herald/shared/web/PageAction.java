package dev.herald.shared.web;

import java.util.function.Supplier;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An operator's button that changes something and returns to the page it is on (post,
 * redirect, get): the change is tried, and a flash says it was done, or that the thing's
 * state refused it. A refusal is the {@link IllegalStateException} of a guarded
 * transition; its text is for logs, never for the page. Any other failure is an error
 * page as usual.
 */
public final class PageAction {

	private PageAction() {
	}

	/**
	 * Makes the change and goes back to the page.
	 * @param page the path to return to, such as {@code /runs/12}
	 * @param redirect where the flash goes
	 * @param done the message key that says the change was made
	 * @param refused the message key that says the state refused it
	 * @param change the change
	 * @return the redirect to the page
	 */
	public static String run(String page, RedirectAttributes redirect, String done, String refused, Runnable change) {
		return run(page, redirect, done, refused, () -> null, change);
	}

	/**
	 * Makes the change and goes back to the page; a refusal's message takes an argument.
	 * @param reason read after a refusal, the argument of the {@code refused} message,
	 * such as the state's name as a message
	 * @see #run(String, RedirectAttributes, String, String, Runnable)
	 */
	public static String run(String page, RedirectAttributes redirect, String done, String refused, Supplier<?> reason,
			Runnable change) {
		try {
			change.run();
			redirect.addFlashAttribute("success", done);
		}
		catch (IllegalStateException ex) {
			redirect.addFlashAttribute("failure", refused);
			Object argument = reason.get();
			if (argument != null) {
				redirect.addFlashAttribute("failureArg", argument);
			}
		}
		return "redirect:" + page;
	}

}
