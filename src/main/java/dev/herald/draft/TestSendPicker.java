package dev.herald.draft;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.herald.chatapp.ChatAppView;
import dev.herald.chatapp.ChatApps;
import dev.herald.officialaccount.OfficialAccountView;
import dev.herald.officialaccount.OfficialAccounts;

import org.springframework.stereotype.Component;

/**
 * The choices of the test send picker: test accounts grouped by their Chat app, under the
 * app's name, so an operator sees which app a test message goes through. A draft is not
 * bound to an app, so every enabled app with live test accounts is offered.
 */
@Component
class TestSendPicker {

	private final OfficialAccounts accounts;

	private final ChatApps apps;

	TestSendPicker(OfficialAccounts accounts, ChatApps apps) {
		this.accounts = accounts;
		this.apps = apps;
	}

	/** Apps with test accounts, by name; each app's accounts by id. */
	List<AppAccounts> choices() {
		Map<Long, List<OfficialAccountView>> byApp = this.accounts.testAccounts()
			.stream()
			.filter((account) -> !account.archived())
			.collect(Collectors.groupingBy(OfficialAccountView::chatAppId));
		return this.apps.enabledApps()
			.stream()
			.filter((app) -> byApp.containsKey(app.id()))
			.sorted(Comparator.comparing(ChatAppView::name, String.CASE_INSENSITIVE_ORDER))
			.map((app) -> new AppAccounts(app.name(),
					byApp.get(app.id()).stream().sorted(Comparator.comparing(OfficialAccountView::accountId)).toList()))
			.toList();
	}

	/** One app's test accounts. */
	record AppAccounts(String appName, List<OfficialAccountView> accounts) {

	}

}
