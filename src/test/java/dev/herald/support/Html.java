package dev.herald.support;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a rendered page the way a test asks about it: the start tag of the element with
 * an id, that element's text, the texts of its child elements, and how often a text
 * occurs. Enough for Herald's own well-formed templates; not an HTML parser.
 */
public final class Html {

	private Html() {
	}

	/**
	 * The start tag of the element with the id.
	 * @param html the page
	 * @param id the element's id
	 * @return the tag, {@code <input ... id="x" ...>}
	 * @throws AssertionError when no element has the id
	 */
	public static String tag(String html, String id) {
		Matcher matcher = Pattern.compile("<[a-zA-Z][^>]*\\sid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
		if (!matcher.find()) {
			throw new AssertionError("No element with id \"" + id + "\"");
		}
		return matcher.group();
	}

	/**
	 * The text of the element with the id: its content without tags, entities decoded,
	 * white space collapsed.
	 * @param html the page
	 * @param id the element's id
	 * @return the text
	 */
	public static String text(String html, String id) {
		return text(inner(html, id));
	}

	/**
	 * The texts of the element's child elements, one per child: for a list of messages
	 * each shown as an element of its own.
	 * @param html the page
	 * @param id the parent element's id
	 * @return the children's texts, in order
	 */
	public static List<String> childTexts(String html, String id) {
		String inner = inner(html, id);
		List<String> texts = new ArrayList<>();
		Matcher start = Pattern.compile("<([a-zA-Z][a-zA-Z0-9]*)[^>]*>").matcher(inner);
		int from = 0;
		while (start.find(from)) {
			int end = closing(inner, start.group(1), start.end());
			texts.add(text(inner.substring(start.end(), end)));
			from = inner.indexOf('>', end) + 1;
		}
		return texts;
	}

	/**
	 * How often a text occurs in a page.
	 * @param html the page
	 * @param text the text, as rendered (entities encoded)
	 * @return the number of occurrences
	 */
	public static int count(String html, String text) {
		int count = 0;
		for (int at = html.indexOf(text); at >= 0; at = html.indexOf(text, at + text.length())) {
			count++;
		}
		return count;
	}

	private static String inner(String html, String id) {
		String tag = tag(html, id);
		int start = html.indexOf(tag) + tag.length();
		String name = tag.substring(1).split("[\\s>]", 2)[0];
		return html.substring(start, closing(html, name, start));
	}

	/** Where the element whose content starts at {@code from} is closed. */
	private static int closing(String html, String name, int from) {
		Pattern tags = Pattern.compile("<(/?)" + name + "(?=[\\s>/])[^>]*>");
		Matcher matcher = tags.matcher(html);
		int depth = 1;
		while (matcher.find(from)) {
			depth += matcher.group(1).isEmpty() ? 1 : -1;
			if (depth == 0) {
				return matcher.start();
			}
			from = matcher.end();
		}
		throw new AssertionError("<" + name + "> is not closed");
	}

	private static String text(String fragment) {
		return fragment.replaceAll("<[^>]*>", " ")
			.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&amp;", "&")
			.replaceAll("\\s+", " ")
			.trim();
	}

}
