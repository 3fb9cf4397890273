package dev.herald.chatapp;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts Chat app secret keys at rest with AES-GCM. Each value gets a fresh 96-bit
 * nonce; the stored form is {@code v1:} followed by base64 of nonce and ciphertext with
 * its tag.
 */
class SecretCipher {

	private static final String PREFIX = "v1:";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	/**
	 * What a secret is for. Each is bound into its ciphertext, so a value cannot be
	 * copied into another column and decrypted there.
	 */
	enum Purpose {

		SECRET_KEY("herald:chat_app.secret_key"), CALLBACK_TOKEN("herald:chat_app.callback_token");

		private final byte[] associatedData;

		Purpose(String associatedData) {
			this.associatedData = associatedData.getBytes(StandardCharsets.UTF_8);
		}

	}

	private final SecretKey key;

	private final SecureRandom random = new SecureRandom();

	SecretCipher(byte[] key) {
		if (key.length != 16 && key.length != 24 && key.length != 32) {
			throw new IllegalArgumentException("An AES key has 16, 24 or 32 bytes, not " + key.length);
		}
		this.key = new SecretKeySpec(key, "AES");
	}

	String encrypt(String plaintext) {
		return encrypt(plaintext, Purpose.SECRET_KEY);
	}

	String decrypt(String stored) {
		return decrypt(stored, Purpose.SECRET_KEY);
	}

	String encrypt(String plaintext, Purpose purpose) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			this.random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(purpose.associatedData);
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			byte[] stored = new byte[nonce.length + sealed.length];
			System.arraycopy(nonce, 0, stored, 0, nonce.length);
			System.arraycopy(sealed, 0, stored, nonce.length, sealed.length);
			return PREFIX + Base64.getEncoder().encodeToString(stored);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not encrypt a secret", ex);
		}
	}

	String decrypt(String stored, Purpose purpose) {
		if (!stored.startsWith(PREFIX)) {
			throw new IllegalStateException("Unknown secret format");
		}
		try {
			byte[] bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
			cipher.updateAAD(purpose.associatedData);
			byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
			return new String(plain, StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			// Never include the value: the message may reach a log.
			throw new IllegalStateException(
					"Could not decrypt a Chat app secret: HERALD_SECRET_KEY differs from the one it was saved with");
		}
	}

}
