package dev.herald.officialaccount;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccountIdsTests {

	@Test
	void acceptsTencentStyleIds() {
		assertThat(AccountIds.problem("@TOA#_2C5SZEAEF")).isNull();
		assertThat(AccountIds.problem("@TOA#_demo_news")).isNull();
	}

	@Test
	void refusesIdsWithoutThePrefix() {
		assertThat(AccountIds.problem("demo_news")).isEqualTo("accounts.id.prefix");
		assertThat(AccountIds.problem("@TOA#_")).isEqualTo("accounts.id.prefix");
	}

	@Test
	void refusesBlankLongAndOddIds() {
		assertThat(AccountIds.problem(" ")).isEqualTo("accounts.id.required");
		assertThat(AccountIds.problem("@TOA#_" + "x".repeat(60))).isEqualTo("accounts.id.tooLong");
		assertThat(AccountIds.problem("@TOA#_a b")).isEqualTo("accounts.id.characters");
		assertThat(AccountIds.problem("@TOA#_新闻")).isEqualTo("accounts.id.characters");
	}

}
