package dev.herald.officialaccount;

import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.herald.support.ApplicationTest;
import dev.herald.support.CampaignFixtures;
import dev.herald.support.TestUsers;
import dev.herald.support.WebSession;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Account and group member CSVs in the encodings Excel saves: GBK on Chinese Windows,
 * Shift_JIS on Japanese Windows, UTF-8 with a byte-order mark. A file read in the wrong
 * encoding is refused by line, never imported with broken names.
 */
@ApplicationTest
class ImportEncodingTests {

	private static final Charset GBK = Charset.forName("GBK");

	private static final String NEWS = """
			account_id,name,subscriber_count,test,tags
			@TOA#_xinwen,新闻,12000,false,新闻;region:cn
			@TOA#_plain,Plain,1,false,plain
			""";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private OfficialAccounts accounts;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TestUsers users;

	@Autowired
	private CampaignFixtures campaignFixtures;

	@LocalServerPort
	private int port;

	@Test
	void aGbkFileImportsWhenGb18030IsChosen() {
		long app = newApp("GBK import");

		assertThat(upload(app, NEWS.getBytes(GBK), "GB18030")).hasStatus(302);

		assertThat(this.accounts.ofApp(app)).filteredOn((account) -> account.accountId().equals("@TOA#_xinwen"))
			.singleElement()
			.satisfies((account) -> {
				assertThat(account.name()).isEqualTo("新闻");
				assertThat(account.tags()).containsExactly("region:cn", "新闻");
			});
	}

	@Test
	void aGbkFileIsRefusedByLineWhenUtf8IsChosen() {
		long app = newApp("GBK refused");

		assertThat(upload(app, NEWS.getBytes(GBK), "UTF_8")).hasStatusOk()
			.bodyText()
			.contains("Nothing was imported: 1 problem to fix.")
			.contains("Line 2:")
			.contains("the bytes of this line are not valid UTF-8")
			.doesNotContain("Line 3:");
		assertThat(this.accounts.ofApp(app)).isEmpty();
	}

	@Test
	void utf8IsTheDefaultAndItsByteOrderMarkIsDropped() {
		long app = newApp("BOM import");
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		byte[] text = "account_id,name\n@TOA#_bom,Zürich 新闻\n".getBytes(StandardCharsets.UTF_8);
		byte[] file = new byte[bom.length + text.length];
		System.arraycopy(bom, 0, file, 0, bom.length);
		System.arraycopy(text, 0, file, bom.length, text.length);

		assertThat(upload(app, file, null)).hasStatus(302);

		assertThat(this.accounts.ofApp(app)).extracting(OfficialAccountView::accountId, OfficialAccountView::name)
			.containsExactly(Tuple.tuple("@TOA#_bom", "Zürich 新闻"));
	}

	@Test
	void shiftJisOverRealHttpImportsWhenChosenAndIsRefusedAsUtf8() {
		long app = newApp("SJIS import");
		byte[] file = "@TOA#_tokyo,東京ニュース\r\n@TOA#_osaka,大阪のお店\r\n".getBytes(Charset.forName("Shift_JIS"));
		WebSession session = WebSession.signIn(this.port, this.users.create("importer", "OPERATOR"));

		HttpResponse<String> refused = session.postMultipart("/accounts/import", fields(session, app, "UTF_8"), "file",
				"accounts.csv", file);

		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("Line 1:", "Line 2:", "not valid UTF-8")
			.containsPattern("<option value=\"UTF_8\" selected=\"selected\"");
		assertThat(this.accounts.ofApp(app)).isEmpty();

		HttpResponse<String> imported = session.postMultipart("/accounts/import", fields(session, app, "SHIFT_JIS"),
				"file", "accounts.csv", file);

		assertThat(imported.statusCode()).isEqualTo(302);
		assertThat(this.accounts.ofApp(app)).extracting(OfficialAccountView::name)
			.containsExactlyInAnyOrder("東京ニュース", "大阪のお店");
	}

	@Test
	void groupMemberCsvIsDecodedTheSameWay() {
		CampaignFixtures.App app = this.campaignFixtures.app("Member enc", 2);
		String ids = app.accounts().get(0).accountId() + ",新闻\n" + app.accounts().get(1).accountId() + ",商店\n";

		assertThat(group(app.id(), "UTF_8", ids.getBytes(GBK))).hasStatusOk()
			.bodyText()
			.contains("The file was not used: fix these lines.")
			.contains("Line 1:", "Line 2:", "not valid UTF-8");
		assertThat(group(app.id(), "GB18030", ids.getBytes(GBK))).hasStatus(302);
		assertThat(this.jdbc.sql("""
				select count(*) from target_group_member m join target_group g on g.id = m.target_group_id
				where g.chat_app_id = ? and g.name = 'Encoded'""").param(app.id()).query(Long.class).single())
			.isEqualTo(2);
	}

	private MvcTestResult upload(long app, byte[] csv, String encoding) {
		var request = MockMvcRequestBuilders.multipart("/accounts/import")
			.file(new MockMultipartFile("file", "accounts.csv", "text/csv", csv))
			.param("app", String.valueOf(app))
			.with(csrf())
			.with(user("op").roles("OPERATOR"));
		if (encoding != null) {
			request.param("encoding", encoding);
		}
		return this.mvc.perform(request);
	}

	private MvcTestResult group(long app, String encoding, byte[] csv) {
		return this.mvc.perform(MockMvcRequestBuilders.multipart("/accounts/groups")
			.file(new MockMultipartFile("membersFile", "members.csv", "text/csv", csv))
			.param("chatAppId", String.valueOf(app))
			.param("name", "Encoded")
			.param("dynamic", "false")
			.param("membersEncoding", encoding)
			.param("version", "0")
			.with(csrf())
			.with(user("op").roles("OPERATOR")));
	}

	private static Map<String, String> fields(WebSession session, long app, String encoding) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("_csrf", WebSession.csrf(session.get("/accounts/import?app=" + app).body()));
		fields.put("app", String.valueOf(app));
		fields.put("encoding", encoding);
		return fields;
	}

	private long newApp(String prefix) {
		return this.campaignFixtures.app(prefix, 0).id();
	}

}
