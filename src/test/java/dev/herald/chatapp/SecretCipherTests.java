package dev.herald.chatapp;

import java.util.Base64;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SecretCipherTests {

	private static final byte[] KEY = new byte[32];

	private final SecretCipher cipher = new SecretCipher(KEY);

	@Test
	void roundTrips() {
		String stored = this.cipher.encrypt("5bd2850fff3ecb11d7c805251c51ee46");
		assertThat(this.cipher.decrypt(stored)).isEqualTo("5bd2850fff3ecb11d7c805251c51ee46");
	}

	@Test
	void storedFormDoesNotContainTheSecret() {
		String stored = this.cipher.encrypt("plain-secret-value");
		assertThat(stored).startsWith("v1:").doesNotContain("plain-secret-value");
		assertThat(new String(Base64.getDecoder().decode(stored.substring(3)))).doesNotContain("plain-secret-value");
	}

	@Test
	void encryptingTwiceGivesDifferentCiphertexts() {
		assertThat(this.cipher.encrypt("same")).isNotEqualTo(this.cipher.encrypt("same"));
	}

	@Test
	void refusesATamperedValue() {
		String stored = this.cipher.encrypt("secret");
		byte[] bytes = Base64.getDecoder().decode(stored.substring(3));
		bytes[bytes.length - 1] ^= 1;
		String tampered = "v1:" + Base64.getEncoder().encodeToString(bytes);
		assertThatIllegalStateException().isThrownBy(() -> this.cipher.decrypt(tampered))
			.withMessageNotContaining("secret\"");
	}

	@Test
	void anotherKeyCannotDecryptAndTheErrorSaysWhy() {
		String stored = this.cipher.encrypt("secret");
		byte[] otherKey = new byte[32];
		otherKey[0] = 1;
		assertThatIllegalStateException().isThrownBy(() -> new SecretCipher(otherKey).decrypt(stored))
			.withMessageContaining("HERALD_SECRET_KEY");
	}

	@Test
	void refusesKeysOfTheWrongLength() {
		Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new SecretCipher(new byte[10]));
	}

}
