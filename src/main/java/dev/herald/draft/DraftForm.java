package dev.herald.draft;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What the composer posts. Every content field is a string so that a wrongly typed number
 * comes back as a field error rather than a binding failure.
 */
class DraftForm {

	static final int MAX_TITLE = 200;

	static final int MAX_NOTES = 4000;

	@NotBlank
	@Size(max = MAX_TITLE)
	private @Nullable String title;

	@Size(max = MAX_NOTES)
	private @Nullable String notes;

	/** The draft's lock version the form was rendered from; null for a new draft. */
	private @Nullable Long version;

	/**
	 * The one-time token of a new-draft form; a second POST of it finds the first draft.
	 */
	private @Nullable String submissionToken;

	/**
	 * What the form was opened from (content version number, title and notes), so that a
	 * save that lost the race can show what changed in between. Display only: the lock is
	 * {@link #version}.
	 */
	private @Nullable Integer baseVersion;

	private @Nullable String baseTitle;

	private @Nullable String baseNotes;

	private List<ElementForm> elements = new ArrayList<>();

	private @Nullable String cloudCustomData;

	private boolean pushDisabled;

	private @Nullable String pushTitle;

	private @Nullable String pushDesc;

	private @Nullable String pushExt;

	private @Nullable String androidSound;

	private @Nullable String apnsSound;

	private boolean apnsNoBadge;

	private @Nullable String apnsTitle;

	private @Nullable String apnsSubTitle;

	private @Nullable String apnsImage;

	private boolean onlineOnly;

	private boolean noLastMsg;

	private boolean forbidBeforeCallback;

	private boolean forbidAfterCallback;

	/**
	 * One element of the body: its wire type and its fields by key.
	 */
	static class ElementForm {

		private @Nullable String type;

		private Map<String, @Nullable String> fields = new LinkedHashMap<>();

		ElementForm() {
		}

		ElementForm(String type) {
			this.type = type;
		}

		public @Nullable String getType() {
			return this.type;
		}

		public void setType(@Nullable String type) {
			this.type = type;
		}

		public Map<String, @Nullable String> getFields() {
			return this.fields;
		}

		public void setFields(Map<String, @Nullable String> fields) {
			this.fields = fields;
		}

		/** The type as the composer knows it; unknown types are dropped. */
		public @Nullable ElementType getElementType() {
			return ElementType.ofWire(this.type);
		}

	}

	public @Nullable String getTitle() {
		return this.title;
	}

	public void setTitle(@Nullable String title) {
		this.title = title;
	}

	public @Nullable String getNotes() {
		return this.notes;
	}

	public void setNotes(@Nullable String notes) {
		this.notes = notes;
	}

	public @Nullable Long getVersion() {
		return this.version;
	}

	public void setVersion(@Nullable Long version) {
		this.version = version;
	}

	public @Nullable String getSubmissionToken() {
		return this.submissionToken;
	}

	public void setSubmissionToken(@Nullable String submissionToken) {
		this.submissionToken = submissionToken;
	}

	public @Nullable Integer getBaseVersion() {
		return this.baseVersion;
	}

	public void setBaseVersion(@Nullable Integer baseVersion) {
		this.baseVersion = baseVersion;
	}

	public @Nullable String getBaseTitle() {
		return this.baseTitle;
	}

	public void setBaseTitle(@Nullable String baseTitle) {
		this.baseTitle = baseTitle;
	}

	public @Nullable String getBaseNotes() {
		return this.baseNotes;
	}

	public void setBaseNotes(@Nullable String baseNotes) {
		this.baseNotes = baseNotes;
	}

	public List<ElementForm> getElements() {
		return this.elements;
	}

	public void setElements(List<ElementForm> elements) {
		this.elements = elements;
	}

	public @Nullable String getCloudCustomData() {
		return this.cloudCustomData;
	}

	public void setCloudCustomData(@Nullable String cloudCustomData) {
		this.cloudCustomData = cloudCustomData;
	}

	public boolean isPushDisabled() {
		return this.pushDisabled;
	}

	public void setPushDisabled(boolean pushDisabled) {
		this.pushDisabled = pushDisabled;
	}

	public @Nullable String getPushTitle() {
		return this.pushTitle;
	}

	public void setPushTitle(@Nullable String pushTitle) {
		this.pushTitle = pushTitle;
	}

	public @Nullable String getPushDesc() {
		return this.pushDesc;
	}

	public void setPushDesc(@Nullable String pushDesc) {
		this.pushDesc = pushDesc;
	}

	public @Nullable String getPushExt() {
		return this.pushExt;
	}

	public void setPushExt(@Nullable String pushExt) {
		this.pushExt = pushExt;
	}

	public @Nullable String getAndroidSound() {
		return this.androidSound;
	}

	public void setAndroidSound(@Nullable String androidSound) {
		this.androidSound = androidSound;
	}

	public @Nullable String getApnsSound() {
		return this.apnsSound;
	}

	public void setApnsSound(@Nullable String apnsSound) {
		this.apnsSound = apnsSound;
	}

	public boolean isApnsNoBadge() {
		return this.apnsNoBadge;
	}

	public void setApnsNoBadge(boolean apnsNoBadge) {
		this.apnsNoBadge = apnsNoBadge;
	}

	public @Nullable String getApnsTitle() {
		return this.apnsTitle;
	}

	public void setApnsTitle(@Nullable String apnsTitle) {
		this.apnsTitle = apnsTitle;
	}

	public @Nullable String getApnsSubTitle() {
		return this.apnsSubTitle;
	}

	public void setApnsSubTitle(@Nullable String apnsSubTitle) {
		this.apnsSubTitle = apnsSubTitle;
	}

	public @Nullable String getApnsImage() {
		return this.apnsImage;
	}

	public void setApnsImage(@Nullable String apnsImage) {
		this.apnsImage = apnsImage;
	}

	public boolean isOnlineOnly() {
		return this.onlineOnly;
	}

	public void setOnlineOnly(boolean onlineOnly) {
		this.onlineOnly = onlineOnly;
	}

	public boolean isNoLastMsg() {
		return this.noLastMsg;
	}

	public void setNoLastMsg(boolean noLastMsg) {
		this.noLastMsg = noLastMsg;
	}

	public boolean isForbidBeforeCallback() {
		return this.forbidBeforeCallback;
	}

	public void setForbidBeforeCallback(boolean forbidBeforeCallback) {
		this.forbidBeforeCallback = forbidBeforeCallback;
	}

	public boolean isForbidAfterCallback() {
		return this.forbidAfterCallback;
	}

	public void setForbidAfterCallback(boolean forbidAfterCallback) {
		this.forbidAfterCallback = forbidAfterCallback;
	}

}
