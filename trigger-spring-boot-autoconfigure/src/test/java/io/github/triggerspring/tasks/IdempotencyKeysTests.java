package io.github.triggerspring.tasks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import io.github.triggerspring.error.TriggerValidationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link IdempotencyKeys}.
 *
 * @author trigger-spring-boot contributors
 */
class IdempotencyKeysTests {

	/** {@code printf order-1234 | sha256sum}. */
	private static final String SHA256_ORDER_1234 = "71983129e5088fcbbb2be5a2e186253aa3ee915c173f42553285baf7100b0059";

	@Test
	void hashOfAStringIsTheLowercaseHexSha256OfItsUtf8Bytes() throws Exception {
		String expected = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest("order-1234".getBytes(StandardCharsets.UTF_8)));

		assertThat(IdempotencyKeys.hash("order-1234")).isEqualTo(expected).isEqualTo(SHA256_ORDER_1234);
	}

	@Test
	void hashOfAListJoinsItsPartsWithDashes() {
		assertThat(IdempotencyKeys.hash(List.of("order", "1234"))).isEqualTo(SHA256_ORDER_1234);
	}

	@Test
	void hashOfNonAsciiKeysUsesUtf8() throws Exception {
		String expected = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest("commande-é-€".getBytes(StandardCharsets.UTF_8)));

		assertThat(IdempotencyKeys.hash("commande-é-€")).isEqualTo(expected);
	}

	@Test
	void aKeyOfExactly64CharactersIsTakenAsAHashAndReturnedUnchanged() {
		assertThat(IdempotencyKeys.hash(SHA256_ORDER_1234)).isSameAs(SHA256_ORDER_1234);
		String sixtyFour = "k".repeat(64);
		assertThat(IdempotencyKeys.hash(sixtyFour)).isEqualTo(sixtyFour);
	}

	@Test
	void keysOf63And65CharactersAreHashed() {
		assertThat(IdempotencyKeys.hash("k".repeat(63))).hasSize(64).isNotEqualTo("k".repeat(63));
		assertThat(IdempotencyKeys.hash("k".repeat(65))).hasSize(64);
	}

	@Test
	void aListKeyIsHashedEvenWhenItsJoinedLengthIs64() throws Exception {
		List<String> parts = List.of("a".repeat(31), "b".repeat(32));
		String joined = String.join("-", parts);
		String expected = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8)));

		assertThat(joined).hasSize(64);
		assertThat(IdempotencyKeys.hash(parts)).isEqualTo(expected);
	}

	@Test
	void createHashesEveryKeyWhateverItsScopeAndLengthAsTheSdksCreateDoes() {
		String sixtyFour = "a".repeat(64);

		assertThat(IdempotencyKeys.create("order-1234", IdempotencyKeyScope.RUN)).isEqualTo(SHA256_ORDER_1234);
		assertThat(IdempotencyKeys.create("order-1234", IdempotencyKeyScope.GLOBAL)).isEqualTo(SHA256_ORDER_1234);
		assertThat(IdempotencyKeys.create(List.of("order", "1234"), IdempotencyKeyScope.ATTEMPT))
			.isEqualTo(SHA256_ORDER_1234);
		assertThat(IdempotencyKeys.create(sixtyFour, IdempotencyKeyScope.GLOBAL))
			.isEqualTo(IdempotencyKeys.sha256Hex(sixtyFour));
	}

	@Test
	void createIsWhatATriggerWithTheSameKeyAndScopeSends() {
		IdempotencyKey key = TriggerOptions.builder()
			.idempotencyKey("order-1234", IdempotencyKeyScope.GLOBAL)
			.build()
			.idempotencyKeyValue();

		assertThat(key).isNotNull();
		assertThat(IdempotencyKeys.create("order-1234", IdempotencyKeyScope.GLOBAL)).isEqualTo(key.hashed());
	}

	@Test
	void createRefusesAnEmptyKey() {
		assertThatExceptionOfType(TriggerValidationException.class)
			.isThrownBy(() -> IdempotencyKeys.create("", IdempotencyKeyScope.RUN))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("idempotencyKey"));
		assertThatExceptionOfType(TriggerValidationException.class)
			.isThrownBy(() -> IdempotencyKeys.create(List.of("a", ""), IdempotencyKeyScope.RUN));
	}

}
