package dev.herald.officialaccount;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface OfficialAccountRepository extends ListCrudRepository<OfficialAccount, Long> {

	Optional<OfficialAccount> findByChatAppIdAndAccountId(long chatAppId, String accountId);

	List<OfficialAccount> findByChatAppIdOrderByAccountId(long chatAppId);

	List<OfficialAccount> findByChatAppIdAndTestAccountTrueOrderByAccountId(long chatAppId);

	List<OfficialAccount> findByTestAccountTrueOrderByAccountId();

}
