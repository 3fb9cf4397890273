package dev.herald.shared.web;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An operator's button that changes something and returns to the page it is on (post,
 * redirect, get): the change is tried, and a flash says it was done, or why the thing's
 * state refused it. A refusal is the {@link IllegalStateException} of a guarded
 * transition; any other failure is an error page as usual.
 */
public final class PageAction {

	private PageAction() {
	}

	/**
	 * Makes the change and goes back to the page.
	 * @param page the path to return to, such as {@code /campaigns/12}
	 * @param redirect where the flash goes
	 * @param done the message key that says the change was made
	 * @param refused the message key that says the state refused it (its argument is the
	 * refusal's reason)
	 * @param change the change
	 * @return the redirect to the page
	 */
	public static String run(String page, RedirectAttributes redirect, String done, String refused, Runnable change) {
		try {
			change.run();
			redirect.addFlashAttribute("success", done);
		}
		catch (IllegalStateException ex) {
			redirect.addFlashAttribute("failure", refused);
			redirect.addFlashAttribute("failureArg", ex.getMessage());
		}
		return "redirect:" + page;
	}

}
