package io.github.triggerspring.emulator;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Authenticates a call: a secret key selects its environment (a preview key also needs the
 * {@code x-trigger-branch} header, which has no effect with a dev, staging or prod key), a
 * personal or organization access token ({@code tr_pat_}, {@code tr_oat_}) reaches the
 * projects it was granted, and a public access token (a JWT), on the routes that accept
 * one, reaches the environment it names once it verifies.
 *
 * @author trigger-spring-boot contributors
 */
final class ApiAuthenticator {

	private final EmulatorState state;

	private final EmulatorClock clock;

	ApiAuthenticator(EmulatorState state, EmulatorClock clock) {
		this.state = state;
		this.clock = clock;
	}

	@Nullable ApiPrincipal authenticate(ApiCall call, Mode mode) {
		if (mode == Mode.NONE) {
			return null;
		}
		String authorization = call.header("authorization");
		if (authorization == null || authorization.isBlank()) {
			throw new ApiError(401, "No authorization header provided");
		}
		String token = CredentialMasker.credential(authorization);
		synchronized (this.state) {
			if (PublicJwts.isJwt(token)) {
				return authenticatePublicToken(token, mode);
			}
			if (token.startsWith("tr_pat_") || token.startsWith("tr_oat_")) {
				EmulatorState.AccessToken accessToken = this.state.accessTokens.get(token);
				if (accessToken == null || mode == Mode.SECRET || mode == Mode.JWT) {
					throw new ApiError(401, "Invalid API Key");
				}
				return new ApiPrincipal(null, accessToken);
			}
			EnvRecord root = this.state.secretKeys.get(token);
			if (root == null) {
				throw new ApiError(401, "Invalid API Key");
			}
			if (mode == Mode.ACCESS_TOKEN) {
				throw new ApiError(401, "Invalid or Missing API key");
			}
			if (root.type != EmulatedEnvironment.PREVIEW) {
				// Only the preview environment has branches: the header has no effect here
				return new ApiPrincipal(root, null);
			}
			String branch = sanitizeBranch(call.header("x-trigger-branch"));
			if (branch == null) {
				throw new ApiError(401, "x-trigger-branch header required for preview env");
			}
			EnvRecord env = root.project.previewBranch(branch);
			if (env == null) {
				throw new ApiError(401, "No matching branch env");
			}
			return new ApiPrincipal(env, null);
		}
	}

	/**
	 * A public access token: refused where the route does not accept one, else verified
	 * with its environment's key (signature, {@code exp}); a one-time token is spent.
	 */
	private ApiPrincipal authenticatePublicToken(String token, Mode mode) {
		if (mode != Mode.JWT) {
			throw new ApiError(401, "Public Access Tokens are not allowed for this request");
		}
		PublicJwt jwt = PublicJwts.verify(this.state, token, this.clock.instant());
		if (jwt.oneTimeUse() && !this.state.usedOneTimeTokens.add(token)) {
			throw new ApiError(401, "One-time use token has already been used");
		}
		return new ApiPrincipal(jwt.env(), null, jwt);
	}

	static @Nullable String sanitizeBranch(@Nullable String branch) {
		if (branch == null || branch.isBlank()) {
			return null;
		}
		String value = branch.trim();
		for (String prefix : List.of("refs/heads/", "refs/remotes/", "refs/tags/", "refs/pull/", "refs/merge/",
				"refs/release/")) {
			if (value.startsWith(prefix)) {
				return value.substring(prefix.length());
			}
		}
		return value.startsWith("refs/") ? null : value;
	}

	/**
	 * The credentials a route accepts.
	 */
	enum Mode {

		NONE, SECRET, ACCESS_TOKEN, ANY,

		/** A secret key or a public access token. */
		JWT

	}

}
