package dev.herald.delivery;

import dev.herald.shared.web.Question;

/**
 * The question before recalling a run's or a campaign's messages: how many will be
 * recalled, and how many are past the recall window and stay.
 */
public final class RecallQuestion {

	private RecallQuestion() {
	}

	/**
	 * @param key the question's key; its messages take the object and the number of
	 * messages to recall
	 * @param object the run's id or the campaign's name
	 * @param window the run's or campaign's recall window
	 * @return the question
	 */
	public static Question of(String key, Object object, RecallWindow window) {
		Question question = Question.of(key, object, window.recallable());
		return (window.pastWindow() > 0) ? question.and("recall.ask.pastWindow", window.pastWindow()) : question;
	}

}
