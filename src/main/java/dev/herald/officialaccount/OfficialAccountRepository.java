package dev.herald.officialaccount;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

interface OfficialAccountRepository extends ListCrudRepository<OfficialAccount, Long> {

	Optional<OfficialAccount> findByChatAppIdAndAccountId(long chatAppId, String accountId);

	List<OfficialAccount> findByChatAppIdAndAccountIdIn(long chatAppId, Collection<String> accountIds);

	List<OfficialAccount> findByChatAppIdOrderByAccountId(long chatAppId);

	List<OfficialAccount> findByChatAppIdAndTestAccountTrueOrderByAccountId(long chatAppId);

	List<OfficialAccount> findByTestAccountTrueOrderByAccountId();

	@Query("""
			select a from OfficialAccount a
			where (:chatAppId is null or a.chatAppId = :chatAppId)
			  and (:text = '' or lower(a.accountId) like concat('%', :text, '%') or lower(a.name) like concat('%', :text, '%'))
			order by a.chatAppId, a.accountId""")
	Page<OfficialAccount> search(@Param("chatAppId") @Nullable Long chatAppId, @Param("text") String text,
			Pageable page);

}
