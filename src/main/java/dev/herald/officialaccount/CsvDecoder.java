package dev.herald.officialaccount;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an uploaded CSV's bytes into text in the encoding the operator chose, strictly:
 * bytes that do not decode are reported by line instead of becoming {@code �}, so a file
 * in another encoding is refused rather than imported with broken names.
 */
final class CsvDecoder {

	/**
	 * Beyond this, more bad lines are counted, not listed: a wrong guess fails them all.
	 */
	static final int MAX_LISTED_LINES = 20;

	private static final char BYTE_ORDER_MARK = '\uFEFF';

	private CsvDecoder() {
	}

	/**
	 * The text of a file, or the lines that are not valid in the encoding.
	 *
	 * @param text the decoded text without a byte-order mark, or empty when any line
	 * failed
	 * @param problems one problem per bad line (up to {@link #MAX_LISTED_LINES}, then one
	 * counting the rest), empty when all is well
	 */
	record Decoded(String text, List<AccountCsv.Problem> problems) {

	}

	static Decoded decode(InputStream in, CsvEncoding encoding) throws IOException {
		return decode(in.readAllBytes(), encoding);
	}

	static Decoded decode(byte[] bytes, CsvEncoding encoding) {
		CharsetDecoder decoder = encoding.charset()
			.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		CharBuffer out = CharBuffer.allocate((int) Math.ceil(bytes.length * (double) decoder.maxCharsPerByte()) + 1);
		List<Long> badLines = new ArrayList<>();
		long line = 1;
		int counted = 0;
		CoderResult result = decoder.decode(in, out, true);
		while (!result.isUnderflow()) {
			if (result.isOverflow()) {
				throw new IllegalStateException("CSV decoding buffer too small");
			}
			// Line feeds are single bytes that no multi-byte sequence of these
			// encodings contains, so counting them in the raw bytes is safe.
			for (; counted < in.position(); counted++) {
				if (bytes[counted] == '\n') {
					line++;
				}
			}
			if (badLines.isEmpty() || badLines.get(badLines.size() - 1) != line) {
				badLines.add(line);
			}
			in.position(in.position() + result.length());
			result = decoder.decode(in, out, true);
		}
		decoder.flush(out);
		if (!badLines.isEmpty()) {
			return new Decoded("", problems(badLines, encoding));
		}
		out.flip();
		if (out.hasRemaining() && out.charAt(0) == BYTE_ORDER_MARK) {
			out.get();
		}
		return new Decoded(out.toString(), List.of());
	}

	private static List<AccountCsv.Problem> problems(List<Long> badLines, CsvEncoding encoding) {
		List<AccountCsv.Problem> problems = new ArrayList<>();
		String name = encoding.displayName();
		for (Long bad : badLines.subList(0, Math.min(badLines.size(), MAX_LISTED_LINES))) {
			problems.add(new AccountCsv.Problem(bad, "accounts.import.encoding.invalid", name));
		}
		if (badLines.size() > MAX_LISTED_LINES) {
			problems.add(new AccountCsv.Problem(0, "accounts.import.encoding.more",
					String.valueOf(badLines.size() - MAX_LISTED_LINES)));
		}
		return problems;
	}

}
