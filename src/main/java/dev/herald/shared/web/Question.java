package dev.herald.shared.web;

import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link Confirmation} asks, as message keys. One key names three messages that
 * take the same arguments: {@code <key>.title} (the question, naming the object),
 * {@code <key>.text} (what will happen, with counts where known) and
 * {@code <key>.confirm} (the button, naming the action). Further lines may follow, and
 * the page to go back to when the answer is no.
 *
 * @param key the messages' common key
 * @param arguments their arguments
 * @param more further lines, each a key with its own arguments
 * @param back the path of the page to go back to, such as {@code /runs/57}
 */
public record Question(String key, List<Object> arguments, List<Line> more, String back) {

	public Question {
		arguments = List.copyOf(arguments);
		more = List.copyOf(more);
	}

	/**
	 * A question that goes back to the dashboard; see {@link #backTo(String)}.
	 * @param key the common key of {@code .title}, {@code .text} and {@code .confirm}
	 * @param arguments their arguments (no {@code null}s)
	 * @return the question
	 */
	public static Question of(String key, Object... arguments) {
		return new Question(key, List.of(arguments), List.of(), "/");
	}

	/**
	 * The same question with one more line.
	 * @param lineKey the line's message key
	 * @param lineArguments its arguments
	 * @return the question
	 */
	public Question and(String lineKey, Object... lineArguments) {
		List<Line> lines = new ArrayList<>(this.more);
		lines.add(new Line(lineKey, List.of(lineArguments)));
		return new Question(this.key, this.arguments, lines, this.back);
	}

	/**
	 * The same question going back to another page.
	 * @param path the page's path within Herald, such as {@code /runs/57}
	 * @return the question
	 */
	public Question backTo(String path) {
		return new Question(this.key, this.arguments, this.more, path);
	}

	/** A further line of the question. */
	public record Line(String key, List<Object> arguments) {

		public Line {
			arguments = List.copyOf(arguments);
		}

	}

}
