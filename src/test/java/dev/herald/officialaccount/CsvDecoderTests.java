package dev.herald.officialaccount;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class CsvDecoderTests {

	private static final Charset GBK = Charset.forName("GBK");

	private static final Charset SHIFT_JIS = Charset.forName("Shift_JIS");

	private static final String CHINESE = "account_id,name,subscriber_count,test,tags\n@TOA#_news,新闻,10,false,新闻\n"
			+ "@TOA#_plain,Plain\n@TOA#_shop,商店\n";

	@Test
	void readsUtf8WithAndWithoutAByteOrderMark() {
		byte[] plain = "@TOA#_a,Ålesund\n".getBytes(StandardCharsets.UTF_8);
		byte[] bom = new byte[plain.length + 3];
		bom[0] = (byte) 0xEF;
		bom[1] = (byte) 0xBB;
		bom[2] = (byte) 0xBF;
		System.arraycopy(plain, 0, bom, 3, plain.length);

		assertThat(CsvDecoder.decode(plain, CsvEncoding.UTF_8).text()).isEqualTo("@TOA#_a,Ålesund\n");
		assertThat(CsvDecoder.decode(bom, CsvEncoding.UTF_8)).satisfies((decoded) -> {
			assertThat(decoded.problems()).isEmpty();
			assertThat(decoded.text()).isEqualTo("@TOA#_a,Ålesund\n");
		});
	}

	@Test
	void readsAGbkFileAsGb18030() {
		CsvDecoder.Decoded decoded = CsvDecoder.decode(CHINESE.getBytes(GBK), CsvEncoding.GB18030);

		assertThat(decoded.problems()).isEmpty();
		assertThat(decoded.text()).isEqualTo(CHINESE);
	}

	@Test
	void refusesAGbkFileReadAsUtf8NamingEveryBadLine() {
		CsvDecoder.Decoded decoded = CsvDecoder.decode(CHINESE.getBytes(GBK), CsvEncoding.UTF_8);

		assertThat(decoded.text()).isEmpty();
		assertThat(decoded.problems())
			.extracting(AccountCsv.Problem::line, AccountCsv.Problem::messageKey, AccountCsv.Problem::value)
			.containsExactly(tuple(2L, "accounts.import.encoding.invalid", "UTF-8"),
					tuple(4L, "accounts.import.encoding.invalid", "UTF-8"));
	}

	@Test
	void readsShiftJisAndRefusesItAsUtf8() {
		String japanese = "@TOA#_tokyo,東京ニュース\r\n@TOA#_osaka,大阪\r\n";
		byte[] bytes = japanese.getBytes(SHIFT_JIS);

		assertThat(CsvDecoder.decode(bytes, CsvEncoding.SHIFT_JIS).text()).isEqualTo(japanese);
		assertThat(CsvDecoder.decode(bytes, CsvEncoding.UTF_8).problems()).extracting(AccountCsv.Problem::line)
			.containsExactly(1L, 2L);
	}

	@Test
	void readsShiftJisAsWindowsSavesIt() {
		// ① and ～ as Excel on Japanese Windows writes them (Windows-31J).
		String text = "@TOA#_kabu,①号店～本店\n";

		assertThat(CsvDecoder.decode(text.getBytes(Charset.forName("windows-31j")), CsvEncoding.SHIFT_JIS).text())
			.isEqualTo(text);
	}

	@Test
	void refusesBytesThatShiftJisDoesNotMap() {
		// 0x85 0x40 has the shape of a Shift_JIS pair but no character.
		byte[] bytes = { '@', 'T', 'O', 'A', '#', '_', 'x', ',', (byte) 0x85, 0x40, '\n' };

		assertThat(CsvDecoder.decode(bytes, CsvEncoding.SHIFT_JIS).problems()).extracting(AccountCsv.Problem::line)
			.containsExactly(1L);
	}

	@Test
	void refusesASequenceCutOffAtTheEnd() {
		byte[] full = "@TOA#_a,A\n@TOA#_b,新".getBytes(StandardCharsets.UTF_8);
		byte[] cut = Arrays.copyOf(full, full.length - 1);

		assertThat(CsvDecoder.decode(cut, CsvEncoding.UTF_8).problems()).extracting(AccountCsv.Problem::line)
			.containsExactly(2L);
	}

	@Test
	void listsTheFirstBadLinesAndCountsTheRest() {
		StringBuilder csv = new StringBuilder();
		for (int i = 0; i < 25; i++) {
			csv.append("@TOA#_n").append(i).append(",新闻\n");
		}

		CsvDecoder.Decoded decoded = CsvDecoder.decode(csv.toString().getBytes(GBK), CsvEncoding.UTF_8);

		assertThat(decoded.problems()).hasSize(CsvDecoder.MAX_LISTED_LINES + 1);
		assertThat(decoded.problems().get(19).line()).isEqualTo(20);
		assertThat(decoded.problems().get(20))
			.isEqualTo(new AccountCsv.Problem(0, "accounts.import.encoding.more", "5"));
	}

}
