package dev.herald.chatapp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

import dev.herald.shared.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Where the key that encrypts Chat app secrets comes from: {@code HERALD_SECRET_KEY}
 * (base64 of 32 random bytes), or in demo mode a key generated once and kept in the data
 * folder. Outside demo mode Herald refuses to start without one.
 */
@Configuration(proxyBeanMethods = false)
class SecretKeyConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SecretKeyConfiguration.class);

	@Bean
	SecretCipher secretCipher(Environment environment, DemoMode demoMode) {
		String configured = environment.getProperty("herald.secret-key");
		if (StringUtils.hasText(configured)) {
			return new SecretCipher(decode(configured));
		}
		if (!demoMode.enabled()) {
			throw new IllegalStateException("HERALD_SECRET_KEY is not set. Herald needs it to encrypt Chat app "
					+ "secret keys: generate one with `openssl rand -base64 32` and keep it safe.");
		}
		Path file = Path.of(environment.getProperty("herald.data-dir", "data"), "secret.key");
		return new SecretCipher(demoKey(file));
	}

	private static byte[] decode(String configured) {
		try {
			return Base64.getDecoder().decode(configured.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("HERALD_SECRET_KEY must be base64 of 16, 24 or 32 random bytes");
		}
	}

	private static byte[] demoKey(Path file) {
		try {
			if (Files.exists(file)) {
				return decode(Files.readString(file, StandardCharsets.US_ASCII));
			}
			byte[] key = new byte[32];
			new SecureRandom().nextBytes(key);
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
			log.info("Demo mode: generated the key that encrypts Chat app secrets in {}", file.toAbsolutePath());
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
