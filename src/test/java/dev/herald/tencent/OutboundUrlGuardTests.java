package dev.herald.tencent;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The SSRF guard: which addresses a user-given URL may reach, and how a host is resolved
 * and checked.
 */
class OutboundUrlGuardTests {

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "127.255.255.254", // loopback
			"0.0.0.0", "0.1.2.3", // any-local, "this network"
			"10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.255", "192.168.0.1", // private
			"169.254.169.254", "169.254.0.1", // link-local, cloud metadata
			"224.0.0.1", "239.255.255.250", // multicast
			"100.64.0.1", "100.127.255.255", // carrier-grade NAT
			"192.0.0.8", "198.18.0.1", "198.19.255.255", // protocol assignments,
															// benchmarking
			"240.0.0.1", "255.255.255.255" // reserved, broadcast
	})
	void refusesEveryNonPublicIpv4Range(String address) throws UnknownHostException {
		assertThat(OutboundUrlGuard.isPublic(InetAddress.getByName(address))).as(address).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "::", "::1", // any-local, loopback
			"fe80::1", "febf::1", // link-local
			"fec0::1", // site-local
			"fc00::1", "fd12:3456:789a::1", // unique-local
			"ff02::1", "ff05::2", // multicast
			"::127.0.0.1", "::10.0.0.1", // IPv4-compatible
			"64:ff9b::a00:1", "64:ff9b::7f00:1", // NAT64 of 10.0.0.1 and 127.0.0.1
			"2002:c0a8:101::1", "2002:7f00:1::1", // 6to4 of 192.168.1.1 and 127.0.0.1
			"2001:0:4136:e378:8000:63bf:3fff:fdd2", // Teredo
			"2001:db8::1" // documentation
	})
	void refusesEveryNonPublicIpv6Range(String address) throws UnknownHostException {
		assertThat(OutboundUrlGuard.isPublic(InetAddress.getByName(address))).as(address).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "10.0.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0" })
	void refusesPrivateIpv4InsideIpv4MappedIpv6(String ipv4) throws UnknownHostException {
		// The JDK turns ::ffff:a.b.c.d into an IPv4 address when it parses text; an
		// address built from bytes stays IPv6, so the guard must look inside.
		byte[] mapped = new byte[16];
		mapped[10] = (byte) 0xff;
		mapped[11] = (byte) 0xff;
		System.arraycopy(InetAddress.getByName(ipv4).getAddress(), 0, mapped, 12, 4);
		InetAddress address = Inet6Address.getByAddress(null, mapped, -1);
		assertThat(address).isInstanceOf(Inet6Address.class);
		assertThat(OutboundUrlGuard.isPublic(address)).as("::ffff:" + ipv4).isFalse();
		assertThat(OutboundUrlGuard.isPublic(InetAddress.getByName("::ffff:" + ipv4))).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "8.8.8.8", "93.184.216.34", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111",
			"2a00:1450:4001:80b::200e", "::ffff:8.8.8.8", "64:ff9b::808:808" })
	void allowsPublicAddresses(String address) throws UnknownHostException {
		assertThat(OutboundUrlGuard.isPublic(InetAddress.getByName(address))).as(address).isTrue();
	}

	@Test
	void allowsAPublicIpv4InsideIpv4MappedIpv6() throws UnknownHostException {
		byte[] mapped = new byte[16];
		mapped[10] = (byte) 0xff;
		mapped[11] = (byte) 0xff;
		System.arraycopy(new byte[] { 8, 8, 4, 4 }, 0, mapped, 12, 4);
		assertThat(OutboundUrlGuard.isPublic(Inet6Address.getByAddress(null, mapped, -1))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "ftp://example.com/a.png", "file:///etc/passwd", "gopher://example.com/",
			"jar:http://example.com/a.jar!/", "javascript:alert(1)", "//example.com/a.png", "/relative/a.png",
			"http:///nohost", "https://user:secret@example.com/a.png", "http://exa mple.com/", "" })
	void refusesUrlsThatAreNotPlainHttpOrHttps(String url) {
		OutboundUrlGuard guard = OutboundUrlGuard.publicInternet();
		assertThatExceptionOfType(MediaProbeException.class).isThrownBy(() -> guard.check(url))
			.satisfies((ex) -> assertThat(ex.problem()).isEqualTo(MediaProbeException.Problem.INVALID_URL));
	}

	@Test
	void acceptsHttpAndHttpsUrls() throws MediaProbeException {
		OutboundUrlGuard guard = OutboundUrlGuard.publicInternet();
		assertThat(guard.check("https://cdn.example.com/a.png?x=1").getHost()).isEqualTo("cdn.example.com");
		assertThat(guard.check(" HTTP://cdn.example.com:8080/a.png ").getPort()).isEqualTo(8080);
	}

	@Test
	void refusesAHostWhenAnyOfItsAddressesIsRefused() throws UnknownHostException {
		InetAddress open = InetAddress.getByName("93.184.216.34");
		InetAddress inside = InetAddress.getByName("10.1.2.3");
		OutboundUrlGuard guard = new OutboundUrlGuard(OutboundUrlGuard::isPublic,
				(host) -> "mixed.test".equals(host) ? new InetAddress[] { open, inside } : new InetAddress[] { open });
		assertThatExceptionOfType(OutboundUrlGuard.RefusedAddressException.class)
			.isThrownBy(() -> guard.resolve("mixed.test"));
		assertThat(guard.resolve("public.test")).containsExactly(open);
	}

	@Test
	void refusesNamesAndLiteralsThatResolveToLocalAddresses() {
		OutboundUrlGuard guard = OutboundUrlGuard.publicInternet();
		for (String host : new String[] { "localhost", "127.0.0.1", "[::1]", "::1", "0.0.0.0", "2130706433",
				"169.254.169.254", "[::ffff:127.0.0.1]", "[fd00::1]" }) {
			assertThatExceptionOfType(OutboundUrlGuard.RefusedAddressException.class).as(host)
				.isThrownBy(() -> guard.resolve(host));
		}
	}

	@Test
	void returnsTheAddressesItCheckedFromOneLookup() throws UnknownHostException {
		AtomicInteger lookups = new AtomicInteger();
		InetAddress first = InetAddress.getByName("93.184.216.34");
		OutboundUrlGuard guard = new OutboundUrlGuard(OutboundUrlGuard::isPublic, (host) -> {
			// A rebinding name: public on the first lookup, loopback afterwards.
			return (lookups.getAndIncrement() == 0) ? new InetAddress[] { first }
					: new InetAddress[] { InetAddress.getLoopbackAddress() };
		});
		assertThat(guard.resolve("rebind.test")).containsExactly(first);
		assertThat(lookups).hasValue(1);
		assertThatExceptionOfType(OutboundUrlGuard.RefusedAddressException.class)
			.isThrownBy(() -> guard.resolve("rebind.test"));
	}

}
