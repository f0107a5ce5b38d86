package io.github.triggerspring.autoconfigure.webhooks;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties of the Trigger.dev alert webhook endpoint.
 *
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
@ConfigurationProperties("trigger.webhooks")
public class TriggerWebhooksProperties {

	/**
	 * Default of {@link #getMaxBodySize()}.
	 */
	public static final DataSize DEFAULT_MAX_BODY_SIZE = DataSize.ofMegabytes(1);

	/**
	 * Path that receives alert webhook deliveries (POST), for example /trigger/webhooks.
	 * The endpoint exists only when it is set, and then trigger.webhooks.secret is
	 * required.
	 */
	private @Nullable String path;

	/**
	 * Secret of the alert channel's webhook, which signs each delivery. Also read from
	 * TRIGGER_WEBHOOKS_SECRET.
	 */
	private @Nullable String secret;

	/**
	 * Largest delivery body accepted; a larger one is answered with 413.
	 */
	private DataSize maxBodySize = DEFAULT_MAX_BODY_SIZE;

	/**
	 * Number of recent delivery ids remembered, so that a replayed delivery is answered
	 * with 200 without being published again; 0 publishes every delivery.
	 */
	private int rememberedDeliveries = 10000;

	public @Nullable String getPath() {
		return this.path;
	}

	public void setPath(@Nullable String path) {
		this.path = path;
	}

	public @Nullable String getSecret() {
		return this.secret;
	}

	public void setSecret(@Nullable String secret) {
		this.secret = secret;
	}

	public DataSize getMaxBodySize() {
		return this.maxBodySize;
	}

	public void setMaxBodySize(DataSize maxBodySize) {
		this.maxBodySize = maxBodySize;
	}

	public int getRememberedDeliveries() {
		return this.rememberedDeliveries;
	}

	public void setRememberedDeliveries(int rememberedDeliveries) {
		this.rememberedDeliveries = rememberedDeliveries;
	}

}
