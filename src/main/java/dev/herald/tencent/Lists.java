package dev.herald.tencent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** Defensive copies that keep {@code null} items, because the validator must see them. */
final class Lists {

	private Lists() {
	}

	static <T> @Nullable List<T> copyOrNull(@Nullable List<T> list) {
		return (list != null) ? Collections.unmodifiableList(new ArrayList<>(list)) : null;
	}

}
