package io.github.triggerspring.emulator;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link QueryParams}.
 *
 * @author trigger-spring-boot contributors
 */
class QueryParamsTests {

	private static QueryParams query(String query) {
		return new QueryParams(new ApiCall("GET", "/api/v1/runs?" + query, Map.of()));
	}

	@Test
	void textIsNullWhenAbsentOrEmpty() {
		QueryParams query = query("filter%5Bbatch%5D=batch_1&filter%5Bschedule%5D=&page%5Bafter%5D");
		assertThat(query.text("filter[batch]")).isEqualTo("batch_1");
		assertThat(query.text("filter[schedule]")).isNull();
		assertThat(query.text("page[after]")).isNull();
		assertThat(query.text("filter[tag]")).isNull();
	}

	@Test
	void valuesAreSplitOnCommasAsSentAndDistinct() {
		QueryParams query = query("filter%5Btag%5D=a,b,a&filter%5Bstatus%5D=QUEUED,,%20EXECUTING,&filter%5Bversion%5D=");
		assertThat(query.values("filter[tag]")).containsExactly("a", "b");
		assertThat(query.values("filter[status]")).containsExactly("QUEUED", "", " EXECUTING");
		assertThat(query.values("filter[version]")).isNull();
		assertThat(query.values("filter[queue]")).isNull();
	}

	@Test
	void valuesOfAFixedSetNameEveryValueNotInIt() {
		Set<String> allowed = Set.of("WAITING", "COMPLETED");
		assertThat(query("filter%5Bstatus%5D=COMPLETED,WAITING").values("filter[status]", allowed, "status"))
			.containsExactly("COMPLETED", "WAITING");
		assertThat(query("filter%5Bstatus%5D=").values("filter[status]", allowed, "status")).isNull();
		assertThatExceptionOfType(ApiError.class)
			.isThrownBy(() -> query("filter%5Bstatus%5D=DONE,WAITING,,waiting").values("filter[status]", allowed,
					"status"))
			.satisfies((error) -> assertThat(Json.parse(error.reply.body).get("details").get(0).get("message")
				.asString()).isEqualTo("Invalid status values: DONE, , waiting"));
	}

	@Test
	void dateIsEpochMillisOrIsoDateTimeOrDate() {
		QueryParams query = query("a=1740830400000&b=-1000&c=2025-03-01T12:00:00Z&d=2025-03-01T13:00:00%2B01:00"
				+ "&e=2025-03-01T12:00:00.250Z&f=2025-03-01&g=");
		assertThat(query.date("a")).isEqualTo(Instant.parse("2025-03-01T12:00:00Z"));
		assertThat(query.date("b")).isEqualTo(Instant.parse("1969-12-31T23:59:59Z"));
		assertThat(query.date("c")).isEqualTo(Instant.parse("2025-03-01T12:00:00Z"));
		assertThat(query.date("d")).isEqualTo(Instant.parse("2025-03-01T12:00:00Z"));
		assertThat(query.date("e")).isEqualTo(Instant.parse("2025-03-01T12:00:00.250Z"));
		assertThat(query.date("f")).isEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
		assertThat(query.date("g")).isNull();
		assertThat(query.date("h")).isNull();
	}

	@Test
	void badDateIsAQueryErrorNamingTheParameter() {
		for (String value : new String[] { "yesterday", "2025-03-01T12:00:00", "2025-13-01",
				"99999999999999999999", "8640000000000001" }) {
			assertThatExceptionOfType(ApiError.class)
				.isThrownBy(() -> query("filter%5BcreatedAt%5D%5Bfrom%5D=" + value).date("filter[createdAt][from]"))
				.satisfies((error) -> {
					JsonNode body = Json.parse(error.reply.body);
					assertThat(error.reply.status).as(value).isEqualTo(400);
					assertThat(body.get("error").asString()).isEqualTo("Query Error");
					assertThat(body.get("details").get(0).get("message").asString()).isEqualTo("Invalid date");
					assertThat(body.get("details").get(0).get("path").get(0).asString())
						.isEqualTo("filter[createdAt][from]");
				});
		}
	}

	@Test
	void pageSizeIsOneToOneHundred() {
		assertThat(query("").pageSize(25)).isEqualTo(25);
		assertThat(query("page%5Bsize%5D=1").pageSize(25)).isEqualTo(1);
		assertThat(query("page%5Bsize%5D=100").pageSize(25)).isEqualTo(100);
		for (String value : new String[] { "0", "101", "abc", "" }) {
			assertThatExceptionOfType(ApiError.class).isThrownBy(() -> query("page%5Bsize%5D=" + value).pageSize(25))
				.satisfies((error) -> assertThat(error.reply.status).as(value).isEqualTo(400));
		}
	}

}
