package dev.herald.report;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import dev.herald.support.ApplicationTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The audit log view: filters, keyset pages and export.
 */
@ApplicationTest
class AuditViewTests {

	@Autowired
	private AuditTrail trail;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MockMvcTester mvc;

	@Test
	void filtersPagesAndExports() throws IOException {
		String actor = "auditor-" + UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < 7; i++) {
			this.jdbc.sql("""
					insert into audit_event (occurred_at, actor, action, object_type, object_id, after_state)
					values (now() - :i * interval '1 minute', :actor, :action, 'draft', :id, cast(:after as jsonb))""")
				.param("i", i)
				.param("actor", actor)
				.param("action", (i % 2 == 0) ? "draft.created" : "draft.approved")
				.param("id", String.valueOf(i))
				.param("after", "{\"note\": \"=cmd|' /C calc'!A0\"}")
				.update();
		}
		AuditForm filter = new AuditForm();
		filter.setActor(actor);
		AuditTrail.Page first = this.trail.page(filter, ZoneOffset.UTC, 3);
		assertThat(first.rows()).extracting((entry) -> entry.objectId()).containsExactly("0", "1", "2");
		filter.setAfter(first.next().token());
		assertThat(this.trail.page(filter, ZoneOffset.UTC, 3).rows()).extracting((entry) -> entry.objectId())
			.containsExactly("3", "4", "5");
		filter.setAfter(null);
		filter.setAction("draft.approved");
		assertThat(this.trail.page(filter, ZoneOffset.UTC, 10).rows()).hasSize(3);

		assertThat(this.mvc.get().uri("/audit?actor=" + actor).with(user("analyst").roles("ANALYST"))).hasStatusOk()
			.bodyText()
			.contains(actor);
		byte[] csv = this.mvc.get()
			.uri("/audit/export?format=csv&actor=" + actor)
			.with(user("analyst").roles("ANALYST"))
			.exchange()
			.getResponse()
			.getContentAsByteArray();
		List<CSVRecord> records = CSVFormat.RFC4180
			.parse(new StringReader(new String(csv, StandardCharsets.UTF_8).substring(1)))
			.getRecords();
		assertThat(records).hasSize(8);
		assertThat(records.get(1).get(2)).isEqualTo(actor);
		assertThat(this.jdbc.sql(
				"select count(*) from audit_event where action = 'report.exported' and object_id = 'audit' and after_state::text like :actor")
			.param("actor", "%" + actor + "%")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

}
