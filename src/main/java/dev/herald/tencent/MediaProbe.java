package dev.herald.tencent;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpHead;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

/**
 * Fills a media element from its file: fetches the URL someone typed and tells its size,
 * and for an image its width, height and format, reading no more than that needs. Every
 * URL, redirects included, passes the {@link OutboundUrlGuard}; each probe uses a client
 * of its own whose only resolver is the guard, so the connection goes to the address that
 * was checked.
 *
 * <p>
 * {@code HEAD} comes first; {@code GET} follows when the size is unknown or an image must
 * be measured, and stops reading as soon as it knows enough (an image's header, or the
 * size cap). It lives in the {@code tencent} module because that module alone makes
 * outbound HTTP calls (see {@code ArchitectureTests}), and the elements it fills are
 * Tencent's.
 */
public class MediaProbe {

	private static final String USER_AGENT = "Herald media probe";

	private static final Pattern FILENAME = Pattern.compile("filename\\s*=\\s*(\"([^\"]*)\"|([^;\\s]+))",
			Pattern.CASE_INSENSITIVE);

	private final MediaProbeProperties properties;

	private final OutboundUrlGuard guard;

	public MediaProbe(MediaProbeProperties properties) {
		this(properties, OutboundUrlGuard.publicInternet());
	}

	MediaProbe(MediaProbeProperties properties, OutboundUrlGuard guard) {
		this.properties = properties;
		this.guard = guard;
	}

	/**
	 * The largest file a probe measures.
	 * @return the size cap in megabytes
	 */
	public long maxMegabytes() {
		return this.properties.maxSize().toMegabytes();
	}

	/**
	 * Measures the file behind a URL.
	 * @param url the URL as typed
	 * @param image whether to read an image's dimensions
	 * @return what was learned
	 * @throws MediaProbeException what stopped it, for the page to name
	 */
	public MediaFacts probe(String url, boolean image) throws MediaProbeException {
		URI start = this.guard.check(url);
		long deadline = System.nanoTime() + this.properties.deadline().toNanos();
		try (CloseableHttpClient http = client()) {
			return probe(http, start, image, deadline);
		}
		catch (IOException ex) {
			throw translate(ex);
		}
	}

	private MediaFacts probe(CloseableHttpClient http, URI start, boolean image, long deadline)
			throws IOException, MediaProbeException {
		long max = this.properties.maxSize().toBytes();
		URI at = start;
		Long length = null;
		String type = null;
		String disposition = null;
		try (Hop head = send(http, false, start)) {
			int status = head.response.getCode();
			if (isSuccess(status)) {
				at = head.uri;
				length = contentLength(head.response.getFirstHeader("Content-Length"));
				type = contentType(head.response);
				disposition = value(head.response.getFirstHeader("Content-Disposition"));
			}
			else if (status == 404 || status == 410) {
				throw new MediaProbeException(MediaProbeException.Problem.HTTP_STATUS, status);
			}
			// Other refusals of HEAD (405, 403, 501...): the GET below tells.
		}
		if (length != null && length > max) {
			throw new MediaProbeException(MediaProbeException.Problem.TOO_LARGE);
		}
		if (!image && length != null) {
			return new MediaFacts(length, type, fileName(disposition, at), null);
		}
		try (Hop get = send(http, true, at)) {
			int status = get.response.getCode();
			if (!isSuccess(status)) {
				throw new MediaProbeException(MediaProbeException.Problem.HTTP_STATUS, status);
			}
			HttpEntity entity = get.response.getEntity();
			Long announced = (entity != null && entity.getContentLength() >= 0) ? entity.getContentLength() : null;
			if (announced != null && announced > max) {
				throw new MediaProbeException(MediaProbeException.Problem.TOO_LARGE);
			}
			type = (type != null) ? type : contentType(get.response);
			disposition = (disposition != null) ? disposition
					: value(get.response.getFirstHeader("Content-Disposition"));
			CappedStream body = new CappedStream((entity != null) ? entity.getContent() : InputStream.nullInputStream(),
					max, deadline);
			MediaFacts.Image dimensions = image ? readImage(body) : null;
			long size = (length != null) ? length : (announced != null) ? announced : body.drain();
			return new MediaFacts(size, type, fileName(disposition, get.uri), dimensions);
		}
	}

	/**
	 * Sends a request and follows redirects, each one checked like the first URL.
	 * @return the first answer that is not a redirect, open
	 */
	private Hop send(CloseableHttpClient http, boolean get, URI uri) throws IOException, MediaProbeException {
		URI current = uri;
		for (int redirects = 0;; redirects++) {
			HttpUriRequestBase request = get ? new HttpGet(current) : new HttpHead(current);
			Hop hop = new Hop(request, http.executeOpen(null, request, null), current);
			int status = hop.response.getCode();
			if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
				return hop;
			}
			String location = value(hop.response.getFirstHeader("Location"));
			hop.close();
			if (location == null) {
				throw new MediaProbeException(MediaProbeException.Problem.HTTP_STATUS, status);
			}
			if (redirects >= this.properties.maxRedirects()) {
				throw new MediaProbeException(MediaProbeException.Problem.TOO_MANY_REDIRECTS);
			}
			try {
				current = this.guard.check(current.resolve(location.trim()).toString());
			}
			catch (IllegalArgumentException ex) {
				throw new MediaProbeException(MediaProbeException.Problem.INVALID_URL);
			}
		}
	}

	/** Reads an image's header: enough for its size and format, never its pixels. */
	private static MediaFacts.Image readImage(CappedStream body) throws IOException, MediaProbeException {
		try (ImageInputStream input = new MemoryCacheImageInputStream(body)) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
			if (!readers.hasNext()) {
				body.rethrowFailure();
				throw new MediaProbeException(MediaProbeException.Problem.NOT_AN_IMAGE);
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(input, true, true);
				return new MediaFacts.Image(reader.getWidth(0), reader.getHeight(0),
						reader.getFormatName().toLowerCase(Locale.ROOT));
			}
			catch (IOException | RuntimeException ex) {
				body.rethrowFailure();
				throw new MediaProbeException(MediaProbeException.Problem.NOT_AN_IMAGE);
			}
			finally {
				reader.dispose();
			}
		}
	}

	private CloseableHttpClient client() {
		Timeout read = Timeout.of(this.properties.readTimeout());
		ConnectionConfig connection = ConnectionConfig.custom()
			.setConnectTimeout(Timeout.of(this.properties.connectTimeout()))
			.setSocketTimeout(read)
			.build();
		// No proxy, retries, redirects, cookies or decompression: one request per hop, to
		// the address the guard checked, measured as sent.
		return HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(new CheckedResolver(this.guard))
				.setDefaultConnectionConfig(connection)
				.build())
			.setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(read).build())
			.disableAutomaticRetries()
			.disableRedirectHandling()
			.disableCookieManagement()
			.disableAuthCaching()
			.disableContentCompression()
			.setUserAgent(USER_AGENT)
			.build();
	}

	private static MediaProbeException translate(IOException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof OutboundUrlGuard.RefusedAddressException) {
				return new MediaProbeException(MediaProbeException.Problem.REFUSED_ADDRESS, ex);
			}
			if (cause instanceof CappedStream.TooLarge) {
				return new MediaProbeException(MediaProbeException.Problem.TOO_LARGE, ex);
			}
		}
		if (ex instanceof UnknownHostException) {
			return new MediaProbeException(MediaProbeException.Problem.UNKNOWN_HOST, ex);
		}
		if (ex instanceof InterruptedIOException) {
			return new MediaProbeException(MediaProbeException.Problem.TIMEOUT, ex);
		}
		return new MediaProbeException(MediaProbeException.Problem.UNREACHABLE, ex);
	}

	private static boolean isSuccess(int status) {
		return status >= 200 && status < 300;
	}

	private static @Nullable Long contentLength(@Nullable Header header) {
		String value = value(header);
		if (value == null) {
			return null;
		}
		try {
			long length = Long.parseLong(value.trim());
			return (length >= 0) ? length : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static @Nullable String contentType(ClassicHttpResponse response) {
		String value = value(response.getFirstHeader("Content-Type"));
		if (value == null) {
			return null;
		}
		int semicolon = value.indexOf(';');
		String type = ((semicolon >= 0) ? value.substring(0, semicolon) : value).trim().toLowerCase(Locale.ROOT);
		return type.isEmpty() ? null : type;
	}

	/** The name the server gives, else the last segment of the URL's path. */
	static @Nullable String fileName(@Nullable String disposition, URI uri) {
		if (disposition != null) {
			Matcher matcher = FILENAME.matcher(disposition);
			if (matcher.find()) {
				String name = (matcher.group(2) != null) ? matcher.group(2) : matcher.group(3);
				if (!name.isBlank()) {
					return name.trim();
				}
			}
		}
		String path = uri.getPath();
		if (path == null) {
			return null;
		}
		String last = path.substring(path.lastIndexOf('/') + 1);
		return last.isBlank() ? null : last;
	}

	private static @Nullable String value(@Nullable Header header) {
		return (header != null) ? header.getValue() : null;
	}

	/** One answer, open; closing it drops the connection instead of reading the rest. */
	private record Hop(HttpUriRequestBase request, ClassicHttpResponse response, URI uri) implements AutoCloseable {

		@Override
		public void close() {
			// Closing the body would read it to the end (to reuse the connection), so the
			// exchange is cancelled first; what closing a cancelled exchange reports is
			// moot.
			this.request.cancel();
			try {
				this.response.close();
			}
			catch (IOException ex) {
				// already cut off
			}
		}

	}

	/**
	 * The guard as the HTTP client's only resolver, each host looked up once per probe:
	 * HEAD and GET connect to the same checked addresses.
	 */
	private static final class CheckedResolver implements DnsResolver {

		private final OutboundUrlGuard guard;

		private final Map<String, InetAddress[]> resolved = new HashMap<>();

		CheckedResolver(OutboundUrlGuard guard) {
			this.guard = guard;
		}

		@Override
		public synchronized InetAddress[] resolve(String host) throws UnknownHostException {
			InetAddress[] addresses = this.resolved.get(host);
			if (addresses == null) {
				addresses = this.guard.resolve(host);
				this.resolved.put(host, addresses);
			}
			return addresses.clone();
		}

		@Override
		public String resolveCanonicalHostname(String host) {
			return host;
		}

	}

	/** Counts what is read, refuses more than the cap and reading past the deadline. */
	private static final class CappedStream extends FilterInputStream {

		private final long max;

		private final long deadline;

		private long count;

		private @Nullable IOException failure;

		CappedStream(InputStream in, long max, long deadline) {
			super(in);
			this.max = max;
			this.deadline = deadline;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			int read = read(one, 0, 1);
			return (read < 0) ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (System.nanoTime() - this.deadline > 0) {
				throw fail(new InterruptedIOException("Media probe deadline passed"));
			}
			int read = super.read(buffer, offset, length);
			if (read > 0) {
				this.count += read;
				if (this.count > this.max) {
					throw fail(new TooLarge());
				}
			}
			return read;
		}

		/** Skipped bytes are read, so that they count. */
		@Override
		public long skip(long n) throws IOException {
			int wanted = (int) Math.min(Math.max(n, 0), 8192);
			return Math.max(read(new byte[wanted], 0, wanted), 0);
		}

		/** Reads to the end. */
		long drain() throws IOException {
			byte[] buffer = new byte[8192];
			while (read(buffer, 0, buffer.length) >= 0) {
				// counted in read
			}
			return this.count;
		}

		/** A cap or deadline the image reader swallowed is still what went wrong. */
		void rethrowFailure() throws IOException {
			if (this.failure != null) {
				throw this.failure;
			}
		}

		private IOException fail(IOException failure) {
			this.failure = failure;
			return failure;
		}

		static final class TooLarge extends IOException {

			private static final long serialVersionUID = 1L;

			TooLarge() {
				super("Larger than the media size cap");
			}

		}

	}

}
