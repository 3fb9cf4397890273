package dev.herald.tencent;

import java.util.List;

import org.springframework.context.MessageSourceResolvable;

/**
 * One problem found by {@link MessageValidator}. It resolves directly through a Spring
 * {@code MessageSource} ({@code messageSource.getMessage(violation, locale)}) against the
 * {@code i18n/tencent} bundles.
 *
 * @param path API field path, e.g. {@code MsgBody[2].MsgContent.Download_Flag}; empty for
 * the message as a whole
 * @param code message key, always starting with {@code tencent.}
 * @param arguments message arguments, in order
 */
public record Violation(String path, String code, List<Object> arguments,
		Severity severity) implements MessageSourceResolvable {

	public Violation {
		arguments = List.copyOf(arguments);
	}

	static Violation error(String path, String code, Object... arguments) {
		return new Violation(path, code, List.of(arguments), Severity.ERROR);
	}

	static Violation warning(String path, String code, Object... arguments) {
		return new Violation(path, code, List.of(arguments), Severity.WARNING);
	}

	public boolean isError() {
		return this.severity == Severity.ERROR;
	}

	@Override
	public String[] getCodes() {
		return new String[] { this.code };
	}

	@Override
	public Object[] getArguments() {
		return this.arguments.toArray();
	}

	@Override
	public String getDefaultMessage() {
		return this.code;
	}

	public enum Severity {

		/** Tencent would refuse the message (or we must not send it). */
		ERROR,

		/** Sendable, but probably not what the author wants. */
		WARNING

	}

}
