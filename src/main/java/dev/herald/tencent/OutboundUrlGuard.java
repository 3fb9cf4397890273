package dev.herald.tencent;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * The SSRF guard for URLs people type into Herald: only plain {@code http}/{@code https}
 * URLs, and only hosts whose every address is on the public internet. Loopback,
 * any-local, link-local (cloud metadata at 169.254.169.254 among them), private and
 * site-local, unique-local, multicast, carrier-grade NAT, reserved and documentation
 * ranges are refused, in IPv4 and IPv6, including IPv4 addresses wrapped in IPv6 (mapped,
 * compatible, NAT64, 6to4) and Teredo.
 *
 * <p>
 * A host is resolved once, by {@link #resolve(String)}, and the caller connects to the
 * addresses returned, which are the ones checked: a second lookup that answers
 * differently (DNS rebinding) never happens. Redirects are checked hop by hop by the
 * caller with {@link #check(String)}.
 */
public final class OutboundUrlGuard {

	/**
	 * Looks up the addresses of a host; {@link InetAddress#getAllByName} in production.
	 */
	@FunctionalInterface
	public interface HostResolver {

		InetAddress[] resolve(String host) throws UnknownHostException;

	}

	/**
	 * A host refused by the guard. An {@link UnknownHostException} because that is what a
	 * resolver may throw: to the HTTP client the host does not exist.
	 */
	public static final class RefusedAddressException extends UnknownHostException {

		private static final long serialVersionUID = 1L;

		RefusedAddressException(String host) {
			super(host + " resolves to an address Herald does not call");
		}

	}

	private final Predicate<InetAddress> allowed;

	private final HostResolver resolver;

	/**
	 * A guard with its own address policy and resolver; tests use it to reach a server on
	 * loopback. Production uses {@link #publicInternet()}.
	 * @param allowed which addresses may be called
	 * @param resolver how host names are looked up
	 */
	OutboundUrlGuard(Predicate<InetAddress> allowed, HostResolver resolver) {
		this.allowed = allowed;
		this.resolver = resolver;
	}

	/**
	 * The guard for production: public addresses only, looked up by the JDK.
	 * @return the guard
	 */
	public static OutboundUrlGuard publicInternet() {
		return new OutboundUrlGuard(OutboundUrlGuard::isPublic, InetAddress::getAllByName);
	}

	/**
	 * Checks the form of a URL before anything is resolved.
	 * @param url the URL as typed
	 * @return the URL, if it is an absolute {@code http}/{@code https} URL with a host
	 * and without credentials
	 * @throws MediaProbeException {@link MediaProbeException.Problem#INVALID_URL} if not
	 */
	URI check(String url) throws MediaProbeException {
		URI uri;
		try {
			uri = new URI(url.trim());
		}
		catch (URISyntaxException ex) {
			throw new MediaProbeException(MediaProbeException.Problem.INVALID_URL);
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!("http".equals(scheme) || "https".equals(scheme)) || uri.getHost() == null
				|| uri.getRawUserInfo() != null) {
			throw new MediaProbeException(MediaProbeException.Problem.INVALID_URL);
		}
		return uri;
	}

	/**
	 * Resolves a host once and checks every address it has.
	 * @param host a host name or address literal (IPv6 with or without brackets)
	 * @return the addresses to connect to, all allowed
	 * @throws RefusedAddressException if any address is refused: a name that mixes public
	 * and private addresses is not trusted
	 * @throws UnknownHostException if the name does not resolve
	 */
	InetAddress[] resolve(String host) throws UnknownHostException {
		String name = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
		InetAddress[] addresses = this.resolver.resolve(name);
		if (addresses == null || addresses.length == 0) {
			throw new UnknownHostException(name);
		}
		if (!Arrays.stream(addresses).allMatch(this.allowed)) {
			throw new RefusedAddressException(name);
		}
		return addresses.clone();
	}

	/**
	 * Whether an address is on the public internet.
	 * @param address the address
	 * @return {@code false} for every range a user-given URL must not reach
	 */
	public static boolean isPublic(InetAddress address) {
		if (address instanceof Inet6Address) {
			byte[] bytes = address.getAddress();
			InetAddress embedded = embeddedIpv4(bytes);
			if (embedded != null) {
				return isPublic(embedded);
			}
			return !special(address) && !uniqueLocal(bytes) && !documentation(bytes) && !teredo(bytes);
		}
		if (address instanceof Inet4Address) {
			return !special(address) && !reservedIpv4(address.getAddress());
		}
		return false;
	}

	private static boolean special(InetAddress address) {
		return address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress();
	}

	/** Ranges the JDK has no predicate for. */
	private static boolean reservedIpv4(byte[] bytes) {
		int first = bytes[0] & 0xff;
		int second = bytes[1] & 0xff;
		int third = bytes[2] & 0xff;
		return first == 0 // "this network"
				|| (first == 100 && (second & 0xc0) == 64) // 100.64.0.0/10 carrier-grade
															// NAT
				|| (first == 192 && second == 0 && third == 0) // 192.0.0.0/24 protocol
																// assignments
				|| (first == 198 && (second & 0xfe) == 18) // 198.18.0.0/15 benchmarking
				|| first >= 240; // 240.0.0.0/4 reserved, and the broadcast address
	}

	/**
	 * The IPv4 address inside an IPv4-mapped ({@code ::ffff:a.b.c.d}), IPv4-compatible
	 * ({@code ::a.b.c.d}), NAT64 ({@code 64:ff9b::a.b.c.d}) or 6to4
	 * ({@code 2002:AABB:CCDD::}) address: traffic to it ends at that IPv4 address.
	 */
	private static @Nullable InetAddress embeddedIpv4(byte[] bytes) {
		boolean zeroPrefix = allZero(bytes, 0, 10);
		boolean mapped = zeroPrefix && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
		// ::/96, the loopback ::1 and the unspecified :: among them (they end at 0.0.0.x)
		boolean compatible = zeroPrefix && bytes[10] == 0 && bytes[11] == 0;
		boolean nat64 = bytes[0] == 0 && bytes[1] == 0x64 && (bytes[2] & 0xff) == 0xff && (bytes[3] & 0xff) == 0x9b
				&& allZero(bytes, 4, 12);
		if (mapped || compatible || nat64) {
			return ipv4(Arrays.copyOfRange(bytes, 12, 16));
		}
		if (bytes[0] == 0x20 && bytes[1] == 0x02) {
			return ipv4(Arrays.copyOfRange(bytes, 2, 6));
		}
		return null;
	}

	/** {@code fc00::/7}. */
	private static boolean uniqueLocal(byte[] bytes) {
		return (bytes[0] & 0xfe) == 0xfc;
	}

	/** {@code 2001:db8::/32}. */
	private static boolean documentation(byte[] bytes) {
		return bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x0d && (bytes[3] & 0xff) == 0xb8;
	}

	/** {@code 2001::/32}: a tunnel whose far end hides an IPv4 address. */
	private static boolean teredo(byte[] bytes) {
		return bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0 && bytes[3] == 0;
	}

	private static boolean allZero(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return true;
	}

	private static InetAddress ipv4(byte[] bytes) {
		try {
			return InetAddress.getByAddress(bytes);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException("Four bytes are always an IPv4 address", ex);
		}
	}

}
