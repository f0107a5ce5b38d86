package io.github.triggerspring.webhooks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * Git metadata of a deployment.
 *
 * @param branch the branch
 * @param commitSha the commit
 * @param commitMessage message of the commit
 * @param commitUrl URL of the commit
 * @param branchUrl URL of the branch
 * @param pullRequestNumber number of the pull request, or {@code null}
 * @param pullRequestTitle title of the pull request, or {@code null}
 * @param pullRequestUrl URL of the pull request, or {@code null}
 * @param provider git provider, for example {@code github}, or {@code null}
 * @author trigger-spring-boot contributors
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertGit(String branch, String commitSha, String commitMessage, String commitUrl, String branchUrl,
		@Nullable Integer pullRequestNumber, @Nullable String pullRequestTitle, @Nullable String pullRequestUrl,
		@Nullable String provider) {

}
