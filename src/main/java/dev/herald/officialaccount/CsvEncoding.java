package dev.herald.officialaccount;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The encodings an uploaded CSV may be in: UTF-8 by default, and what Excel saves on
 * Chinese and Japanese Windows.
 */
enum CsvEncoding {

	UTF_8("UTF-8", StandardCharsets.UTF_8),

	// A superset of GBK and GB2312, so files saved as either decode too.
	GB18030("GB18030", Charset.forName("GB18030")),

	// Windows saves "Shift_JIS" as Microsoft's variant: strict Shift_JIS would refuse
	// characters such as ① and read ～ as another character.
	SHIFT_JIS("Shift_JIS", Charset.forName("windows-31j"));

	private final String displayName;

	private final Charset charset;

	CsvEncoding(String displayName, Charset charset) {
		this.displayName = displayName;
		this.charset = charset;
	}

	/** The name operators know, used in messages. */
	String displayName() {
		return this.displayName;
	}

	Charset charset() {
		return this.charset;
	}

}
