package io.github.triggerspring.autoconfigure.webhooks;

import java.nio.charset.StandardCharsets;

import io.github.triggerspring.webhooks.TriggerWebhookEvent;
import io.github.triggerspring.webhooks.TriggerWebhookVerifier;
import io.github.triggerspring.webhooks.UnknownWebhookEvent;
import io.github.triggerspring.webhooks.WebhookDeliveries;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

import static io.github.triggerspring.webhooks.WebhookDeliveries.SECRET;
import static io.github.triggerspring.webhooks.WebhookDeliveries.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Tests for the webhook endpoint of a servlet application ({@link ServletWebhookEndpoint}),
 * as {@link TriggerWebhooksAutoConfiguration} registers it.
 *
 * @author trigger-spring-boot contributors
 */
class ServletWebhookEndpointTests {

	private static final String PATH = "/trigger/webhooks";

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TriggerWebhooksAutoConfiguration.class))
		.withUserConfiguration(WebMvcConfiguration.class)
		.withPropertyValues("trigger.webhooks.path=" + PATH, "trigger.webhooks.secret=" + SECRET,
				"trigger.webhooks.max-body-size=16KB");

	@Test
	void publishesEveryKnownEventTypeToListeners() {
		this.contextRunner.run((context) -> {
			MockMvc mvc = mvc(context);
			for (String body : new String[] { WebhookDeliveries.RUN_FAILED, WebhookDeliveries.DEPLOYMENT_SUCCESS,
					WebhookDeliveries.DEPLOYMENT_FAILED, WebhookDeliveries.ERROR }) {
				deliver(mvc, body, sign(body, SECRET)).andExpect(status().isOk());
			}
			RecordingWebhookListener listener = context.getBean(RecordingWebhookListener.class);
			assertThat(listener.all).extracting(TriggerWebhookEvent::type)
				.containsExactly("alert.run.failed", "alert.deployment.success", "alert.deployment.failed",
						"alert.error");
			assertThat(listener.runFailures).singleElement()
				.satisfies((event) -> assertThat(event.object().task().id()).isEqualTo("process-order"));
		});
	}

	@Test
	void publishesAnUnknownTypeAsRawJson() {
		this.contextRunner.run((context) -> {
			String body = WebhookDeliveries.DASHBOARD_AGENT_WATCH;
			deliver(mvc(context), body, sign(body, SECRET)).andExpect(status().isOk())
				.andExpect(content().string("Received alert_watch_0004"));
			assertThat(context.getBean(RecordingWebhookListener.class).all).singleElement()
				.isInstanceOf(UnknownWebhookEvent.class);
		});
	}

	@Test
	void answers401ToAMissingOrWrongSignatureAndPublishesNothing() {
		this.contextRunner.run((context) -> {
			MockMvc mvc = mvc(context);
			String body = WebhookDeliveries.RUN_FAILED;
			deliver(mvc, body, null).andExpect(status().isUnauthorized())
				.andExpect(content().string("The delivery has no x-trigger-signature-hmacsha256 header: it is not "
						+ "signed, so it cannot come from Trigger.dev."));
			deliver(mvc, body, sign(body, "whsec_wrong")).andExpect(status().isUnauthorized());
			deliver(mvc, body, sign(WebhookDeliveries.ERROR, SECRET)).andExpect(status().isUnauthorized());
			deliver(mvc, body, "nonsense").andExpect(status().isUnauthorized());
			assertThat(context.getBean(RecordingWebhookListener.class).all).isEmpty();
		});
	}

	@Test
	void answers400ToASignedBodyThatIsNotAnEvent() {
		this.contextRunner.run((context) -> {
			String body = "not json";
			deliver(mvc(context), body, sign(body, SECRET)).andExpect(status().isBadRequest());
			assertThat(context.getBean(RecordingWebhookListener.class).all).isEmpty();
		});
	}

	@Test
	void answers413ToABodyOverTheLimit() {
		this.contextRunner.run((context) -> {
			String body = ReactiveWebhookEndpointTests.hugeDelivery();
			deliver(mvc(context), body, sign(body, SECRET)).andExpect(status().isContentTooLarge())
				.andExpect(content().string("The body is larger than 16384B (trigger.webhooks.max-body-size)."));
			assertThat(context.getBean(RecordingWebhookListener.class).all).isEmpty();
		});
	}

	@Test
	void answersOkToAReplayWithoutPublishingItAgain() {
		this.contextRunner.run((context) -> {
			MockMvc mvc = mvc(context);
			String body = WebhookDeliveries.RUN_FAILED;
			deliver(mvc, body, sign(body, SECRET)).andExpect(status().isOk());
			deliver(mvc, body, sign(body, SECRET)).andExpect(status().isOk())
				.andExpect(content().string("Already received alert_run_0001"));
			RecordingWebhookListener listener = context.getBean(RecordingWebhookListener.class);
			assertThat(listener.all).hasSize(1);
			assertThat(listener.runFailures).hasSize(1);
		});
	}

	@Test
	void letsAListenerFailureThroughAndPublishesTheRetry() {
		this.contextRunner.run((context) -> {
			RecordingWebhookListener listener = context.getBean(RecordingWebhookListener.class);
			listener.failNext.set(true);
			MockMvc mvc = mvc(context);
			String body = WebhookDeliveries.ERROR;
			assertThatException().isThrownBy(() -> deliver(mvc, body, sign(body, SECRET)))
				.withRootCauseInstanceOf(IllegalStateException.class);
			assertThat(listener.all).isEmpty();
			deliver(mvc, body, sign(body, SECRET)).andExpect(status().isOk());
			assertThat(listener.all).hasSize(1);
		});
	}

	@Test
	void answersOnlyPostOnTheConfiguredPath() {
		this.contextRunner.run((context) -> {
			MockMvc mvc = mvc(context);
			mvc.perform(get(PATH)).andExpect((result) -> assertThat(result.getResponse().getStatus()).isIn(404, 405));
			String body = WebhookDeliveries.RUN_FAILED;
			mvc.perform(post("/other").header(TriggerWebhookVerifier.SIGNATURE_HEADER, sign(body, SECRET))
				.content(body)).andExpect(status().isNotFound());
		});
	}

	private static MockMvc mvc(AssertableWebApplicationContext context) {
		return MockMvcBuilders.webAppContextSetup((WebApplicationContext) context.getSourceApplicationContext())
			.build();
	}

	private static ResultActions deliver(MockMvc mvc, String body, String signature) throws Exception {
		MockHttpServletRequestBuilder request = post(PATH).contentType(MediaType.APPLICATION_JSON)
			.content(body.getBytes(StandardCharsets.UTF_8));
		if (signature != null) {
			request.header(TriggerWebhookVerifier.SIGNATURE_HEADER, signature);
		}
		return mvc.perform(request);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebMvc
	static class WebMvcConfiguration {

		@Bean
		RecordingWebhookListener recordingWebhookListener() {
			return new RecordingWebhookListener();
		}

	}

}
