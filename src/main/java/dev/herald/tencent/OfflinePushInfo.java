package dev.herald.tencent;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * Offline push settings of a message. When present, the push settings inside a
 * {@code TIMCustomElem} are ignored by Tencent.
 *
 * @param pushFlag 0 = push (default), 1 = no offline push
 */
@JsonPropertyOrder({ "PushFlag", "Title", "Desc", "Ext", "AndroidInfo", "ApnsInfo" })
public record OfflinePushInfo(@JsonProperty("PushFlag") @Nullable Integer pushFlag,
		@JsonProperty("Title") @Nullable String title, @JsonProperty("Desc") @Nullable String desc,
		@JsonProperty("Ext") @Nullable String ext, @JsonProperty("AndroidInfo") @Nullable AndroidInfo androidInfo,
		@JsonProperty("ApnsInfo") @Nullable ApnsInfo apnsInfo) {

	@JsonPropertyOrder({ "Sound", "HuaWeiChannelID", "XiaoMiChannelID", "OPPOChannelID", "GoogleChannelID",
			"VIVOClassification", "HuaWeiImportance", "ExtAsHuaweiIntentParam", "HuaWeiCategory" })
	public record AndroidInfo(@JsonProperty("Sound") @Nullable String sound,
			@JsonProperty("HuaWeiChannelID") @Nullable String huaWeiChannelId,
			@JsonProperty("XiaoMiChannelID") @Nullable String xiaoMiChannelId,
			@JsonProperty("OPPOChannelID") @Nullable String oppoChannelId,
			@JsonProperty("GoogleChannelID") @Nullable String googleChannelId,
			@JsonProperty("VIVOClassification") @Nullable Integer vivoClassification,
			@JsonProperty("HuaWeiImportance") @Nullable String huaWeiImportance,
			@JsonProperty("ExtAsHuaweiIntentParam") @Nullable Integer extAsHuaweiIntentParam,
			@JsonProperty("HuaWeiCategory") @Nullable String huaWeiCategory) {

		/** The only Android field the OA send page shows. */
		public static AndroidInfo ofSound(@Nullable String sound) {
			return new AndroidInfo(sound, null, null, null, null, null, null, null, null);
		}

	}

	/**
	 * @param badgeMode 0 or absent = count the badge, 1 = do not count
	 * @param mutableContent 1 = let an iOS notification service extension edit the push
	 */
	@JsonPropertyOrder({ "Sound", "BadgeMode", "Title", "SubTitle", "Image", "MutableContent" })
	public record ApnsInfo(@JsonProperty("Sound") @Nullable String sound,
			@JsonProperty("BadgeMode") @Nullable Integer badgeMode, @JsonProperty("Title") @Nullable String title,
			@JsonProperty("SubTitle") @Nullable String subTitle, @JsonProperty("Image") @Nullable String image,
			@JsonProperty("MutableContent") @Nullable Integer mutableContent) {

	}

}
