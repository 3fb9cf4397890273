package dev.herald.draft;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The drafts waiting for a reviewer's decision, as the dashboard lists them: in review,
 * not archived, and neither written nor last edited by the reviewer (four-eyes), so the
 * reviewer may decide on every one of them. The review page's queue lists the same.
 */
@Service
public class ReviewQueue {

	private final JdbcClient jdbc;

	ReviewQueue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The longest-waiting drafts the reviewer may decide on, in one query.
	 * @param reviewer the signed-in user
	 * @param limit how many to list at most
	 * @return the first drafts, and how many wait in all
	 */
	@Transactional(readOnly = true)
	public WaitingReviews waitingFor(String reviewer, int limit) {
		// The window count is taken before the limit: every draft that waits.
		List<Row> rows = this.jdbc.sql("""
				select d.id, d.title, d.current_version, d.author, d.updated_at, count(*) over () as total
				from draft d
				where d.status = 'IN_REVIEW' and d.archived_at is null and d.author <> :user and d.last_editor <> :user
				order by d.updated_at, d.id
				limit :limit""").param("user", reviewer).param("limit", limit).query(ReviewQueue::row).list();
		return new WaitingReviews(rows.stream().map(Row::draft).toList(), rows.isEmpty() ? 0 : rows.get(0).total());
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(new WaitingReviews.Submitted(rs.getLong("id"), rs.getString("title"),
				rs.getInt("current_version"), rs.getString("author"), rs.getTimestamp("updated_at").toInstant()),
				rs.getLong("total"));
	}

	private record Row(WaitingReviews.Submitted draft, long total) {

	}

	/**
	 * Drafts waiting for a reviewer.
	 *
	 * @param drafts the ones listed, the longest waiting first
	 * @param total how many wait in all
	 */
	public record WaitingReviews(List<Submitted> drafts, long total) {

		/** How many wait beyond the listed ones. */
		public long notListed() {
			return this.total - this.drafts.size();
		}

		/**
		 * One draft waiting for review.
		 *
		 * @param version its current version's number, the one to review
		 * @param author who wrote and submitted it
		 * @param since when it was submitted (its last change)
		 */
		public record Submitted(long id, String title, int version, String author, Instant since) {

		}

	}

}
