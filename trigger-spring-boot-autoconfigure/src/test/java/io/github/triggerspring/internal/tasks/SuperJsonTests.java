package io.github.triggerspring.internal.tasks;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SuperJson}: the exact strings superjson writes for the same values.
 *
 * @author trigger-spring-boot contributors
 */
class SuperJsonTests {

	private static final Instant NEW_YEAR = Instant.parse("2030-01-01T00:00:00Z");

	private static final String NEW_YEAR_JS = "2030-01-01T00:00:00.000Z";

	private final SuperJson superJson = new SuperJson(JsonMapper.builder().build());

	@Test
	void plainValuesHaveNoMeta() {
		assertThat(this.superJson.stringify(new Email("ada@example.com", 2)))
			.isEqualTo("{\"json\":{\"to\":\"ada@example.com\",\"priority\":2}}");
		assertThat(this.superJson.stringify(List.of(1, "two"))).isEqualTo("{\"json\":[1,\"two\"]}");
	}

	@Test
	void anInstantIsADateAtThePathOfItsJsonPropertyName() {
		assertThat(this.superJson.stringify(new Reminder("call", NEW_YEAR)))
			.isEqualTo("{\"json\":{\"text\":\"call\",\"when\":\"" + NEW_YEAR_JS
					+ "\"},\"meta\":{\"values\":{\"when\":[\"Date\"]}}}");
	}

	@Test
	void pathsFollowTheApplicationsNamingStrategy() {
		SuperJson snakeCase = new SuperJson(
				JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build());
		assertThat(snakeCase.stringify(new Meeting(NEW_YEAR, 30)))
			.isEqualTo("{\"json\":{\"starts_at\":\"" + NEW_YEAR_JS
					+ "\",\"length_minutes\":30},\"meta\":{\"values\":{\"starts_at\":[\"Date\"]}}}");
	}

	@Test
	void aRootDateIsAnnotatedWithAnArray() {
		assertThat(this.superJson.stringify(NEW_YEAR))
			.isEqualTo("{\"json\":\"" + NEW_YEAR_JS + "\",\"meta\":{\"values\":[\"Date\"]}}");
	}

	@Test
	void everyKindOfInstantIsWrittenLikeToIsoString() {
		Map<String, Object> dates = new LinkedHashMap<>();
		dates.put("instant", Instant.parse("2030-01-01T00:00:00.123456789Z"));
		dates.put("offset", OffsetDateTime.parse("2030-01-01T02:00:00.5+02:00"));
		dates.put("zoned", ZonedDateTime.of(2030, 7, 1, 12, 0, 0, 0, ZoneId.of("Europe/Paris")));
		dates.put("date", Date.from(Instant.parse("2030-01-01T00:00:00.007Z")));
		dates.put("beforeEpoch", Instant.parse("1969-12-31T23:59:59.9999Z"));
		dates.put("year10000", Instant.parse("+10000-01-01T00:00:00Z"));
		dates.put("yearMinus1", Instant.parse("-0001-12-31T23:59:59.999Z"));
		assertThat(this.superJson.stringify(dates)).isEqualTo("{\"json\":{\"instant\":\"2030-01-01T00:00:00.123Z\","
				+ "\"offset\":\"2030-01-01T00:00:00.500Z\",\"zoned\":\"2030-07-01T10:00:00.000Z\","
				+ "\"date\":\"2030-01-01T00:00:00.007Z\",\"beforeEpoch\":\"1969-12-31T23:59:59.999Z\","
				+ "\"year10000\":\"+010000-01-01T00:00:00.000Z\",\"yearMinus1\":\"-000001-12-31T23:59:59.999Z\"},"
				+ "\"meta\":{\"values\":{\"instant\":[\"Date\"],\"offset\":[\"Date\"],\"zoned\":[\"Date\"],"
				+ "\"date\":[\"Date\"],\"beforeEpoch\":[\"Date\"],\"year10000\":[\"Date\"],\"yearMinus1\":[\"Date\"]}}}");
	}

	@Test
	void datesAreWrittenLikeToIsoStringWhateverTheMappersDateSettings() {
		SuperJson timestamps = new SuperJson(
				JsonMapper.builder().enable(tools.jackson.databind.cfg.DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS).build());
		assertThat(timestamps.stringify(Map.of("at", NEW_YEAR)))
			.isEqualTo("{\"json\":{\"at\":\"" + NEW_YEAR_JS + "\"},\"meta\":{\"values\":{\"at\":[\"Date\"]}}}");
	}

	@Test
	void localDatesAndTimesNameNoInstantAndStayPlainStrings() {
		Map<String, Object> local = new LinkedHashMap<>();
		local.put("day", LocalDate.of(2030, 1, 1));
		local.put("time", LocalDateTime.of(2030, 1, 1, 8, 30));
		assertThat(this.superJson.stringify(local))
			.isEqualTo("{\"json\":{\"day\":\"2030-01-01\",\"time\":\"2030-01-01T08:30:00\"}}");
	}

	@Test
	void anInstantAJavaScriptDateCannotHoldIsRefused() {
		assertThatExceptionOfType(JacksonException.class)
			.isThrownBy(() -> this.superJson.stringify(Map.of("at", Instant.MAX)))
			.withMessageContaining("outside the range of a JavaScript Date");
		assertThat(this.superJson.stringify(Instant.ofEpochMilli(JavaScriptDates.MAX_EPOCH_MILLIS)))
			.isEqualTo("{\"json\":\"+275760-09-13T00:00:00.000Z\",\"meta\":{\"values\":[\"Date\"]}}");
	}

	@Test
	void nestedPathsAreDotSeparatedWithArrayIndexes() {
		Map<String, Object> payload = Map.of("a", Map.of("b", List.of("x", NEW_YEAR, NEW_YEAR)));
		assertThat(this.superJson.stringify(payload)).isEqualTo("{\"json\":{\"a\":{\"b\":[\"x\",\"" + NEW_YEAR_JS
				+ "\",\"" + NEW_YEAR_JS + "\"]}},\"meta\":{\"values\":{\"a.b.1\":[\"Date\"],\"a.b.2\":[\"Date\"]}}}");
	}

	@Test
	void optionalsAndArraysHoldingInstantsAreAnnotatedAtTheirElements() {
		assertThat(this.superJson.stringify(new Schedule(Optional.of(NEW_YEAR), Optional.empty(),
				new Instant[] { NEW_YEAR })))
			.isEqualTo("{\"json\":{\"first\":\"" + NEW_YEAR_JS + "\",\"last\":null,\"all\":[\"" + NEW_YEAR_JS
					+ "\"]},\"meta\":{\"values\":{\"first\":[\"Date\"],\"all.0\":[\"Date\"]}}}");
	}

	@Test
	void dotsInKeysAreEscapedAsSuperjsonEscapesThem() {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("a.b", NEW_YEAR);
		payload.put("c.d", Map.of("e", NEW_YEAR));
		assertThat(this.superJson.stringify(payload)).isEqualTo("{\"json\":{\"a.b\":\"" + NEW_YEAR_JS
				+ "\",\"c.d\":{\"e\":\"" + NEW_YEAR_JS
				+ "\"}},\"meta\":{\"values\":{\"a\\\\.b\":[\"Date\"],\"c\\\\.d.e\":[\"Date\"]}}}");
	}

	@Test
	void annotationKeysAreInTheOrderAJavaScriptObjectKeepsThem() {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("b", NEW_YEAR);
		payload.put("10", NEW_YEAR);
		payload.put("2", NEW_YEAR);
		payload.put("02", NEW_YEAR);
		payload.put("a", NEW_YEAR);
		assertThat(this.superJson.stringify(payload)).endsWith(",\"meta\":{\"values\":{\"2\":[\"Date\"],"
				+ "\"10\":[\"Date\"],\"b\":[\"Date\"],\"02\":[\"Date\"],\"a\":[\"Date\"]}}}");
	}

	@Test
	void aBigIntegerIsABigintWrittenAsAString() {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("big", new BigInteger("-123456789012345678901234567890"));
		payload.put("decimal", new BigDecimal("1.50"));
		payload.put("number", (Number) BigInteger.TEN);
		assertThat(this.superJson.stringify(payload))
			.isEqualTo("{\"json\":{\"big\":\"-123456789012345678901234567890\",\"decimal\":1.50,\"number\":\"10\"},"
					+ "\"meta\":{\"values\":{\"big\":[\"bigint\"],\"number\":[\"bigint\"]}}}");
	}

	@Test
	void aSetIsAnArrayAnnotatedSet() {
		assertThat(this.superJson.stringify(new Tagged(new LinkedHashSet<>(List.of("a", "b")), List.of("c"))))
			.isEqualTo("{\"json\":{\"tags\":[\"a\",\"b\"],\"labels\":[\"c\"]},\"meta\":{\"values\":{\"tags\":[\"set\"]}}}");
		assertThat(this.superJson.stringify(EnumSet.of(Color.RED)))
			.isEqualTo("{\"json\":[\"RED\"],\"meta\":{\"values\":[\"set\"]}}");
	}

	@Test
	void aSetDeclaredAsACollectionIsASet() {
		assertThat(this.superJson.stringify(new Bag(Set.of("a"))))
			.isEqualTo("{\"json\":{\"items\":[\"a\"]},\"meta\":{\"values\":{\"items\":[\"set\"]}}}");
	}

	@Test
	void valuesInsideASetAreAnnotatedRelativeToTheSet() {
		Set<Object> set = new LinkedHashSet<>();
		set.add(NEW_YEAR);
		set.add(new Reminder("call", NEW_YEAR));
		set.add(new LinkedHashSet<>(List.of(BigInteger.ONE)));
		assertThat(this.superJson.stringify(Map.of("s", set))).isEqualTo("{\"json\":{\"s\":[\"" + NEW_YEAR_JS
				+ "\",{\"text\":\"call\",\"when\":\"" + NEW_YEAR_JS + "\"},[\"1\"]]},\"meta\":{\"values\":{\"s\":[\"set\","
				+ "{\"0\":[\"Date\"],\"2\":[\"set\",{\"0\":[\"bigint\"]}],\"1.when\":[\"Date\"]}]}}}");
	}

	@Test
	void aMapWithNonStringKeysIsAMapOfKeyValuePairs() {
		Map<Object, Object> map = new LinkedHashMap<>();
		map.put(1, "one");
		map.put(2, null);
		assertThat(this.superJson.stringify(Map.of("m", map)))
			.isEqualTo("{\"json\":{\"m\":[[1,\"one\"],[2,null]]},\"meta\":{\"values\":{\"m\":[\"map\"]}}}");
	}

	@Test
	void valuesInsideAMapAreAnnotatedByRowThenKeyOrValue() {
		Map<Object, Object> map = new LinkedHashMap<>();
		map.put(NEW_YEAR, "new year");
		map.put(7L, new LinkedHashSet<>(List.of(NEW_YEAR)));
		assertThat(this.superJson.stringify(map)).isEqualTo("{\"json\":[[\"" + NEW_YEAR_JS + "\",\"new year\"],[7,[\""
				+ NEW_YEAR_JS + "\"]]],\"meta\":{\"values\":[\"map\",{\"0.0\":[\"Date\"],\"1.1\":[\"set\",{\"0\":[\"Date\"]}]}]}}");
	}

	@Test
	void aMapWhoseKeysAreWrittenAsStringsIsAPlainObject() {
		UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("byId", Map.of(id, NEW_YEAR));
		payload.put("byColor", Map.of(Color.RED, 1));
		assertThat(this.superJson.stringify(payload)).isEqualTo("{\"json\":{\"byId\":{\"" + id + "\":\"" + NEW_YEAR_JS
				+ "\"},\"byColor\":{\"RED\":1}},\"meta\":{\"values\":{\"byId." + id + "\":[\"Date\"]}}}");
	}

	@Test
	void anyGetterAndUnwrappedPropertiesAreAnnotatedWhereTheyAreWritten() {
		assertThat(this.superJson.stringify(new Extensible(new Reminder("call", NEW_YEAR), Map.of("due", NEW_YEAR))))
			.isEqualTo("{\"json\":{\"text\":\"call\",\"when\":\"" + NEW_YEAR_JS + "\",\"due\":\"" + NEW_YEAR_JS
					+ "\"},\"meta\":{\"values\":{\"when\":[\"Date\"],\"due\":[\"Date\"]}}}");
	}

	@Test
	void aPropertyWithItsOwnSerializerIsWrittenAsThatSerializerWritesIt() {
		assertThat(this.superJson.stringify(new Stamped(NEW_YEAR)))
			.isEqualTo("{\"json\":{\"at\":1893456000000}}");
	}

	@Test
	void aSharedValueIsWrittenAtEveryPathWithoutReferentialEqualities() {
		Reminder reminder = new Reminder("call", NEW_YEAR);
		assertThat(this.superJson.stringify(List.of(reminder, reminder)))
			.isEqualTo("{\"json\":[{\"text\":\"call\",\"when\":\"" + NEW_YEAR_JS + "\"},{\"text\":\"call\",\"when\":\""
					+ NEW_YEAR_JS + "\"}],\"meta\":{\"values\":{\"0.when\":[\"Date\"],\"1.when\":[\"Date\"]}}}");
	}

	@Test
	void indentationOfTheApplicationsMapperIsNotUsed() {
		SuperJson indenting = new SuperJson(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build());
		assertThat(indenting.stringify(Map.of("at", NEW_YEAR)))
			.isEqualTo("{\"json\":{\"at\":\"" + NEW_YEAR_JS + "\"},\"meta\":{\"values\":{\"at\":[\"Date\"]}}}");
	}

	record Email(String to, int priority) {
	}

	record Reminder(String text, @JsonProperty("when") Instant at) {
	}

	record Meeting(Instant startsAt, int lengthMinutes) {
	}

	record Schedule(Optional<Instant> first, Optional<Instant> last, Instant[] all) {
	}

	record Tagged(Set<String> tags, List<String> labels) {
	}

	record Bag(Collection<String> items) {
	}

	enum Color {

		RED

	}

	static final class Extensible {

		private final Reminder reminder;

		private final Map<String, Object> extra;

		Extensible(Reminder reminder, Map<String, Object> extra) {
			this.reminder = reminder;
			this.extra = extra;
		}

		@JsonUnwrapped
		public Reminder getReminder() {
			return this.reminder;
		}

		@JsonAnyGetter
		public Map<String, Object> getExtra() {
			return this.extra;
		}

	}

	record Stamped(@JsonSerialize(using = EpochMillisSerializer.class) Instant at) {
	}

	static final class EpochMillisSerializer extends ValueSerializer<Instant> {

		@Override
		public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
			generator.writeNumber(value.toEpochMilli());
		}

	}

}
