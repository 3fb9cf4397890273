package dev.herald.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Calls made at the same moment, as two tabs, a double-click or two nodes make them: each
 * on a thread of its own, all released together by a latch (not a sleep) once every
 * thread is waiting.
 */
public final class AtOnce {

	private AtOnce() {
	}

	/**
	 * Makes the same call {@code count} times at once.
	 * @return the answers, in the order the calls were started
	 */
	public static <T> List<T> repeat(int count, Callable<T> call) throws Exception {
		return run(Collections.nCopies(count, call));
	}

	/**
	 * Makes the calls at once.
	 * @return their answers, in the order of the calls
	 */
	public static <T> List<T> run(List<Callable<T>> calls) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(calls.size());
		try {
			CountDownLatch ready = new CountDownLatch(calls.size());
			CountDownLatch go = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (Callable<T> call : calls) {
				futures.add(pool.submit(() -> {
					ready.countDown();
					go.await();
					return call.call();
				}));
			}
			if (!ready.await(30, TimeUnit.SECONDS)) {
				throw new TimeoutException("Not every thread started");
			}
			go.countDown();
			List<T> answers = new ArrayList<>();
			for (Future<T> future : futures) {
				answers.add(answer(future));
			}
			return answers;
		}
		finally {
			pool.shutdownNow();
			pool.awaitTermination(10, TimeUnit.SECONDS);
		}
	}

	private static <T> T answer(Future<T> future) throws Exception {
		try {
			return future.get(60, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof Exception cause) {
				throw cause;
			}
			throw ex;
		}
	}

}
