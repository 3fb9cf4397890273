package dev.herald.delivery;

import java.time.ZoneId;

import dev.herald.shared.web.TimeFormat;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Tells the operator why a recall was refused: when the last message was sent, the Chat
 * app's message history period, and when that period ended, in the viewer's time zone.
 */
public final class RecallRefusal {

	private RecallRefusal() {
	}

	/**
	 * Puts the reason into the flash of the redirect.
	 * @param messageKey a message taking the send time, the days and the deadline
	 */
	public static void flash(RedirectAttributes redirect, String messageKey, RecallWindowClosedException refusal,
			TimeFormat format, ZoneId zone) {
		RecallWindow window = refusal.window();
		redirect.addFlashAttribute("failure", messageKey);
		redirect.addFlashAttribute("failureArg", format.dateTimeWithZone(window.lastSentAt(), zone));
		redirect.addFlashAttribute("failureArg2", window.historyDays());
		redirect.addFlashAttribute("failureArg3", format.dateTimeWithZone(window.lastDeadline(), zone));
	}

}
