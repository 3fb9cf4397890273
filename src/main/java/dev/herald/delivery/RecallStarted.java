package dev.herald.delivery;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Tells the operator that a recall started in the background: how many messages it asks
 * Tencent to recall, and how many it leaves alone as past the recall window. Its page
 * shows the progress.
 */
public final class RecallStarted {

	private RecallStarted() {
	}

	/** Puts the news into the flash of the redirect. */
	public static void flash(RedirectAttributes redirect, RecallProgress recall) {
		redirect.addFlashAttribute("success", (recall.pastWindow() > 0) ? "recall.startedPartly" : "recall.started");
		redirect.addFlashAttribute("successArg", recall.total());
		redirect.addFlashAttribute("successArg2", recall.pastWindow());
	}

}
