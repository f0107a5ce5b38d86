package io.github.triggerspring.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * Adapts {@link TriggerProperties} to {@link TriggerConnectionDetails}.
 *
 * @author trigger-spring-boot contributors
 */
class PropertiesTriggerConnectionDetails implements TriggerConnectionDetails {

	private final TriggerProperties properties;

	PropertiesTriggerConnectionDetails(TriggerProperties properties) {
		this.properties = properties;
	}

	@Override
	public String getApiUrl() {
		return this.properties.getApiUrl();
	}

	@Override
	public @Nullable String getSecretKey() {
		return this.properties.getSecretKey();
	}

	@Override
	public @Nullable String getPersonalAccessToken() {
		return this.properties.getPersonalAccessToken();
	}

	@Override
	public @Nullable String getProjectRef() {
		return this.properties.getProjectRef();
	}

	@Override
	public @Nullable String getPreviewBranch() {
		return this.properties.getPreviewBranch();
	}

}
