package dev.herald.tencent;

import java.util.List;

/**
 * Everything the validator found, plus the serialised size that the editor's byte meter
 * shows.
 *
 * @param sizeBytes UTF-8 size of the wire JSON, or -1 when it could not be serialised
 */
public record ValidationReport(List<Violation> violations, int sizeBytes) {

	public ValidationReport {
		violations = List.copyOf(violations);
	}

	/** No errors; warnings allowed. */
	public boolean isValid() {
		return this.violations.stream().noneMatch(Violation::isError);
	}

	public List<Violation> errors() {
		return this.violations.stream().filter(Violation::isError).toList();
	}

	public List<Violation> warnings() {
		return this.violations.stream().filter((v) -> !v.isError()).toList();
	}

}
