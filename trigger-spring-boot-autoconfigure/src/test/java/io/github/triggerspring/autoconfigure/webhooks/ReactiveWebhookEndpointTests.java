package io.github.triggerspring.autoconfigure.webhooks;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.github.triggerspring.webhooks.TriggerWebhookEvent;
import io.github.triggerspring.webhooks.TriggerWebhookVerifier;
import io.github.triggerspring.webhooks.UnknownWebhookEvent;
import io.github.triggerspring.webhooks.WebhookDeliveries;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static io.github.triggerspring.webhooks.WebhookDeliveries.SECRET;
import static io.github.triggerspring.webhooks.WebhookDeliveries.sign;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the webhook endpoint of a WebFlux application ({@link ReactiveWebhookEndpoint}),
 * as {@link TriggerWebhooksAutoConfiguration} registers it.
 *
 * @author trigger-spring-boot contributors
 */
class ReactiveWebhookEndpointTests {

	private static final String PATH = "/trigger/webhooks";

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebFluxAutoConfiguration.class, TriggerWebhooksAutoConfiguration.class))
		.withUserConfiguration(ListenerConfiguration.class)
		.withPropertyValues("trigger.webhooks.path=" + PATH, "trigger.webhooks.secret=" + SECRET,
				"trigger.webhooks.max-body-size=16KB", "spring.codec.max-in-memory-size=1KB");

	@Test
	void publishesEveryKnownEventTypeToListeners() {
		this.contextRunner.run((context) -> {
			WebTestClient client = client(context);
			for (String body : new String[] { WebhookDeliveries.RUN_FAILED, WebhookDeliveries.DEPLOYMENT_SUCCESS,
					WebhookDeliveries.DEPLOYMENT_FAILED, WebhookDeliveries.ERROR }) {
				deliver(client, body, sign(body, SECRET)).expectStatus().isOk();
			}
			RecordingWebhookListener listener = context.getBean(RecordingWebhookListener.class);
			assertThat(listener.all).extracting(TriggerWebhookEvent::type)
				.containsExactly("alert.run.failed", "alert.deployment.success", "alert.deployment.failed",
						"alert.error");
			assertThat(listener.runFailures).singleElement()
				.satisfies((event) -> assertThat(event.object().run().id()).isEqualTo("run_cm1a2b3c4d"));
		});
	}

	@Test
	void answersOkWithTheDeliveryId() {
		this.contextRunner.run((context) -> deliver(client(context), WebhookDeliveries.RUN_FAILED,
				sign(WebhookDeliveries.RUN_FAILED, SECRET))
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("Received alert_run_0001"));
	}

	@Test
	void publishesAnUnknownTypeAsRawJson() {
		this.contextRunner.run((context) -> {
			String body = WebhookDeliveries.DASHBOARD_AGENT_WATCH;
			deliver(client(context), body, sign(body, SECRET)).expectStatus().isOk();
			assertThat(context.getBean(RecordingWebhookListener.class).all).singleElement()
				.isInstanceOfSatisfying(UnknownWebhookEvent.class,
						(event) -> assertThat(event.raw().at("/object/watch/id").asString()).isEqualTo("watch_1"));
		});
	}

	@Test
	void answers401ToAMissingOrWrongSignatureAndPublishesNothing() {
		this.contextRunner.run((context) -> {
			WebTestClient client = client(context);
			String body = WebhookDeliveries.RUN_FAILED;
			deliver(client, body, null).expectStatus()
				.isUnauthorized()
				.expectBody(String.class)
				.isEqualTo("The delivery has no x-trigger-signature-hmacsha256 header: it is not signed, so it cannot "
						+ "come from Trigger.dev.");
			deliver(client, body, sign(body, "whsec_wrong")).expectStatus().isUnauthorized();
			deliver(client, body, sign(WebhookDeliveries.ERROR, SECRET)).expectStatus().isUnauthorized();
			deliver(client, body, "sha256=" + sign(body, SECRET)).expectStatus().isUnauthorized();
			assertThat(context.getBean(RecordingWebhookListener.class).all).isEmpty();
		});
	}

	@Test
	void answers400ToASignedBodyThatIsNotAnEvent() {
		this.contextRunner.run((context) -> {
			String body = "<html>not json</html>";
			deliver(client(context), body, sign(body, SECRET)).expectStatus()
				.isBadRequest()
				.expectBody(String.class)
				.value((message) -> assertThat(message).startsWith(
						"The delivery is signed, but its body is not a Trigger.dev webhook event: it is not JSON ("));
			assertThat(context.getBean(RecordingWebhookListener.class).all).isEmpty();
		});
	}

	@Test
	void answers413ToABodyOverTheLimit() {
		this.contextRunner.run((context) -> {
			String body = hugeDelivery();
			deliver(client(context), body, sign(body, SECRET)).expectStatus()
				.isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
				.expectBody(String.class)
				.isEqualTo("The body is larger than 16384B (trigger.webhooks.max-body-size).");
			assertThat(context.getBean(RecordingWebhookListener.class).all).isEmpty();
		});
	}

	@Test
	void answers413ToAStreamedBodyOverTheLimitWithoutContentLength() {
		this.contextRunner.run((context) -> {
			byte[] body = hugeDelivery().getBytes(StandardCharsets.UTF_8);
			Flux<DataBuffer> chunks = Flux.range(0, body.length / 1024 + 1)
				.map((i) -> DefaultDataBufferFactory.sharedInstance
					.wrap(Arrays.copyOfRange(body, i * 1024, Math.min(body.length, (i + 1) * 1024))));
			client(context).post()
				.uri(PATH)
				.header(TriggerWebhookVerifier.SIGNATURE_HEADER, sign(body, SECRET))
				.contentType(MediaType.APPLICATION_JSON)
				.body(BodyInserters.fromDataBuffers(chunks))
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
			assertThat(context.getBean(RecordingWebhookListener.class).all).isEmpty();
		});
	}

	@Test
	void readsABodyLargerThanTheCodecLimitButWithinItsOwn() {
		this.contextRunner.run((context) -> {
			String body = WebhookDeliveries.RUN_FAILED.replace("\"ignored\"", "\"" + "x".repeat(4096) + "\"");
			deliver(client(context), body, sign(body, SECRET)).expectStatus().isOk();
			assertThat(context.getBean(RecordingWebhookListener.class).all).hasSize(1);
		});
	}

	@Test
	void answersOkToAReplayWithoutPublishingItAgain() {
		this.contextRunner.run((context) -> {
			WebTestClient client = client(context);
			String body = WebhookDeliveries.DEPLOYMENT_FAILED;
			deliver(client, body, sign(body, SECRET)).expectStatus().isOk();
			deliver(client, body, sign(body, SECRET)).expectStatus()
				.isOk()
				.expectBody(String.class)
				.isEqualTo("Already received alert_dep_0003");
			assertThat(context.getBean(RecordingWebhookListener.class).all).hasSize(1);
		});
	}

	@Test
	void answers500WhenAListenerFailsAndPublishesTheRetry() {
		this.contextRunner.run((context) -> {
			RecordingWebhookListener listener = context.getBean(RecordingWebhookListener.class);
			listener.failNext.set(true);
			WebTestClient client = client(context);
			String body = WebhookDeliveries.RUN_FAILED;
			deliver(client, body, sign(body, SECRET)).expectStatus().is5xxServerError();
			assertThat(listener.all).isEmpty();
			deliver(client, body, sign(body, SECRET)).expectStatus().isOk();
			assertThat(listener.all).hasSize(1);
		});
	}

	@Test
	void publishesEveryDeliveryWhenNoIdIsRemembered() {
		this.contextRunner.withPropertyValues("trigger.webhooks.remembered-deliveries=0").run((context) -> {
			WebTestClient client = client(context);
			String body = WebhookDeliveries.DEPLOYMENT_SUCCESS;
			deliver(client, body, sign(body, SECRET)).expectStatus().isOk();
			deliver(client, body, sign(body, SECRET)).expectStatus().isOk();
			assertThat(context.getBean(RecordingWebhookListener.class).all).hasSize(2);
		});
	}

	@Test
	void answersOnlyPostOnTheConfiguredPath() {
		this.contextRunner.run((context) -> {
			WebTestClient client = client(context);
			client.get().uri(PATH).exchange().expectStatus().value((status) -> assertThat(status).isIn(404, 405));
			String body = WebhookDeliveries.RUN_FAILED;
			client.post()
				.uri("/other")
				.header(TriggerWebhookVerifier.SIGNATURE_HEADER, sign(body, SECRET))
				.bodyValue(body)
				.exchange()
				.expectStatus()
				.isNotFound();
		});
	}

	static String hugeDelivery() {
		return WebhookDeliveries.RUN_FAILED.replace("\"ignored\"", "\"" + "x".repeat(20 * 1024) + "\"");
	}

	private static WebTestClient client(ApplicationContext context) {
		return WebTestClient.bindToApplicationContext(context).build();
	}

	private static WebTestClient.ResponseSpec deliver(WebTestClient client, String body, String signature) {
		WebTestClient.RequestBodySpec request = client.post().uri(PATH).contentType(MediaType.APPLICATION_JSON);
		if (signature != null) {
			request.header(TriggerWebhookVerifier.SIGNATURE_HEADER, signature);
		}
		return request.bodyValue(body.getBytes(StandardCharsets.UTF_8)).exchange();
	}

	@Configuration(proxyBeanMethods = false)
	static class ListenerConfiguration {

		@Bean
		RecordingWebhookListener recordingWebhookListener() {
			return new RecordingWebhookListener();
		}

	}

}
