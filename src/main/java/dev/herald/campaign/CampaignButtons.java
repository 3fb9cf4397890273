package dev.herald.campaign;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The campaign page's buttons, from the campaign's status: the same whether the whole
 * page ({@link CampaignDetail}) or its live part ({@link CampaignLive}) renders them.
 */
interface CampaignButtons {

	CampaignStatus status();

	boolean archived();

	List<CampaignDetail.Run> runs();

	default boolean mayArchive() {
		return !archived() && status().isFinal();
	}

	default boolean mayPause() {
		return status().mayPause();
	}

	default boolean mayResume() {
		return status().mayResume();
	}

	default boolean mayCancel() {
		return status().mayCancel();
	}

	default boolean mayEdit() {
		return status().mayEdit();
	}

	default CampaignDetail.@Nullable Run activeRun() {
		return runs().stream().filter((run) -> run.status().isActive()).findFirst().orElse(null);
	}

}
