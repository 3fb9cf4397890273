package dev.herald.campaign;

import dev.herald.officialaccount.AudienceSource;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code campaign_target}: a source of the campaign's audience, resolved when
 * a run fires.
 */
@Embeddable
class CampaignTarget {

	@Enumerated(EnumType.STRING)
	private AudienceSource.Kind kind;

	private @Nullable Long refId;

	private @Nullable String tag;

	@SuppressWarnings("NullAway.Init")
	protected CampaignTarget() {
	}

	CampaignTarget(AudienceSource source) {
		this.kind = source.kind();
		this.refId = source.refId();
		this.tag = source.tag();
	}

	AudienceSource source() {
		return new AudienceSource(this.kind, this.refId, this.tag);
	}

}
