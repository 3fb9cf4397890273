package dev.herald.tencent;

/**
 * Why {@link MediaProbe} could not tell a file's size (or an image's dimensions). Pages
 * show it next to the URL field; it never reaches the error page.
 */
public class MediaProbeException extends Exception {

	private static final long serialVersionUID = 1L;

	/** What went wrong, in words the page can name. */
	public enum Problem {

		/** Not an absolute http or https URL with a host, or it carries credentials. */
		INVALID_URL,

		/** The host is, or resolves to, an address Herald does not call. */
		REFUSED_ADDRESS,

		/** The host name does not resolve. */
		UNKNOWN_HOST,

		/** No connection, or it broke. */
		UNREACHABLE,

		/** The server took too long. */
		TIMEOUT,

		/** The server answered with an error status ({@link #status()}). */
		HTTP_STATUS,

		/** More redirects than Herald follows. */
		TOO_MANY_REDIRECTS,

		/** Larger than Herald reads. */
		TOO_LARGE,

		/** Not an image Herald can read the dimensions of. */
		NOT_AN_IMAGE

	}

	private final Problem problem;

	private final int status;

	MediaProbeException(Problem problem) {
		this(problem, 0);
	}

	MediaProbeException(Problem problem, int status) {
		super(problem.name() + ((status != 0) ? " " + status : ""));
		this.problem = problem;
		this.status = status;
	}

	MediaProbeException(Problem problem, Throwable cause) {
		super(problem.name(), cause);
		this.problem = problem;
		this.status = 0;
	}

	public Problem problem() {
		return this.problem;
	}

	/**
	 * The HTTP status for {@link Problem#HTTP_STATUS}, else 0.
	 * @return the status
	 */
	public int status() {
		return this.status;
	}

}
