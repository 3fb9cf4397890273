package dev.herald.support;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Times a page over HTTP for the measurements (classes named {@code *Measurement}, run by
 * hand): prints {@code RESULT <name> p50=… p95=… chars=… (<path>)}.
 */
public final class PageTimer {

	private PageTimer() {
	}

	/**
	 * Gets the page {@code warmUp} times untimed, then {@code rounds} times timed.
	 * @throws IllegalStateException when the page does not answer 200
	 */
	public static void time(WebSession session, String name, String path, int warmUp, int rounds) {
		for (int i = 0; i < warmUp; i++) {
			session.get(path);
		}
		List<Double> millis = new ArrayList<>();
		int chars = 0;
		for (int i = 0; i < rounds; i++) {
			long start = System.nanoTime();
			HttpResponse<String> response = session.get(path);
			millis.add((System.nanoTime() - start) / 1e6);
			if (response.statusCode() != 200) {
				throw new IllegalStateException(path + " answered " + response.statusCode());
			}
			chars = response.body().length();
		}
		Collections.sort(millis);
		System.out.printf("RESULT %s p50=%.1fms p95=%.1fms chars=%d (%s)%n", name, millis.get(rounds / 2),
				millis.get((int) Math.ceil(rounds * 0.95) - 1), chars, path);
	}

}
