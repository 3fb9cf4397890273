package dev.herald.officialaccount;

import java.io.StringReader;
import java.util.List;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccountCsvTests {

	@Test
	void readsRowsWithAndWithoutHeader() {
		AccountCsv.Parsed withHeader = AccountCsv
			.parse(new StringReader("account_id,name,subscriber_count,test\n@TOA#_a,Alpha,10,true\n@TOA#_b,,,\n"));
		assertThat(withHeader.problems()).isEmpty();
		assertThat(withHeader.rows()).extracting(AccountCsv.Row::accountId).containsExactly("@TOA#_a", "@TOA#_b");
		assertThat(withHeader.rows().get(0).testAccount()).isTrue();
		assertThat(withHeader.rows().get(0).subscriberCount()).isEqualTo(10);
		assertThat(withHeader.rows().get(1).name()).isEqualTo("@TOA#_b");
		AccountCsv.Parsed bare = AccountCsv.parse(new StringReader("@TOA#_c,Gamma\n"));
		assertThat(bare.rows()).extracting(AccountCsv.Row::name).containsExactly("Gamma");
	}

	@Test
	void toleratesAByteOrderMarkAndQuotedCommas() {
		AccountCsv.Parsed parsed = AccountCsv
			.parse(new StringReader("\uFEFFaccount_id,name\n@TOA#_q,\"Shop, Berlin \"\"Mitte\"\"\"\n"));
		assertThat(parsed.problems()).isEmpty();
		assertThat(parsed.rows().get(0).name()).isEqualTo("Shop, Berlin \"Mitte\"");
	}

	@Test
	void reportsEveryBadRowByItsLineNumber() {
		AccountCsv.Parsed parsed = AccountCsv.parse(new StringReader(
				"account_id,name,subscriber_count,test\n@TOA#_ok,Ok\nnews,No prefix\n@TOA#_n,N,many\n@TOA#_t,T,1,maybe\n@TOA#_ok,Again\n"));
		assertThat(parsed.problems()).extracting(AccountCsv.Problem::line, AccountCsv.Problem::messageKey)
			.containsExactly(Tuple.tuple(3L, "accounts.id.prefix"), Tuple.tuple(4L, "accounts.import.subscribers"),
					Tuple.tuple(5L, "accounts.import.test"), Tuple.tuple(6L, "accounts.import.duplicate"));
	}

	@Test
	void emptyFileIsAProblem() {
		assertThat(AccountCsv.parse(new StringReader("")).problems()).extracting(AccountCsv.Problem::messageKey)
			.containsExactly("accounts.import.empty");
	}

	@Test
	void brokenQuotingIsAProblemNotACrash() {
		assertThat(AccountCsv.parse(new StringReader("@TOA#_a,\"unterminated\n")).problems())
			.extracting(AccountCsv.Problem::messageKey)
			.containsExactly("accounts.import.malformed");
	}

	@Test
	void negativeSubscriberCountIsRefused() {
		assertThat(AccountCsv.parse(new StringReader("@TOA#_a,A,-5")).problems())
			.extracting(AccountCsv.Problem::messageKey)
			.containsExactly("accounts.import.subscribers");
	}

	@Test
	void readsTagsSeparatedBySemicolonsSpacesOrBars() {
		AccountCsv.Parsed parsed = AccountCsv.parse(new StringReader("""
				account_id,name,subscriber_count,test,tags
				@TOA#_a,A,,,Store;region:APAC
				@TOA#_b,B,,,store region:emea|vip
				@TOA#_c,C,,,"a,b"
				@TOA#_d,D,,,
				"""));
		assertThat(parsed.problems()).isEmpty();
		assertThat(parsed.rows()).extracting(AccountCsv.Row::tags)
			.containsExactly(List.of("region:apac", "store"), List.of("region:emea", "store", "vip"), List.of("a", "b"),
					List.of());
	}

	@Test
	void withoutATagsColumnTagsAreLeftAlone() {
		AccountCsv.Parsed parsed = AccountCsv.parse(new StringReader("@TOA#_a,A\n@TOA#_b,B,1,false,vip\n"));
		assertThat(parsed.rows()).extracting(AccountCsv.Row::tags).containsExactly(null, List.of("vip"));
	}

	@Test
	void aHeaderMayOrderAndLeaveOutColumns() {
		AccountCsv.Parsed parsed = AccountCsv.parse(new StringReader("tags,account_id\nvip,@TOA#_a\n"));
		assertThat(parsed.problems()).isEmpty();
		assertThat(parsed.rows()).singleElement().satisfies((row) -> {
			assertThat(row.accountId()).isEqualTo("@TOA#_a");
			assertThat(row.name()).isEqualTo("@TOA#_a");
			assertThat(row.tags()).containsExactly("vip");
		});
	}

	@Test
	void badTagsAreReportedByLine() {
		String tooLong = "x".repeat(Tags.MAX_LENGTH + 1);
		AccountCsv.Parsed parsed = AccountCsv
			.parse(new StringReader("account_id,tags\n@TOA#_a,ok\n@TOA#_b," + tooLong + "\n"));
		assertThat(parsed.problems()).extracting(AccountCsv.Problem::line, AccountCsv.Problem::messageKey)
			.containsExactly(Tuple.tuple(3L, "accounts.tags.tooLong"));
	}

}
